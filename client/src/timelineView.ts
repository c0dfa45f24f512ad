/**
 * The figure timeline as a web page: an inline SVG chart of every value of a
 * measure over time, one dot per statement (colour: agrees with the figure
 * the user started from, differs, or is that figure), and a table of the same
 * values with the outlet, the date, who says so and a link that opens the
 * article at the figure.
 *
 * The page runs no script at all: its Content-Security-Policy allows only a
 * nonce'd inline style and data: images, and the only links are `command:`
 * links to `breachDesk.openLocation` (the webview allows no other command).
 * Every piece of text from the corpus goes through `escapeHtml`.
 *
 * Pure: no `vscode` import, so the tests render it directly.
 */

/** What `breachDesk/timeline` answers (see server/src/core/features/timeline.ts). */
export interface TimelineData {
  measure: string;
  label: string;
  unit: string;
  points: {
    uri: string;
    text: string;
    value: number;
    low: number;
    high: number;
    label: string;
    when?: number | null;
    dated: 'as-of' | 'article' | 'none';
    outlet: string;
    title: string;
    by?: string | null;
    agrees: boolean;
    /** What the consistency check makes of it (a code, and in words); `unweighed` where it compares nothing. */
    verdict?: string;
    check?: string;
    selected: boolean;
    range: { start: { line: number; character: number } };
  }[];
}

export const OPEN_LOCATION_COMMAND = 'breachDesk.openLocation';

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function day(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** A short axis label for a value (50,000,000 → 50M). */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  const fmt = (x: number, s: string) => `${Number(x.toPrecision(3))}${s}`;
  if (a >= 1e12) return fmt(v / 1e12, 'T');
  if (a >= 1e9) return fmt(v / 1e9, 'B');
  if (a >= 1e6) return fmt(v / 1e6, 'M');
  if (a >= 1e3) return fmt(v / 1e3, 'k');
  return fmt(v, '');
}

/** A command link the webview may follow: open `uri` at a position. */
function openHref(uri: string, line: number, character: number): string {
  return `command:${OPEN_LOCATION_COMMAND}?${encodeURIComponent(JSON.stringify([uri, line, character]))}`;
}

export interface RenderOptions {
  /** A fresh random value per render; only the style element carrying it applies. */
  nonce: string;
}

export const WIDTH = 720;
export const HEIGHT = 320;
const PAD = { left: 64, right: 72, top: 24, bottom: 48 };

/** The smallest "nice" number (1, 2, 2.5 or 5 times a power of ten) at least `x`: the top of the value axis. */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** Where each point goes on the chart: x by date (undated values in a column at the right), y by value. */
export function layout(data: TimelineData): { x: number; y: number }[] {
  const dated = data.points.filter((p) => typeof p.when === 'number');
  const undated = data.points.length - dated.length;
  const plotRight = WIDTH - PAD.right - (undated ? 80 : 0);
  const t0 = Math.min(...dated.map((p) => p.when as number));
  const t1 = Math.max(...dated.map((p) => p.when as number));
  const top = axisTop(data);
  const y = (v: number) => HEIGHT - PAD.bottom - (Math.min(Math.max(v, 0), top) / top) * (HEIGHT - PAD.top - PAD.bottom);
  return data.points.map((p) => {
    if (typeof p.when !== 'number') return { x: WIDTH - PAD.right - 40, y: y(p.value) };
    const x = t1 === t0 ? (PAD.left + plotRight) / 2 : PAD.left + ((p.when - t0) / (t1 - t0)) * (plotRight - PAD.left);
    return { x, y: y(p.value) };
  });
}

/** The value at the top of the chart: a nice number a little above the largest value. */
function axisTop(data: TimelineData): number {
  return niceCeiling((Math.max(...data.points.map((p) => p.value), 0) || 1) * 1.05);
}

function chart(data: TimelineData): string {
  const at = layout(data);
  const dated = data.points.filter((p) => typeof p.when === 'number');
  const top = axisTop(data);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(`Values of ${data.label} over time`)}">`);
  // Axes and a few value grid lines.
  const base = HEIGHT - PAD.bottom;
  out.push(`<line class="axis" x1="${PAD.left}" y1="${base}" x2="${WIDTH - PAD.right}" y2="${base}"/>`);
  out.push(`<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${base}"/>`);
  for (let i = 1; i <= 4; i++) {
    const v = (top * i) / 4;
    const y = base - (i / 4) * (HEIGHT - PAD.top - PAD.bottom);
    out.push(`<line class="grid" x1="${PAD.left}" y1="${y.toFixed(1)}" x2="${WIDTH - PAD.right}" y2="${y.toFixed(1)}"/>`);
    out.push(`<text class="tick" x="${PAD.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${escapeHtml(shortNumber(v))}</text>`);
  }
  // Date ticks: the first and last dated value, and the undated column.
  if (dated.length) {
    const first = data.points.indexOf(dated[0]);
    const last = data.points.indexOf(dated[dated.length - 1]);
    out.push(`<text class="tick" x="${at[first].x.toFixed(1)}" y="${base + 18}" text-anchor="middle">${escapeHtml(day(dated[0].when as number))}</text>`);
    if (last !== first && at[last].x - at[first].x > 90) out.push(`<text class="tick" x="${at[last].x.toFixed(1)}" y="${base + 18}" text-anchor="middle">${escapeHtml(day(dated[dated.length - 1].when as number))}</text>`);
  }
  if (dated.length < data.points.length) out.push(`<text class="tick" x="${WIDTH - PAD.right - 40}" y="${base + 18}" text-anchor="middle">undated</text>`);
  // The dated values in order, joined, so a change over time reads as a line.
  const path = data.points.map((p, i) => ({ p, i })).filter(({ p }) => typeof p.when === 'number').map(({ i }) => `${at[i].x.toFixed(1)},${at[i].y.toFixed(1)}`);
  if (path.length > 1) out.push(`<polyline class="trend" points="${path.join(' ')}"/>`);
  data.points.forEach((p, i) => {
    const cls = markOf(p);
    const tip = `${p.label} — ${p.outlet}${typeof p.when === 'number' ? `, ${day(p.when)}` : ''}${p.by ? ` — said by ${p.by}` : ''}`;
    out.push(`<a href="${escapeHtml(openHref(p.uri, p.range.start.line, p.range.start.character))}"><circle class="point ${cls}" cx="${at[i].x.toFixed(1)}" cy="${at[i].y.toFixed(1)}" r="${p.selected ? 8 : 6}"><title>${escapeHtml(tip)}</title></circle></a>`);
    out.push(`<text class="value" x="${(at[i].x + 10).toFixed(1)}" y="${(at[i].y - 8).toFixed(1)}">${escapeHtml(shortNumber(p.value))}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/**
 * A point's mark, as the consistency check weighs it: agrees, differs (a
 * conflict), or other (a later count, a claim, a part, not compared). A
 * point without a verdict is marked by its value.
 */
function markOf(p: TimelineData['points'][number]): 'selected' | 'agrees' | 'differs' | 'other' {
  if (p.selected) return 'selected';
  if (p.verdict === undefined) return p.agrees ? 'agrees' : 'differs';
  if (p.verdict === 'agrees' || (p.verdict === 'unweighed' && p.agrees)) return 'agrees';
  return p.verdict === 'conflicts' ? 'differs' : 'other';
}

function table(data: TimelineData): string {
  const rows = data.points.map((p) => {
    const when = typeof p.when === 'number' ? `${day(p.when)}${p.dated === 'as-of' ? ' (as of)' : ''}` : 'undated';
    const mark = p.selected ? 'this figure' : p.check ?? (p.agrees ? 'agrees' : 'differs');
    return `<tr class="${markOf(p)}"><td>${escapeHtml(when)}</td><td>${escapeHtml(p.outlet)}</td><td class="num">${escapeHtml(p.text)}</td><td>${escapeHtml(p.by ?? '')}</td><td>${escapeHtml(mark)}</td><td><a href="${escapeHtml(openHref(p.uri, p.range.start.line, p.range.start.character))}" title="${escapeHtml(p.title)}">open</a></td></tr>`;
  });
  return `<table><thead><tr><th>When</th><th>Outlet</th><th>As written</th><th>Said by</th><th></th><th></th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function summary(data: TimelineData): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const outlets = new Set(data.points.map((p) => p.outlet)).size;
  const others = data.points.filter((p) => !p.selected);
  const disagree = others.filter((p) => markOf(p) === 'differs').length;
  const unweighed = others.filter((p) => markOf(p) === 'other' && !p.agrees).length;
  const said = disagree ? `${n(disagree, 'disagrees', 'disagree')} with this figure` : others.every((p) => p.agrees) ? 'all agree with this figure' : 'none disagrees with this figure';
  return `${n(data.points.length, 'value', 'values')} across ${n(outlets, 'outlet', 'outlets')}; ${said}${unweighed ? ` (${n(unweighed, 'other value is', 'other values are')} not compared)` : ''}.`;
}

/** The whole page. */
export function renderTimeline(data: TimelineData, options: RenderOptions): string {
  const csp = `default-src 'none'; style-src 'nonce-${options.nonce}'; img-src data:;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Timeline: ${data.label}`)}</title>
<style nonce="${escapeHtml(options.nonce)}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; }
p.summary { color: var(--vscode-descriptionForeground); }
svg { max-width: 100%; height: auto; }
.axis { stroke: var(--vscode-foreground); stroke-width: 1; }
.grid { stroke: var(--vscode-editorWidget-border, #8884); stroke-width: 0.5; stroke-dasharray: 2 3; }
.tick, .value { fill: var(--vscode-foreground); font-size: 11px; }
.trend { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; }
.point.agrees { fill: #2e9e5b; }
.point.differs { fill: #d9822b; }
.point.other { fill: var(--vscode-descriptionForeground, #888); }
.point.selected { fill: #d9463e; stroke: var(--vscode-foreground); stroke-width: 2; }
table { border-collapse: collapse; margin-top: 12px; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); }
td.num { font-variant-numeric: tabular-nums; }
tr.differs td:nth-child(5) { color: #d9822b; }
tr.agrees td:nth-child(5) { color: #2e9e5b; }
tr.other td:nth-child(5) { color: var(--vscode-descriptionForeground, #888); }
tr.selected td { font-weight: 600; }
a { color: var(--vscode-textLink-foreground); }
</style>
</head>
<body>
<h1>${escapeHtml(`Timeline: ${data.label}`)}</h1>
<p class="summary">${escapeHtml(summary(data))}</p>
${chart(data)}
${table(data)}
</body>
</html>`;
}
