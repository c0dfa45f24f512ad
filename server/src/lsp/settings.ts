/**
 * Settings, resolved per document (a folder may override the workspace) and
 * validated: a bad value is reported once in the log and ignored, never
 * allowed to break analysis. All settings live under the `breachDesk.` prefix.
 */
import { isCode, type Severity } from '../core/codes';
import type { SeverityOverrides } from '../core/diagnostics';

export interface Settings {
  severity: SeverityOverrides;
}

export const DEFAULT_SETTINGS: Settings = { severity: {} };

const LEVELS = new Set<Severity | 'off'>(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown, warn: (message: string) => void): Settings {
  const out: Settings = { severity: {} };
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const sev = obj.severity;
  if (sev && typeof sev === 'object') {
    for (const [code, level] of Object.entries(sev as Record<string, unknown>)) {
      if (!isCode(code)) {
        warn(`breachDesk.severity: "${code}" is not a Breach Desk diagnostic code; ignored.`);
        continue;
      }
      if (typeof level !== 'string' || !LEVELS.has(level as Severity)) {
        warn(`breachDesk.severity: "${String(level)}" for ${code} is not one of error, warning, information, hint, off; ignored.`);
        continue;
      }
      out.severity[code] = level as Severity | 'off';
    }
  }
  return out;
}
