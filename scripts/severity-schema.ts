/**
 * Writes every diagnostic code into package.json's schema of the
 * `breachDesk.severity` setting, with its summary and default severity, so
 * that VS Code completes and describes the codes in settings.json. Run after
 * adding or changing a code (`npx tsx scripts/severity-schema.ts`); a test in
 * test/repo.test.ts fails while package.json and `CODES` differ.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CODES } from '../server/src/core/codes';

const file = path.resolve(__dirname, '..', 'package.json');
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
const setting = pkg.contributes.configuration.properties['breachDesk.severity'];
setting.properties = severityProperties(setting.additionalProperties.enum);
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');

function severityProperties(levels: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(CODES).map(([code, info]) => [code, { type: 'string', enum: levels, markdownDescription: `${info.summary} Default: \`${info.severity}\`.` }]));
}
