/**
 * Go to definition, rule by rule, through the real core: articles indexed as
 * the server indexes them, and what definition gives back.
 */
import * as assert from 'assert';
import { analyze } from '../server/src/core/analyze';
import { extractFacts } from '../server/src/core/extract/facts';
import { definition, highlights, references } from '../server/src/core/features/navigation';
import { hover } from '../server/src/core/features/hover';
import { complete } from '../server/src/core/features/completion';
import { workspaceSymbols } from '../server/src/core/features/symbols';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { NOW } from './helpers/fixture';

interface Doc { uri: string; text: string }

function article(n: number, date: string, body: string, link = `https://example.com/story-${n}`): Doc {
  const text = `# Story ${n}\n\n## Information:\n+ Source: Outlet ${n}\n+ Link: ${link}\n+ Date: ${date}\n+ Author: Jane Doe\n\n## Article:\n${body}\n`;
  return { uri: `file:///ws/story-${String(n).padStart(2, '0')}.txt`, text };
}

/** An article by `author` (its byline as written), of `source` if given. */
function bylined(n: number, author: string, source?: string): Doc {
  const a = article(n, '2021-08-01', 'Acme Corp said it was hit.');
  const text = a.text.replace('+ Author: Jane Doe', `+ Author: ${author}`);
  return { ...a, text: source === undefined ? text : text.replace(`+ Source: Outlet ${n}`, `+ Source: ${source}`) };
}

function indexOf(docs: Doc[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const a of docs) index.set({ facts: extractFacts(a.uri, a.text, analyze(a.text, { now: NOW }).article, {}), lineStarts: lineStartsOf(a.text), origin: 'workspace' });
  return index;
}

/** Definition at the first `needle` of `d` (one character in), as [article number, text of the target]. */
function defs(index: CorpusIndex, docs: Doc[], d: Doc, needle: string): [number, string][] {
  const at = d.text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return definition(index, d.uri, at + 1).map((l) => {
    const doc = docs.find((x) => x.uri === l.uri)!;
    return [Number(/story-(\d+)/.exec(l.uri)![1]), doc.text.slice(l.span.start, l.span.end)];
  });
}

describe('go to definition', function () {
  it('on a figure: each source sentence once, earliest first, not another population nor a copy of this article', function () {
    const docs = [
      article(1, '2021-08-01', 'Acme Corp said 5,000 customer records were stolen, and 4,900 records were sold.'),
      article(2, '2021-08-02', 'Acme Corp said 5,200 customer records were stolen in the breach.'),
      article(3, '2021-08-03', 'Acme Corp said 900,000 customer records were stolen in an older breach.'),
      article(4, '2021-08-04', 'Acme Corp said 5,100 customer records were stolen in the breach.', 'https://example.com/story-5'),
      article(5, '2021-08-05', 'Acme Corp said 5,100 customer records were stolen in the breach.'),
    ];
    const index = indexOf(docs);
    const got = defs(index, docs, docs[4], '5,100');
    // Article 1 once though its sentence gives the measure twice, article 2; not 900,000 (another population), not article 4 (the same Link).
    assert.deepStrictEqual(got.map(([n]) => n), [1, 2], JSON.stringify(got));
  });

  it('on a figure the check does not weigh: not another story\'s by the dates, as the check tells them apart', function () {
    const docs = [
      article(1, '2021-07-13', 'Acme Corp released 117 security fixes in its monthly update.'),
      article(2, '2022-02-08', 'Acme Corp released 48 security fixes in its monthly update.'),
      article(3, '2022-02-09', 'Acme Corp released 51 security fixes in its monthly update, a count that includes the browser.'),
    ];
    const index = indexOf(docs);
    // Fixes are not weighed by the check; July 2021's update is another story than February 2022's.
    assert.deepStrictEqual(defs(index, docs, docs[1], '48').map(([n]) => n), [3]);
  });

  it('on a figure: a source sentence that opens on a photo is cited at its words, not at the photo\'s line', function () {
    const docs = [
      article(1, '2021-08-01', '![](https://example.com/photo.jpeg)\nAcme Corp said 5,000 customer records were stolen in the breach.'),
      article(2, '2021-08-02', 'Acme Corp said 5,000 customer records were stolen in the breach.'),
    ];
    const index = indexOf(docs);
    assert.deepStrictEqual(defs(index, docs, docs[1], '5,000'), [[1, 'Acme Corp said 5,000 customer records were stolen in the breach.']]);
  });

  it('on a figure the check does not weigh: not a value ten times apart', function () {
    const docs = [
      article(1, '2021-01-12', 'Microsoft fixed 87 vulnerabilities in its monthly update.'),
      article(2, '2021-02-09', 'Microsoft fixed 9 vulnerabilities in its monthly update.'),
      article(3, '2021-03-09', 'Microsoft fixed 6 vulnerabilities in its monthly update.'),
    ];
    const index = indexOf(docs);
    assert.deepStrictEqual(defs(index, docs, docs[2], '6 vulnerabilities').map(([n]) => n), [2]);
  });

  it('on a name or figure inside the text of a link to another corpus article: that article', function () {
    const docs = [
      article(1, '2021-08-01', 'REvil said 1,500 businesses were hit by the attack on the supplier.'),
      article(2, '2021-08-05', 'The gang, [REvil](https://example.com/story-1), hit [1,500 businesses](https://example.com/story-1) last month. REvil is back.'),
    ];
    const index = indexOf(docs);
    assert.deepStrictEqual(defs(index, docs, docs[1], 'REvil]'), [[1, 'Story 1']]);
    assert.deepStrictEqual(defs(index, docs, docs[1], '1,500 businesses]'), [[1, 'Story 1']]);
    // Outside a link, a name still goes to where articles name it.
    assert.ok(defs(index, docs, docs[1], 'REvil is back').some(([n]) => n === 1));
  });

  it('on a quotation: the earliest article carrying it; on the earliest, itself and then those that told it again', function () {
    const q = '“We take the security of our customers very seriously and are investigating the incident,” the company said.';
    const docs = [article(1, '2021-08-01', `Acme Corp was hit. ${q}`), article(2, '2021-08-03', `Acme Corp confirmed it. ${q}`), article(3, '2021-08-05', `Acme Corp was fined. ${q}`)];
    const index = indexOf(docs);
    const later = defs(index, docs, docs[2], 'We take');
    assert.deepStrictEqual(later.map(([n]) => n), [1]);
    const first = defs(index, docs, docs[0], 'We take');
    assert.deepStrictEqual(first.map(([n]) => n), [1, 2, 3], 'the earliest carrier is its own source, then where it was retold, in date order');
  });

  it('on a short quotation: only an article that names someone this one names carries it (a stock phrase is no source)', function () {
    const q = 'the firm acted “out of an abundance of caution” on Monday.';
    const docs = [
      article(1, '2021-08-01', `Acme Corp said ${q}`),
      article(2, '2021-08-03', `Zenith Bank said ${q}`),
      article(3, '2021-08-05', `Acme Corp confirmed that ${q}`),
    ];
    const index = indexOf(docs);
    // Zenith Bank's story shares no name with Acme Corp's: its phrase is its own, and no other article is its source.
    assert.deepStrictEqual(defs(index, docs, docs[1], 'out of').map(([n]) => n), []);
    // Acme Corp's later story took it from the earlier one.
    assert.deepStrictEqual(defs(index, docs, docs[2], 'out of').map(([n]) => n), [1]);
  });
});

describe('references on tags', function () {
  it('a new-layout [[key=value]] tag stands for the entity its value names', function () {
    const a = article(1, '2021-08-01', 'Israel said 5 firms were hit.');
    const b = { uri: 'file:///ws/story-02.txt', text: '# Story 2\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/b\n+ Date: 2021-08-02\n+ Author: Me\n\n## Article:\nThe attack on Israel went on.\n\n## Tags:\n### Location:\n[[victim.country.name=Israel]]\n' };
    const index = indexOf([a, b]);
    const refs = references(index, b.uri, b.text.indexOf('=Israel') + 2);
    assert.ok(refs.some((r) => r.uri === a.uri), JSON.stringify(refs));
    // The value is the target, as a threat actor's tag's is: its span, and nothing on the key.
    const card = hover(index, b.uri, b.text.indexOf('=Israel') + 2);
    assert.strictEqual(card && b.text.slice(card.span.start, card.span.end), 'Israel');
    assert.strictEqual(hover(index, b.uri, b.text.indexOf('victim.country') + 2), undefined);
  });
});

describe('highlights', function () {
  /** The highlights at the first `needle` of `d` (two characters in), as the texts they cover, in order. */
  const lit = (index: CorpusIndex, d: Doc, needle: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = d.text.indexOf(needle, at + 1);
    assert.ok(at >= 0, needle);
    return highlights(index, d.uri, at + 2).map((s) => `${s.start}:${d.text.slice(s.start, s.end)}`);
  };
  it('a tag that is no mention lights up with the body\'s mentions and the other tags of its entity, from wherever the cursor stands', function () {
    // The outlet tagging its own page ([[Wire]] on a Wire story) is no mention; the key/value tag names Israel.
    const text = '# Story 2\n\n## Information:\n+ Source: Wire\n+ Link: https://example.com/b\n+ Date: 2021-08-02\n+ Author: Me\n\n## Article:\nThe attack on Israel went on, Wire reported. Israel said so.\n\n## Tags:\n### Location:\n[[victim.country.name=Israel]]\n### Other:\n[[Wire]] [[wire]]\n';
    const d = { uri: 'file:///ws/story-02.txt', text };
    const index = indexOf([d]);
    const at = (s: string, nth = 0) => { let i = -1; for (let k = 0; k <= nth; k++) i = text.indexOf(s, i + 1); return i; };
    const israel = [`${at('Israel')}:Israel`, `${at('Israel', 1)}:Israel`, `${at('Israel', 2)}:Israel`];
    assert.deepStrictEqual(lit(index, d, 'Israel went'), israel);
    assert.deepStrictEqual(lit(index, d, '=Israel'), israel);
    assert.deepStrictEqual(lit(index, d, 'victim.country'), [], 'on the key: no entity');
    const wire = [`${at('Wire reported')}:Wire`, `${at('[[Wire]]') + 2}:Wire`, `${at('[[wire]]') + 2}:wire`];
    assert.deepStrictEqual(lit(index, d, '[[Wire]]'), wire);
    assert.deepStrictEqual(lit(index, d, '[[wire]]'), wire);
    assert.deepStrictEqual(lit(index, d, 'Wire reported'), wire);
    // References here give the same places.
    const refs = (needle: string) => references(index, d.uri, text.indexOf(needle) + 2).filter((l) => l.uri === d.uri).map((l) => `${l.span.start}:${text.slice(l.span.start, l.span.end)}`);
    assert.deepStrictEqual(refs('[[Wire]]'), wire);
    assert.deepStrictEqual(refs('Israel went'), israel);
  });
});

describe('a topic tag (no entity\'s)', function () {
  /** An article of `n` tagged as `tags` says ("[[ransomware]] [[Malware]]"). */
  const tagged = (n: number, date: string, tags: string) => {
    const a = article(n, date, 'Acme Corp said it was hit.');
    return { ...a, text: `${a.text}\n#### Tags:\n${tags}\n` };
  };
  const docs = [
    tagged(1, '2021-08-03', '[[ransomware]] [[Malware]] [[said.]]'),
    tagged(2, '2021-08-01', '[[Ransomware]] [[malware]] [[said.]]'),
    tagged(3, '2021-08-02', '[[phishing]] [[Ransomware]] [[Acme Corp]]'),
    tagged(4, '2021-08-04', '[[phishing]]'),
  ];
  const at = (d: Doc, needle: string) => d.text.indexOf(needle) + 1;
  const shown = (ls: { uri: string; span: { start: number; end: number } }[]) => ls.map((l) => {
    const doc = docs.find((x) => x.uri === l.uri)!;
    return `${/story-(\d+)/.exec(l.uri)![1]} ${doc.text.slice(l.span.start, l.span.end)}`;
  });

  it('definition lists the other articles that carry it, however cased, at their titles, earliest first', function () {
    const index = indexOf(docs);
    assert.deepStrictEqual(shown(definition(index, docs[0].uri, at(docs[0], 'ransomware]]'))), ['02 Story 2', '03 Story 3']);
  });

  it('references list every tag of it, this article\'s first, then earliest first; without the declaration, not the one under the cursor', function () {
    const index = indexOf(docs);
    assert.deepStrictEqual(shown(references(index, docs[0].uri, at(docs[0], 'ransomware]]'))), ['01 ransomware', '02 Ransomware', '03 Ransomware']);
    assert.deepStrictEqual(shown(references(index, docs[0].uri, at(docs[0], 'ransomware]]'), false)), ['02 Ransomware', '03 Ransomware']);
  });

  it('the card counts its articles and outlets and names the tags given with it more than once; no card for a word cut from a sentence', function () {
    const index = indexOf(docs);
    const card = hover(index, docs[0].uri, at(docs[0], 'ransomware]]'))!.markdown;
    assert.match(card, /^\*\*ransomware\*\* · tag\n\nTagged in 3 articles in the corpus, Aug 1, 2021 – Aug 3, 2021, from Outlet 1 \(1\), Outlet 2 \(1\), Outlet 3 \(1\)\.\n\nWritten Ransomware \(2\), ransomware \(1\)\.\n\nOften tagged with it: Malware \(2\)\.\n/);
    // Newest first, each a link that opens the article.
    assert.deepStrictEqual([...card.matchAll(/\[(Story \d)\]\(file:/g)].map((m) => m[1]), ['Story 1', 'Story 3', 'Story 2']);
    // "[[said.]]" is a word cut from a sentence (the tag check says so): no topic. "[[Acme Corp]]" is a name: its own card.
    assert.strictEqual(hover(index, docs[0].uri, at(docs[0], 'said.]]')), undefined);
    assert.match(hover(index, docs[2].uri, at(docs[2], 'Acme Corp]]'))!.markdown, /organisation/);
  });

  it('completion offers it once typed, as most tags write it, with how many articles carry it; not a tag the article has', function () {
    const index = indexOf(docs);
    const d = docs[3];
    const end = d.text.indexOf('[[phishing]]') + '[[phishing]]'.length;
    const offered = (typed: string) => complete(index, d.uri, end + 1, `[[phishing]] [[${typed}`, '').filter((c) => c.kind === 'topic').map((c) => `${c.label} ${c.detail}`);
    assert.deepStrictEqual(offered('rans'), ['Ransomware tag · 3 articles']);
    assert.deepStrictEqual(offered('phish'), []);
    // Unprompted, the list is the article's names and their neighbours'.
    assert.deepStrictEqual(offered(''), []);
  });

  it('a tag that names an entity by another of its names ("[[Binns]]" for John Binns) is no topic', function () {
    const a = article(5, '2021-08-05', 'John Binns said he breached the company. Binns is 21.');
    const d = { ...a, text: `${a.text}\n#### Tags:\n[[Binns]] [[breach]]\n` };
    const index = indexOf([d]);
    assert.deepStrictEqual(index.get(d.uri)!.summary.topics, ['breach']);
    assert.deepStrictEqual(complete(index, d.uri, d.text.length, '[[Bin', '').filter((c) => c.kind === 'topic'), []);
  });

  it('follows edits: an article that drops the tag is no longer listed', function () {
    const index = indexOf(docs);
    const edited = { ...docs[2], text: docs[2].text.replace('[[Ransomware]] ', '') };
    index.set({ facts: extractFacts(edited.uri, edited.text, analyze(edited.text, { now: NOW }).article, {}), lineStarts: lineStartsOf(edited.text), origin: 'workspace' });
    assert.deepStrictEqual(definition(index, docs[0].uri, at(docs[0], 'ransomware]]')).map((l) => /story-(\d+)/.exec(l.uri)![1]), ['02']);
  });
});

describe('references', function () {
  it('without the declaration: every mention but the first the corpus gives in an article\'s own text', function () {
    const docs = [
      article(1, '2021-08-01', 'Acme Corp said 5,000 customers were affected. Acme Corp is a retailer.'),
      article(2, '2021-08-05', 'Acme Corp confirmed it again.'),
    ];
    const index = indexOf(docs);
    const at = docs[1].text.indexOf('Acme Corp') + 1;
    const all = references(index, docs[1].uri, at);
    const without = references(index, docs[1].uri, at, false);
    assert.strictEqual(all.length, 3);
    assert.strictEqual(without.length, 2);
    // What is left out is article 1's first "Acme Corp".
    const gone = all.find((l) => !without.some((w) => w.uri === l.uri && w.span.start === l.span.start))!;
    assert.deepStrictEqual([gone.uri, gone.span.start], [docs[0].uri, docs[0].text.indexOf('Acme Corp')]);
  });

  it('on a figure: every statement of its measure at the figure, this one first, then earliest first', function () {
    const docs = [
      article(3, '2021-08-03', 'Acme Corp said 5,200 customer records were stolen in the breach.'),
      article(1, '2021-08-01', 'Acme Corp said 5,000 customer records were stolen in the breach.'),
      article(2, '2021-08-02', 'Acme Corp said 12 servers were hit, and 5,100 customer records were stolen in the breach.'),
    ];
    const index = indexOf(docs);
    const at = docs[0].text.indexOf('5,200') + 1;
    const got = references(index, docs[0].uri, at).map((l) => [Number(/story-(\d+)/.exec(l.uri)![1]), docs.find((d) => d.uri === l.uri)!.text.slice(l.span.start, l.span.end)]);
    assert.deepStrictEqual(got, [[3, '5,200'], [1, '5,000'], [2, '5,100']]);
    assert.deepStrictEqual(references(index, docs[0].uri, at, false).map((l) => docs.find((d) => d.uri === l.uri)!.text.slice(l.span.start, l.span.end)), ['5,000', '5,100']);
  });
});

describe('where a name is first shown', function () {
  it('not a related story\'s headline that only names it, when an article names it in its own text', function () {
    const docs = [
      article(1, '2021-08-01', 'A roundup of the week.\n\n[Acme Corp hit by ransomware, says 5,000 customers affected](https://example.com/story-9)'),
      article(2, '2021-08-05', 'Acme Corp said 5,000 customers were affected by the breach. Acme Corp is a retailer.'),
      article(3, '2021-08-06', 'Acme Corp confirmed it again today.'),
    ];
    const index = indexOf(docs);
    const sym = workspaceSymbols(index, 'Acme Corp').find((s) => s.name === 'Acme Corp')!;
    assert.strictEqual(sym.location.uri, docs[1].uri);
    const got = defs(index, docs, docs[2], 'Acme Corp');
    assert.deepStrictEqual(got.map(([n]) => n), [2]);
  });
});

describe('an organisation named otherwise in other articles', function () {
  it('references on "Lazarus" list "Lazarus Group" too, and its card says so; never a person of that surname', function () {
    const docs = [
      article(1, '2021-08-01', 'The Lazarus Group attacked the bank, and the Lazarus Group denied it.'),
      article(2, '2021-08-02', 'North Korean group Lazarus stole $600 million from the bridge, Elliptic said. Lazarus has done it before.'),
      article(3, '2021-08-03', 'Banker John Lazarus said the attack was not his fault. Lazarus was not to blame.'),
    ];
    const index = indexOf(docs);
    const at = docs[1].text.indexOf('Lazarus');
    const found = references(index, docs[1].uri, at).map((l) => `${l.uri.slice(-5)} ${docs.find((d) => d.uri === l.uri)!.text.slice(l.span.start, l.span.end)}`);
    assert.deepStrictEqual(found, ['2.txt Lazarus', '2.txt Lazarus', '1.txt Lazarus Group', '1.txt Lazarus Group']);
    const card = hover(index, docs[1].uri, at)!.markdown;
    assert.match(card, /Also named Lazarus Group \(1 article\)\./);
    // And the other way round.
    const back = references(index, docs[0].uri, docs[0].text.indexOf('Lazarus')).map((l) => l.uri.slice(-5));
    assert.ok(back.includes('2.txt'), JSON.stringify(back));
  });
});

describe('an organisation named by its acronym in other articles', function () {
  const said = (n: number, body: string) => article(n, `2021-08-0${n}`, body);

  it('"AFP" alone is the "Australian Federal Police (AFP)" of stories naming the same people: references and card join them, both ways', function () {
    const docs = [
      said(1, 'The Australian Federal Police (AFP) arrested ten people, Home Affairs minister Karen Andrews said. The AFP said more would follow.'),
      said(2, 'AFP said it had seized AU$31 million of assets. Karen Andrews praised the work.'),
    ];
    const index = indexOf(docs);
    const at = docs[1].text.indexOf('AFP');
    const found = references(index, docs[1].uri, at).map((l) => `${l.uri.slice(-6)} ${docs.find((d) => d.uri === l.uri)!.text.slice(l.span.start, l.span.end)}`);
    assert.ok(found.includes('01.txt Australian Federal Police'), JSON.stringify(found));
    assert.match(hover(index, docs[1].uri, at)!.markdown, /Also named Australian Federal Police \(1 article\)\./);
    const back = references(index, docs[0].uri, docs[0].text.indexOf('Australian Federal Police') + 1).map((l) => l.uri.slice(-6));
    assert.ok(back.includes('02.txt'), JSON.stringify(back));
    // The acronym is given once, with its articles, not also as another way of writing the name.
    const card = hover(index, docs[0].uri, docs[0].text.indexOf('Australian Federal Police') + 1)!.markdown;
    assert.match(card, /Also named AFP \(1 article\)\./, card);
    assert.doesNotMatch(card, /Also written:[^\n]*AFP/, card);
  });

  it('no join on a place in common, nor on what an unsaved draft says', function () {
    // Both stories name Australia only: a place is no evidence.
    const docs = [
      said(1, 'The Australian Federal Police (AFP) arrested ten people in Australia. The AFP said more would follow.'),
      said(2, 'AFP said it had seized assets in Australia.'),
    ];
    const index = indexOf(docs);
    assert.doesNotMatch(hover(index, docs[1].uri, docs[1].text.indexOf('AFP'))!.markdown, /Also named/);
    // An untitled buffer naming Karen Andrews beside "AFP" changes no saved article's card.
    const saved = [said(1, 'The Australian Federal Police (AFP) arrested ten people, Karen Andrews said.'), said(2, 'AFP said it had seized assets.')];
    const withDraft = indexOf(saved);
    const draft = 'AFP said Karen Andrews was briefed.';
    const text = `# Draft\n\n## Information:\n+ Source: Me\n+ Date: 2021-08-09\n\n## Article:\n${draft}\n`;
    withDraft.set({ facts: extractFacts('untitled:Untitled-1', text, analyze(text, { now: NOW }).article, {}), lineStarts: lineStartsOf(text), origin: 'workspace' });
    assert.doesNotMatch(hover(withDraft, saved[1].uri, saved[1].text.indexOf('AFP'))!.markdown, /Also named/);
  });

  it('not where the acronym’s story shares no one with the stories spelling it out ("BT" the telecom, "Bluetooth Classic (BT)")', function () {
    const docs = [
      said(1, 'Devices that rely on Bluetooth Classic (BT) are open to attack, researchers at Espressif said.'),
      said(2, 'Chips that use Bluetooth Classic (BT) can be crashed, Espressif said.'),
      said(3, 'BT said its quantum key network with Toshiba had carried keys for a year.'),
    ];
    const index = indexOf(docs);
    const at = docs[2].text.indexOf('BT');
    assert.ok(index.entity('bt'), 'BT is a name in story 3');
    assert.doesNotMatch(hover(index, docs[2].uri, at)!.markdown, /Also named/);
    assert.deepStrictEqual(references(index, docs[2].uri, at).map((l) => l.uri.slice(-6)), ['03.txt']);
  });

  it('not an acronym spelled out as two names about as often', function () {
    const docs = [
      said(1, 'The Australian Federal Police (AFP) said the servers were seized, Mark McGowan said.'),
      said(2, 'Servers that speak the Apple Filing Protocol (AFP) were seized, Mark McGowan said.'),
      said(3, 'AFP said the servers would be returned, Mark McGowan said.'),
    ];
    const index = indexOf(docs);
    assert.deepStrictEqual(['australian federal police', 'apple filing protocol'].map((k) => index.entity(k)?.aliases.has('AFP')), [true, true]);
    assert.strictEqual(index.expansionOf('AFP'), undefined);
    assert.doesNotMatch(hover(index, docs[2].uri, docs[2].text.indexOf('AFP'))!.markdown, /Also named/);
  });
});

describe('a person named by surname alone in other articles', function () {
  const story = (n: number, body: string) => article(n, `2021-08-${String(n).padStart(2, '0')}`, body);
  const joe = [1, 2, 3, 4, 5].map((n) => story(n, `Joe Biden signed order ${n} on the breach.${n === 1 ? ' Anne Neuberger briefed reporters.' : ''} Biden said more would follow.`));

  it('"Biden" alone is the Joe Biden the corpus names far most, when their stories share someone: references and cards join them', function () {
    const bare = story(9, 'President Biden said the attack was criminal. Anne Neuberger agreed with Biden.');
    const index = indexOf([...joe, bare]);
    const at = bare.text.indexOf('Biden');
    assert.strictEqual(index.entity('biden')?.kind, 'person');
    assert.match(hover(index, bare.uri, at)!.markdown, /Also named Joe Biden \(5 articles\)\./);
    const found = new Set(references(index, bare.uri, at).map((l) => l.uri.slice(-6)));
    assert.ok(['01.txt', '05.txt', '09.txt'].every((u) => found.has(u)), JSON.stringify([...found]));
    // And from the full name: the card names the stories that call him Biden alone.
    assert.match(hover(index, joe[2].uri, joe[2].text.indexOf('Joe Biden') + 1)!.markdown, /Also named Biden \(1 article\)\./);
  });

  it('not a surname two people of the corpus share about as often, nor one whose story shares no one with his', function () {
    const lees = [1, 2, 3, 4, 5].map((n) => story(n, `James Lee said order ${n} was signed. Anne Neuberger agreed.`));
    const other = [6, 7].map((n) => story(n, `Sandra Lee said the leak was small, Anne Neuberger said.`));
    const bare = story(9, 'Senator Lee said the attack was criminal. Anne Neuberger agreed.');
    const index = indexOf([...lees, ...other, bare]);
    assert.strictEqual(index.entity('lee')?.kind, 'person');
    assert.doesNotMatch(hover(index, bare.uri, bare.text.indexOf('Lee'))!.markdown, /Also named/);
    // One famous bearer, but a story that names no one his stories name.
    const stranger = story(9, 'President Biden of the chess club said the tournament was postponed.');
    const alone = indexOf([...joe.map((d) => ({ ...d, text: d.text.replace(' Anne Neuberger briefed reporters.', '') })), stranger]);
    assert.doesNotMatch(hover(alone, stranger.uri, stranger.text.indexOf('Biden'))!.markdown, /Also named/);
  });
});

describe('an organisation whose name without its trade is a place', function () {
  it('"Palo Alto" as a firm and "Palo Alto Networks" are one to references and cards, both ways', function () {
    const docs = [
      article(1, '2021-08-01', 'Palo Alto Networks said the flaw was new. Palo Alto Networks patched it.'),
      article(2, '2021-08-02', 'Researchers at Palo Alto said 30 firms were hit.'),
    ];
    const index = indexOf(docs);
    assert.deepStrictEqual(['palo alto networks', 'palo alto'].map((k) => index.entity(k)?.kind), ['organisation', 'organisation']);
    assert.match(hover(index, docs[1].uri, docs[1].text.indexOf('Palo Alto') + 1)!.markdown, /Also named Palo Alto Networks \(1 article\)\./);
    assert.match(hover(index, docs[0].uri, docs[0].text.indexOf('Palo Alto') + 1)!.markdown, /Also named Palo Alto \(/);
    const found = new Set(references(index, docs[0].uri, docs[0].text.indexOf('Palo Alto') + 1).map((l) => l.uri.slice(-6)));
    assert.ok(found.has('02.txt'), JSON.stringify([...found]));
    // Nor is the city's name ever a figure owner's key for the firm's figures (`corporateBase` keeps the whole name).
    assert.strictEqual(index.owner('palo alto networks')?.key, 'palo alto networks');
    // Only an organisation's name: "Global Technologies" is no "Global"'s, nor is a place's name alone.
    const nyDocs = [article(1, '2021-08-01', 'New York Systems said the flaw was new. New York Systems patched it.'), article(2, '2021-08-02', 'The flaw hit firms in New York.')];
    const place = indexOf(nyDocs);
    assert.strictEqual(place.entity('new york')?.kind, 'place');
    const card = hover(place, nyDocs[0].uri, nyDocs[0].text.indexOf('New York Systems') + 1)!.markdown;
    assert.match(card, /^\*\*New York Systems\*\* · organisation/);
    assert.doesNotMatch(card, /Also named/);
  });
});

describe('an organisation spelled with and without a space', function () {
  it('references on "Red Canary" list "RedCanary" of another article', function () {
    const docs = [
      article(1, '2021-08-01', 'Security firm Red Canary said the attack was new. Red Canary found it.'),
      article(2, '2021-08-02', 'Security firm RedCanary said the malware was old, RedCanary said.'),
    ];
    const index = indexOf(docs);
    const found = references(index, docs[0].uri, docs[0].text.indexOf('Red Canary') + 1).map((l) => docs.find((d) => d.uri === l.uri)!.text.slice(l.span.start, l.span.end));
    assert.ok(found.includes('Red Canary') && found.includes('RedCanary'), JSON.stringify(found));
  });
});

describe('an organisation written as a plural in another article', function () {
  it('references on "Kaspersky Lab" list "Kaspersky Labs" of another article, and the card says so; a two-letter name takes no plural', function () {
    const docs = [
      article(1, '2021-08-01', 'Security firm Kaspersky Lab said the attack was new. Kaspersky Lab found it.'),
      article(2, '2021-08-02', 'Security firm Kaspersky Labs said the malware was old, Kaspersky Labs said.'),
    ];
    const index = indexOf(docs);
    const at = docs[0].text.indexOf('Kaspersky Lab') + 1;
    const found = references(index, docs[0].uri, at).map((l) => docs.find((d) => d.uri === l.uri)!.text.slice(l.span.start, l.span.end));
    assert.ok(found.includes('Kaspersky Lab') && found.includes('Kaspersky Labs'), JSON.stringify(found));
    assert.match(hover(index, docs[1].uri, docs[1].text.indexOf('Kaspersky Labs') + 1)!.markdown, /Also named Kaspersky Lab \(1 article\)\./);
    const eo = indexOf([article(1, '2021-08-01', 'EO said the order was signed.'), article(2, '2021-08-02', 'EoS said the systems were old.')]);
    assert.ok(eo.entity('eo') && eo.entity('eos'));
    assert.deepStrictEqual(eo.family('eo').map((e) => e.key), []);
    // Nor a short word's: "Open" and "Opens" are two things.
    const open = indexOf([article(1, '2021-08-01', 'Security firm Open said the flaw was new. Open patched it.'), article(2, '2021-08-02', 'Security firm Opens said the flaw was old. Opens patched it.')]);
    assert.ok(open.entity('open') && open.entity('opens'));
    assert.deepStrictEqual(open.family('open').map((e) => e.key), []);
  });
});

describe('completion of key=value tags', function () {
  it('offers a value once however its articles case it, as most of them write it, with all their articles', function () {
    const tagged = (n: number, value: string) => {
      const a = article(n, '2021-08-01', 'Acme Corp said it was hit.');
      return { ...a, text: `${a.text}\n## Tags:\n### Threat actor:\n[[threatactor.name=${value}]]\n` };
    };
    const index = indexOf([tagged(1, 'lazarus group'), tagged(2, 'LAZARUS GROUP'), tagged(3, 'Lazarus Group'), tagged(4, 'Lazarus Group'), tagged(5, 'Conti')]);
    const items = complete(index, 'file:///ws/draft.txt', 0, '[[threatactor.name=', '');
    assert.deepStrictEqual(items.map((i) => [i.label, i.detail]), [['Lazarus Group', 'threatactor.name · 4 articles'], ['Conti', 'threatactor.name · 1 article']]);
  });
});

describe('completion of Information fields', function () {
  it('after "+ Author:", names that start with what is typed come before names that only hold it, whatever their counts', function () {
    const docs = [bylined(1, 'Charlie Lim'), bylined(2, 'Charlie Lim'), bylined(3, 'Charlie Lim'), bylined(4, 'Lisa Vaas')];
    const index = indexOf(docs);
    const labels = complete(index, 'file:///ws/draft.txt', 0, '+ Author: Li', '').map((i) => i.label);
    assert.deepStrictEqual(labels, ['Lisa Vaas', 'Charlie Lim']);
  });

  it('after "+ Author:", a byline with and without a middle initial is one writer, offered as most articles spell it', function () {
    const docs = [bylined(1, 'Steven J. Vaughan-Nichols'), bylined(2, 'Steven J. Vaughan-Nichols'), bylined(3, 'Steven Vaughan-Nichols'), bylined(4, 'Steve Ranger')];
    const items = complete(indexOf(docs), 'file:///ws/draft.txt', 0, '+ Author: Ste', '');
    assert.deepStrictEqual(items.map((i) => [i.label, i.detail]), [['Steven J. Vaughan-Nichols', '3 articles'], ['Steve Ranger', '1 article']]);
  });

  it('after "+ Author:", a byline is offered without a role in brackets and with a scraper\'s escapes read', function () {
    const docs = [bylined(1, 'Jon Clay (Global Threat Communications)'), bylined(2, 'Jon Clay (Global Threat Communications)'),
      bylined(3, 'David \\u201cmoose\\u201d Wolpoff'), bylined(4, 'David “moose” Wolpoff')];
    assert.ok(docs[2].text.includes('David \\u201cmoose'), 'the escape is in the file as six characters');
    const items = complete(indexOf(docs), 'file:///ws/draft.txt', 0, '+ Author: ', '');
    assert.deepStrictEqual(items.map((i) => [i.label, i.detail]), [['David “moose” Wolpoff', '2 articles'], ['Jon Clay', '2 articles']]);
  });

  it('after "[[", an outlet is offered as it signs its articles ("ThreatPost"), not as others write it in passing', function () {
    const signed = (n: number, body: string) => {
      const a = article(n, '2021-08-01', body);
      return { ...a, text: a.text.replace(`+ Source: Outlet ${n}`, '+ Source: ThreatPost') };
    };
    const docs = [1, 2, 3].map((n) => signed(n, 'Acme Corp told Threatpost that it was hit. A spokesperson told Threatpost more.'));
    const index = indexOf(docs);
    const labels = complete(index, 'file:///ws/draft.txt', 0, '[[Threat', '').map((i) => i.label);
    assert.ok(labels.includes('ThreatPost') && !labels.includes('Threatpost'), JSON.stringify(labels));
  });

  it('after "+ Author:", the authors of this article\'s outlet first; an outlet or a role in a byline is nobody to offer', function () {
    const docs = [bylined(1, 'Charlie Osborne', 'ZDNet'), bylined(2, 'Charlie Osborne', 'ZDNet'), bylined(3, 'Charlie Osborne', 'ZDNet'),
      bylined(4, 'Chad Smith', 'ThreatPost'), bylined(5, 'Threatpost', 'ThreatPost'), bylined(6, 'editor', 'ThreatPost')];
    const index = indexOf(docs);
    const draft = { uri: 'file:///ws/draft.txt', text: '# Draft\n\n## Information:\n+ Source: ThreatPost\n+ Author: \n' };
    index.set({ facts: extractFacts(draft.uri, draft.text, analyze(draft.text, { now: NOW }).article, {}), lineStarts: lineStartsOf(draft.text), origin: 'workspace' });
    const labels = complete(index, draft.uri, 0, '+ Author: ', '').map((i) => i.label);
    assert.deepStrictEqual(labels, ['Chad Smith', 'Charlie Osborne']);
    assert.deepStrictEqual(complete(index, draft.uri, 0, '+ Author: Ch', '').map((i) => i.label), ['Chad Smith', 'Charlie Osborne']);
  });
});
