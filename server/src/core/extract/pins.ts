/**
 * Pinned entities: what a newsroom knows better than any extractor. A
 * workspace file `.breachdesk/entities.json`,
 *
 *     { "entities": [ { "name": "John Binns", "kind": "person",
 *                       "aliases": ["IRDev", "v0rtex"],
 *                       "description": "Claimed the 2021 T-Mobile breach." } ] }
 *
 * fixes an entity's name and kind, adds aliases that are recognised in every
 * article (even at a sentence start), and gives the hover card a one-line
 * description. Every mistake in the file is reported with its place; the
 * valid entries still apply.
 */
import type { Span } from '../text';
import { entityKey } from './entities';
import type { EntityKind } from './types';

export interface Pin {
  key: string;
  name: string;
  kind?: EntityKind;
  aliases: string[];
  description?: string;
}

export interface PinProblem {
  message: string;
  span: Span;
}

const KINDS: EntityKind[] = ['person', 'organisation', 'place', 'outlet', 'handle', 'other'];

/** Where a JSON string first stands in the file, for pointing at it. */
function locate(text: string, needle: string): Span {
  const at = text.indexOf(JSON.stringify(needle));
  return at < 0 ? { start: 0, end: 0 } : { start: at, end: at + JSON.stringify(needle).length };
}

export function parsePins(text: string): { pins: Pin[]; problems: PinProblem[] } {
  const problems: PinProblem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec(String(err));
    const at = m ? Math.min(Number(m[1]), text.length) : 0;
    problems.push({ message: `Not valid JSON: ${(err as Error).message}. No entity in this file is pinned until it is fixed.`, span: { start: at, end: Math.min(at + 1, text.length) } });
    return { pins: [], problems };
  }
  const list = (data as { entities?: unknown })?.entities;
  if (!data || typeof data !== 'object' || !Array.isArray(list)) {
    problems.push({ message: 'Expected an object with an "entities" array: { "entities": [ { "name": "…" } ] }.', span: { start: 0, end: Math.min(1, text.length) } });
    return { pins: [], problems };
  }
  const pins: Pin[] = [];
  const seen = new Map<string, string>();
  list.forEach((raw, i) => {
    const where = `Entity ${i + 1}`;
    if (!raw || typeof raw !== 'object') {
      problems.push({ message: `${where} is not an object.`, span: { start: 0, end: 0 } });
      return;
    }
    const e = raw as Record<string, unknown>;
    if (typeof e.name !== 'string' || !e.name.trim()) {
      problems.push({ message: `${where} has no "name" (a non-empty string).`, span: { start: 0, end: 0 } });
      return;
    }
    const name = e.name.trim();
    const span = locate(text, e.name);
    let kind: EntityKind | undefined;
    if (e.kind !== undefined) {
      if (typeof e.kind === 'string' && (KINDS as string[]).includes(e.kind)) kind = e.kind as EntityKind;
      else problems.push({ message: `"${name}": kind must be one of ${KINDS.join(', ')}; it is ignored.`, span: typeof e.kind === 'string' ? locate(text, e.kind) : span });
    }
    const aliases: string[] = [];
    if (e.aliases !== undefined) {
      if (!Array.isArray(e.aliases)) problems.push({ message: `"${name}": aliases must be an array of strings.`, span });
      else for (const a of e.aliases) {
        if (typeof a === 'string' && a.trim()) aliases.push(a.trim());
        else problems.push({ message: `"${name}": an alias that is not a non-empty string is ignored.`, span });
      }
    }
    let description: string | undefined;
    if (e.description !== undefined) {
      if (typeof e.description === 'string') description = e.description.slice(0, 300);
      else problems.push({ message: `"${name}": description must be a string.`, span });
    }
    for (const k of Object.keys(e)) {
      if (!['name', 'kind', 'aliases', 'description'].includes(k)) problems.push({ message: `"${name}": unknown property "${k}" (name, kind, aliases, description are read).`, span: locate(text, k) });
    }
    const key = entityKey(name);
    for (const form of [name, ...aliases]) {
      const prior = seen.get(entityKey(form));
      if (prior && prior !== key) problems.push({ message: `"${form}" is pinned to two entities; the first one wins.`, span: locate(text, form) });
    }
    for (const form of [name, ...aliases]) if (!seen.has(entityKey(form))) seen.set(entityKey(form), key);
    pins.push({ key, name, kind, aliases: aliases.filter((a) => seen.get(entityKey(a)) === key), description });
  });
  return { pins, problems };
}
