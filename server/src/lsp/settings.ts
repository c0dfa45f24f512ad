/**
 * Settings, resolved per document (a folder may override the workspace) and
 * validated: a bad value is reported once in the log and ignored, never
 * allowed to break analysis. All settings live under the `breachDesk.` prefix.
 */
import { isCode, type Severity } from '../core/codes';
import type { SeverityOverrides } from '../core/diagnostics';
import { patternProblem } from '../node/exclude';
import { DEFAULT_MAX_BYTES } from '../node/fsutil';

export interface Settings {
  severity: SeverityOverrides;
  /** Files on disk larger than this are skipped with a message (bytes). */
  maxFileSize: number;
  /** Glob patterns of files left out of the corpus (`node/exclude.ts`), each one usable. */
  exclude: string[];
}

/**
 * A setting's value as a message shows it. Settings come from the workspace, which may be
 * hostile, and VS Code's notifications read "[label](command:…)" as a link that runs a
 * command: at most 60 characters, with no bracket, parenthesis, icon mark or control character.
 */
export function shown(value: unknown): string {
  let s = JSON.stringify(value) ?? String(value);
  if (s.length > 60) s = `${s.slice(0, 59)}…`;
  return s.replace(/[[\]()<>`$\\]|[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** 5 MB (see `DEFAULT_MAX_BYTES`): the same limit as the CLI's. */
export const DEFAULT_MAX_FILE_SIZE = DEFAULT_MAX_BYTES;

export const DEFAULT_SETTINGS: Settings = { severity: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, exclude: [] };

const LEVELS = new Set<Severity | 'off'>(['error', 'warning', 'information', 'hint', 'off']);

export function readSettings(raw: unknown, warn: (message: string) => void): Settings {
  const out: Settings = { severity: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, exclude: [] };
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const sev = obj.severity;
  if (sev !== undefined && sev !== null && (typeof sev !== 'object' || Array.isArray(sev))) {
    warn(`breachDesk.severity: ${shown(sev)} is not an object of code: level pairs (for example { "tags.stop-word": "off" }); ignored.`);
  } else if (sev && typeof sev === 'object') {
    for (const [code, level] of Object.entries(sev as Record<string, unknown>)) {
      if (!isCode(code)) {
        warn(`breachDesk.severity: ${shown(code)} is not a Breach Desk diagnostic code; ignored.`);
        continue;
      }
      if (typeof level !== 'string' || !LEVELS.has(level as Severity)) {
        warn(`breachDesk.severity: ${shown(level)} for ${code} is not one of error, warning, information, hint, off; ignored.`);
        continue;
      }
      out.severity[code] = level as Severity | 'off';
    }
  }
  const mb = obj.maxFileSize;
  if (mb !== undefined && mb !== null) {
    // From 0.001 MB (1 KB), as the setting's schema says: 1e-9 rounded to no byte at all, and every file was skipped.
    if (typeof mb === 'number' && Number.isFinite(mb) && mb >= 0.001 && mb <= 1024) out.maxFileSize = Math.round(mb * 1_000_000);
    else warn(`breachDesk.maxFileSize: ${shown(mb)} is not a size in MB between 0.001 and 1024; using ${DEFAULT_MAX_FILE_SIZE / 1_000_000}.`);
  }
  const corpus = obj.corpus;
  if (corpus !== undefined && corpus !== null && !(Array.isArray(corpus) && corpus.every((d) => typeof d === 'string'))) {
    warn(`breachDesk.corpus: ${shown(corpus)} is not a list of folder paths; ignored.`);
  }
  // A pattern that cannot be used is left out alone: the others still keep their files out of the corpus.
  const exclude = obj.exclude;
  if (exclude !== undefined && exclude !== null) {
    if (!Array.isArray(exclude)) warn(`breachDesk.exclude: ${shown(exclude)} is not a list of glob patterns such as "drafts/**"; ignored.`);
    else {
      for (const p of exclude) {
        const problem = typeof p === 'string' ? patternProblem(p) : 'is not a glob pattern: patterns are text in quotes, such as "drafts/**"';
        if (problem) warn(`breachDesk.exclude: ${shown(p)} ${problem}; ignored.`);
        else out.exclude.push(p as string);
      }
    }
  }
  return out;
}
