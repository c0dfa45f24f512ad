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
import { findNodeAtLocation, parseTree, type Node, type ParseError, ParseErrorCode } from 'jsonc-parser';
import type { Span } from '../text';
import { entityKey } from './entities';
import { ENTITY_KINDS, type EntityKind } from './types';

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

/** The kinds a pin may give: not `vulnerability`, which only a CVE identifier is (a name pinned so would own no figure and read no card line). */
const KINDS = ENTITY_KINDS.filter((k) => k !== 'vulnerability');

/** Where a JSON string first stands in the file, for pointing at it. */
function locate(text: string, needle: string): Span {
  const at = text.indexOf(JSON.stringify(needle));
  return at < 0 ? { start: 0, end: 0 } : { start: at, end: at + JSON.stringify(needle).length };
}

/** What a JSON syntax error is, in the words a writer reads. */
const SYNTAX: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'a character JSON does not allow here',
  [ParseErrorCode.InvalidNumberFormat]: 'a number written in a way JSON does not allow',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes was expected',
  [ParseErrorCode.ValueExpected]: 'a value was expected',
  [ParseErrorCode.ColonExpected]: 'a colon was expected after the property name',
  [ParseErrorCode.CommaExpected]: 'a comma was expected',
  [ParseErrorCode.CloseBraceExpected]: 'a closing } was expected',
  [ParseErrorCode.CloseBracketExpected]: 'a closing ] was expected',
  [ParseErrorCode.EndOfFileExpected]: 'the file should end here',
  [ParseErrorCode.InvalidCommentToken]: 'a comment, which JSON does not allow',
  [ParseErrorCode.UnexpectedEndOfComment]: 'a comment that is not closed',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string that is not closed',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number that is cut short',
  [ParseErrorCode.InvalidUnicode]: 'an invalid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'an invalid escape after a backslash',
  [ParseErrorCode.InvalidCharacter]: 'a character a string may not hold (a line break or a control character)',
};

/** The span of a JSON node, or the file's first character when there is none. */
function spanOf(text: string, node: Node | undefined): Span {
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: Math.min(1, text.length) };
}

/**
 * How deeply a configuration file (the pins file, the editor's settings the CLI reads) may nest arrays and objects. The
 * pins file needs three levels, settings four or five; jsonc-parser recurses once a level, and twenty thousand `[` in a
 * shared workspace's file overflowed the stack (`RangeError`), which took the whole load down with it.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The offset of the first `[` or `{` that opens a level deeper than `max`, outside strings and comments; undefined when
 * none does. One pass, no recursion: run before any parser that recurses.
 */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // To the closing quote, past escapes (an unclosed string runs to the end, as the parser reads it).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

/** The problem of a file nested deeper than `MAX_JSON_DEPTH` at `at`, or undefined. */
export function depthProblem(text: string, consequence: string): PinProblem | undefined {
  const at = tooDeep(text);
  if (at === undefined) return undefined;
  return { message: `Arrays and objects are nested more than ${MAX_JSON_DEPTH} levels deep here; the file is not read (${consequence}).`, span: { start: at, end: at + 1 } };
}

/**
 * `parsePins` that never throws: a file of the workspace (or of the checked folder) never stops a load or a run, and
 * what fails in reading it is its problem.
 */
export function readPins(text: string): { pins: Pin[]; problems: PinProblem[] } {
  try {
    return parsePins(text);
  } catch (err) {
    return { pins: [], problems: [{ span: { start: 0, end: 0 }, message: `The pinned entities could not be read (${err instanceof Error ? err.message : String(err)}); no entity in this file is pinned.` }] };
  }
}

export function parsePins(text: string): { pins: Pin[]; problems: PinProblem[] } {
  const problems: PinProblem[] = [];
  // Before any parser, which recurses a level at a time (a stack overflow is no problem to report).
  const deep = depthProblem(text, 'no entity in this file is pinned until it is fixed');
  if (deep) return { pins: [], problems: [deep] };
  // Parsed with jsonc-parser rather than JSON.parse: a mistake is reported where it is (JSON.parse says
  // "Unexpected end of JSON input" with no place), and each entity's problems point at that entity.
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !root) {
    const e = errors[0];
    const at = e ? Math.min(e.offset, text.length) : 0;
    const what = e ? SYNTAX[e.error] ?? 'a mistake' : 'no JSON at all';
    problems.push({ message: `Not valid JSON: ${what}. No entity in this file is pinned until it is fixed.`, span: { start: at, end: Math.min(at + Math.max(e?.length ?? 1, 1), text.length) } });
    return { pins: [], problems };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // What jsonc-parser accepts and JSON.parse does not (none known): said without a place.
    problems.push({ message: `Not valid JSON: ${(err as Error).message}. No entity in this file is pinned until it is fixed.`, span: spanOf(text, undefined) });
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
    const node = findNodeAtLocation(root, ['entities', i]);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ message: `${where} is not an object.`, span: spanOf(text, node) });
      return;
    }
    const e = raw as Record<string, unknown>;
    if (typeof e.name !== 'string' || !e.name.trim()) {
      problems.push({ message: `${where} has no "name" (a non-empty string).`, span: spanOf(text, node && (findNodeAtLocation(node, ['name']) ?? node)) });
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
