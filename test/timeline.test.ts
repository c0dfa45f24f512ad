/**
 * The figure timeline, from the core to the page: `timelineAt` on the seeds
 * plus a follow-up article gives every value of the measure in date order with
 * agreement marked; `renderTimeline` draws it with a strict CSP, no script and
 * every corpus text escaped. Also the client's restart policy after a crash.
 */
import * as assert from 'assert';
import { analyze } from '../server/src/core/analyze';
import { extractFacts } from '../server/src/core/extract/facts';
import { timelineAt, timelineLenses } from '../server/src/core/features/timeline';
import { hover } from '../server/src/core/features/hover';
import { checkConsistency } from '../server/src/core/check/consistency';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { parsePins } from '../server/src/core/extract/pins';
import { escapeHtml, layout, niceCeiling, renderTimeline, type TimelineData } from '../client/src/timelineView';
import { RestartPolicy } from '../client/src/recovery';
import { NOW, seeds } from './helpers/fixture';

const FOLLOWUP = `# T-Mobile breach: the count grows
### A follow-up

## Information:
+ Source: Example <News> & "Co"
+ Link: https://example.com/tmobile-followup
+ Date: August 21, 2021
+ Author: Jane Doe

## Article:
T-Mobile said on Aug. 20 that the records of 766,000 former customers were stolen.

#### Tags:
[[T-Mobile]]
`;

function indexOf(texts: { uri: string; text: string }[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const t of texts) {
    const a = analyze(t.text, { now: NOW });
    const outlets = new Map([...index.outlets().keys()].map((o) => [o.toLowerCase(), o]));
    index.set({ facts: extractFacts(t.uri, t.text, a.article, { outlets }), lineStarts: lineStartsOf(t.text), origin: 'workspace' });
  }
  return index;
}

describe('figure timeline', function () {
  const FOLLOW_URI = 'file:///ws/followup.txt';
  const index = indexOf([...seeds().map((s) => ({ uri: `file:///seeds/${s.name}`, text: s.text })), { uri: FOLLOW_URI, text: FOLLOWUP }]);
  const at = FOLLOWUP.indexOf('766,000') + 2;

  it('gathers every value of the measure across outlets, in date order, marking agreement', function () {
    const t = timelineAt(index, FOLLOW_URI, at)!;
    assert.ok(t, 'a timeline at 766,000');
    assert.strictEqual(t.label, 'former customers of T-Mobile');
    const values = t.points.map((p) => [p.outlet, p.text, p.agrees, p.selected]);
    assert.deepStrictEqual(values.find((v) => v[3]), ['Example <News> & "Co"', '766,000', true, true]);
    assert.ok(values.some((v) => v[0] === 'ThreatPost' && v[1] === '667,000' && v[2] === false), JSON.stringify(values));
    // Each other statement also says what the consistency check makes of it, as the diagnostics do.
    const threatpost = t.points.find((p) => p.outlet === 'ThreatPost' && p.text === '667,000')!;
    assert.strictEqual(threatpost.check, 'disagrees');
    assert.ok(checkConsistency(index, FOLLOW_URI).some((d) => d.code === 'figure.conflict' && d.message.includes('667,000')));
    assert.strictEqual(t.points.find((p) => p.selected)!.check, undefined);
    const whens = t.points.map((p) => p.when ?? Infinity);
    assert.deepStrictEqual(whens, [...whens].sort((a, b) => a - b), 'date order');
    // The follow-up's value holds as of Aug. 20 (its sentence says so), not its article date.
    const mine = t.points.find((p) => p.selected)!;
    assert.strictEqual(mine.dated, 'as-of');
    assert.strictEqual(new Date(mine.when!).toISOString().slice(0, 10), '2021-08-20');
  });

  it('says which statements lie past the check\'s bound, on the timeline and the card', function () {
    // 520 follow-ups, each from its own outlet and link: more statements of one measure than the check weighs.
    const many = Array.from({ length: 520 }, (_, i) => ({
      uri: `file:///ws/f${String(i).padStart(3, '0')}.txt`,
      text: FOLLOWUP.replace('https://example.com/tmobile-followup', `https://example.com/f${i}`).replace('Example <News> & "Co"', `Outlet ${i}`),
    }));
    const big = indexOf(many);
    const here = many[0].text.indexOf('766,000') + 2;
    const t = timelineAt(big, many[0].uri, here)!;
    assert.strictEqual(t.points.length, 520);
    const past = t.points.filter((p) => p.check?.includes('past the first 500 statements of this measure'));
    assert.strictEqual(past.length, 19, JSON.stringify(t.points.map((p) => p.check).filter((c) => c !== 'agrees')));
    assert.ok(t.points.filter((p) => !p.selected).every((p) => p.check === 'agrees' || past.includes(p)));
    const card = hover(big, many[0].uri, here)!.markdown;
    assert.match(card, /The check weighs the first 500 statements of this measure; the others are not compared/);
    // A measure under the bound says nothing of it.
    assert.doesNotMatch(hover(index, FOLLOW_URI, at)!.markdown, /The check weighs the first/);
  });

  it('has no timeline off a figure, and a lens only on measures other articles state', function () {
    assert.strictEqual(timelineAt(index, FOLLOW_URI, FOLLOWUP.indexOf('T-Mobile said') + 1), undefined);
    const lenses = timelineLenses(index, FOLLOW_URI);
    assert.deepStrictEqual(lenses.map((l) => FOLLOWUP.slice(l.span.start, l.span.end)), ['766,000']);
    assert.ok(lenses[0].statements >= 2);
  });

  it('has no timeline for a figure that does not say what it counts', function () {
    const money = (n: number, body: string) => ({ uri: `file:///ws/acme-${n}.txt`, text: FOLLOWUP.replace('https://example.com/tmobile-followup', `https://example.com/acme-${n}`)
      .replace(/## Article:\n.*\n/, `## Article:\n${body}\n`) });
    const docs = [
      money(1, 'Acme Corp reported $801.1 million, and Acme Corp said 2 million customers were affected by the breach.'),
      money(2, 'Acme Corp paid $75 million for a rival, and Acme Corp said 1.2 million customers were affected by the breach.'),
    ];
    const acme = indexOf(docs);
    const text = docs[0].text;
    // "$801.1 million" and "$75 million" may be a revenue and a price: neither says.
    assert.strictEqual(timelineAt(acme, docs[0].uri, text.indexOf('$801.1') + 2), undefined);
    assert.deepStrictEqual(timelineLenses(acme, docs[0].uri).map((l) => [text.slice(l.span.start, l.span.end), l.label]), [['2 million', 'customers of Acme Corp']]);
  });

  it('has no lens where only a copy of this article (same Link) states the measure', function () {
    const copy = (n: number) => ({ uri: `file:///ws/copy-${n}.txt`, text: FOLLOWUP.replace(/## Article:\n.*\n/, '## Article:\nAcme Corp said 2 million customers were affected by the breach.\n') });
    const docs = [copy(1), copy(2)];
    assert.deepStrictEqual(timelineLenses(indexOf(docs), docs[0].uri), []);
  });

  it('a lens label never opens an icon: "$(" in a pinned name is broken apart, the rest shown as written', function () {
    // VS Code draws "$(name)" in a code lens's title as an icon; the label is the title's end ("Timeline: 2 statements of …").
    const { pins } = parsePins(JSON.stringify({ entities: [{ name: 'Acme $(bug) Corp', kind: 'organisation', aliases: ['Acme Corp'] }] }));
    const acme = new CorpusIndex();
    for (const p of pins) acme.pins.set(p.key, p);
    const docs = [1, 2].map((n) => ({ uri: `file:///ws/acme-${n}.txt`,
      text: `# Story ${n}\n\n## Information:\n+ Source: Outlet ${n}\n+ Link: https://example.com/acme-${n}\n+ Date: August 2${n}, 2021\n+ Author: Jane Doe\n\n## Article:\nAcme Corp said ${n} million customers were affected by the breach.\n` }));
    for (const d of docs) {
      acme.set({ facts: extractFacts(d.uri, d.text, analyze(d.text, { now: NOW }).article, { outlets: new Map(), pins }), lineStarts: lineStartsOf(d.text), origin: 'workspace' });
    }
    const labels = timelineLenses(acme, docs[0].uri).map((l) => l.label);
    assert.deepStrictEqual(labels, ['customers of Acme $ (bug) Corp']);
    assert.ok(labels.every((l) => !l.includes('$(')), JSON.stringify(labels));
  });

  it('renders an SVG chart with a strict CSP, no script, escaped text and only open-location links', function () {
    const t = timelineAt(index, FOLLOW_URI, at)!;
    const data: TimelineData = { ...t, points: t.points.map((p) => ({ ...p, range: { start: { line: 10, character: 45 } } })) };
    data.points[0].title = '<script>alert(1)</script>';
    const html = renderTimeline(data, { nonce: 'abc123' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;; img-src data:;">/);
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!html.includes('<News>') && html.includes('Example &#60;News&#62; &#38; &#34;Co&#34;'), 'outlet escaped');
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), 'title escaped');
    assert.strictEqual((html.match(/<circle /g) ?? []).length, data.points.length, 'one dot per value');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length >= data.points.length);
    for (const h of hrefs) assert.match(h, /^command:breachDesk\.openLocation\?/);
    assert.ok(!/ on[a-z]+=/i.test(html), 'no event handler attributes');
    // The table says what the check makes of each value; a note from the article side is escaped like the rest.
    assert.match(html, /<td class="num">667,000<\/td><td>[^<]*<\/td><td>disagrees<\/td>/);
    // The summary counts what the check calls a conflict.
    assert.match(html, /values? across \d+ outlets?; \d+ disagrees? with this figure/);
    data.points[1].check = 'not compared: <b>';
    assert.ok(renderTimeline(data, { nonce: 'n' }).includes('<td>not compared: &#60;b&#62;</td>'));
  });

  it('places later values further right and larger values higher', function () {
    const p = (when: number | undefined, value: number) => ({ uri: 'file:///a', text: String(value), value, low: value, high: value, label: String(value), when, dated: 'article' as const, outlet: 'X', title: 'T', agrees: true, selected: false, range: { start: { line: 0, character: 0 } } });
    const pts = layout({ measure: 'm', label: 'l', unit: 'count', points: [p(1000, 10), p(2000, 30), p(undefined, 20)] });
    assert.ok(pts[1].x > pts[0].x && pts[2].x > pts[1].x, JSON.stringify(pts));
    assert.ok(pts[1].y < pts[2].y && pts[2].y < pts[0].y, JSON.stringify(pts));
  });

  it('the value axis ends on a round number just above the largest value', function () {
    assert.deepStrictEqual([766_000 * 1.05, 50e6, 51e6, 7, 0.3].map(niceCeiling), [1e6, 50e6, 100e6, 10, 0.5]);
  });

  it('escapeHtml leaves no markup character', function () {
    assert.strictEqual(escapeHtml(`<a href="x" onclick='y'>&\``), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;');
  });
});

describe('client restart policy', function () {
  it('restarts a crashed server and tells the user once', function () {
    const p = new RestartPolicy(4, 180000);
    assert.deepStrictEqual(p.closed(0), { restart: true, tell: 'restarted' });
    assert.deepStrictEqual(p.closed(1000), { restart: true, tell: undefined });
  });

  it('gives up (once, with one message) when the server keeps dying, and a manual restart starts afresh', function () {
    const p = new RestartPolicy(2, 180000);
    p.closed(0);
    p.closed(10);
    assert.deepStrictEqual(p.closed(20), { restart: false, tell: 'gave-up' });
    assert.deepStrictEqual(p.closed(30), { restart: false, tell: undefined });
    p.reset();
    assert.deepStrictEqual(p.closed(40), { restart: true, tell: undefined });
  });

  it('starts a server that dies as it starts again without a word, says it could not once given up, and still tells the first restart of one that ran', function () {
    const p = new RestartPolicy(2, 180000);
    assert.deepStrictEqual(p.closed(0, true), { restart: true });
    assert.deepStrictEqual(p.closed(10, true), { restart: true });
    assert.deepStrictEqual(p.closed(20, true), { restart: false, tell: 'gave-up' });
    // Restarted by hand, it ran, then died: the user had a server, and is told it was restarted.
    p.reset();
    assert.deepStrictEqual(p.closed(30), { restart: true, tell: 'restarted' });
  });

  it('forgets crashes older than the window', function () {
    const p = new RestartPolicy(2, 1000);
    p.closed(0);
    p.closed(10);
    assert.strictEqual(p.closed(5000).restart, true);
  });
});
