/**
 * Which facts an entity's hover card cites: those of the articles about the
 * entity (that name it most) rather than the newest passing mentions, and in
 * each article the sentence that states the entity's own figure before one
 * that only stands near another company's.
 */
import * as assert from 'assert';
import { analyze } from '../server/src/core/analyze';
import { extractFacts } from '../server/src/core/extract/facts';
import { complete } from '../server/src/core/features/completion';
import { fieldHover, hover } from '../server/src/core/features/hover';
import { parse } from '../server/src/core/syntax/parse';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { NOW } from './helpers/fixture';

function article(n: number, date: string, body: string): { uri: string; text: string } {
  const text = `# Story ${n}\n\n## Information:\n+ Source: Outlet ${n}\n+ Link: https://example.com/story-${n}\n+ Date: ${date}\n+ Author: Jane Doe\n\n## Article:\n${body}\n`;
  return { uri: `file:///ws/story-${String(n).padStart(2, '0')}.txt`, text };
}

function indexOf(articles: { uri: string; text: string }[]): CorpusIndex {
  const index = new CorpusIndex();
  for (const a of articles) {
    index.set({ facts: extractFacts(a.uri, a.text, analyze(a.text, { now: NOW }).article, {}), lineStarts: lineStartsOf(a.text), origin: 'workspace' });
  }
  return index;
}

/** The cited facts of the card on the first "Acme Corp" of `a`. */
function citedFacts(index: CorpusIndex, a: { uri: string; text: string }): string[] {
  const card = hover(index, a.uri, a.text.indexOf('Acme Corp') + 1)!.markdown;
  return card.slice(card.indexOf('**Cited facts**')).split('\n').filter((l) => l.startsWith('- '));
}

describe('entity hover card: cited facts', function () {
  it('come from the articles about the entity, not from the newest passing mentions', function () {
    // Three older articles about Acme Corp, then twenty newer ones that name it once in passing.
    const about = [1, 2, 3].map((n) => article(n, `2021-0${n}-10`,
      `Acme Corp said ${n} million customer records were stolen in the breach. Acme Corp is a retailer.\n\nAcme Corp hired investigators. Acme Corp has notified ${['state', 'federal', 'European'][n - 1]} regulators about the incident at once.`));
    // Each passing mention worded differently in two words: a card cites a sentence retold all but a word alike once
    // (`retold`), which must not hide the choice.
    const words = ['weekly', 'daily', 'brief', 'long', 'short', 'quick', 'broad', 'plain', 'dry', 'late', 'early', 'calm', 'bold', 'mild', 'neat', 'rough', 'tidy', 'wide', 'bright', 'dim'];
    const passing = words.map((w, i) => article(10 + i, `2021-11-${String(i + 1).padStart(2, '0')}`,
      `Retailers such as Acme Corp and others were mentioned in a ${w} roundup of ${words[(i + 7) % words.length]} security stories this week.`));
    const here = article(99, '2021-12-01', 'We look back at Acme Corp and its year of incidents, which the editors reviewed again today.');
    const index = indexOf([...about, ...passing, here]);
    const facts = citedFacts(index, here);
    assert.strictEqual(facts.length, 6, facts.join('\n'));
    for (const n of [1, 2, 3]) assert.ok(facts.some((f) => f.includes(`said ${n} million customer records`)), facts.join('\n'));
    // Six facts from the three articles about it (two each: a second from one article beats a roundup's
    // passing mention), none from a roundup; listed newest first.
    assert.ok(!facts.some((f) => f.includes('roundup')), facts.join('\n'));
    const dates = facts.map((f) => /Outlet (\d+)/.exec(f)![1]);
    assert.deepStrictEqual(dates, [...dates].sort((a, b) => Number(b) - Number(a)), facts.join('\n'));
  });

  it('prefer the sentence with the entity\'s own figure to one with another company\'s', function () {
    const a = article(1, '2021-05-01',
      'Acme Corp works with Globex Inc, which lost 40,000 customer records last spring to the same attackers, investigators said.\n\n'
      + 'Separately, Acme Corp lost 12,000 customer records in the attack on its billing systems last month.');
    const b = article(2, '2021-06-01', 'Acme Corp is back in the news this week after a second look at the incident.');
    const index = indexOf([a, b]);
    const facts = citedFacts(index, b);
    assert.match(facts[0], /Acme Corp lost 12,000 customer records/, facts.join('\n'));
  });

  it('show a sentence that opens on a quotation in its own marks, and any other in ours', function () {
    const a = article(1, '2021-05-01', '“At Acme Corp, customers are our top priority,” the chief executive said of the breach.\n\n'
      + 'Acme Corp lost 12,000 customer records in the attack on its billing systems.');
    const b = article(2, '2021-06-01', 'Acme Corp is back in the news this week after a second look at the incident.');
    const facts = citedFacts(indexOf([a, b]), b);
    const quoted = facts.find((f) => f.includes('top priority'));
    assert.ok(quoted?.startsWith('- “At Acme Corp, customers are our top priority,” the chief executive said of the breach'), facts.join('\n'));
    assert.ok(facts.some((f) => /^- “Acme Corp lost 12,000 customer records in the attack on its billing systems\\?\.” — /.test(f)), facts.join('\n'));
  });

  it('show a sentence that ends a quotation begun before it with the opening mark only, and one that begins a quotation with the closing mark only', function () {
    const a = article(1, '2021-05-01', 'Acme Corp said: “We were hit. Nevertheless, Acme Corp managed to keep the data safe for two years,” the chief executive stressed.\n\n'
      + 'The chief executive of Acme Corp said: “We were hit hard by the attackers this time. It will not happen again.”');
    const b = article(2, '2021-06-01', 'Acme Corp is back in the news this week after a second look at the incident.');
    const facts = citedFacts(indexOf([a, b]), b);
    const ends = facts.find((f) => f.includes('Nevertheless'))?.replace(/\\/g, '');
    assert.ok(ends?.startsWith('- “Nevertheless, Acme Corp managed to keep the data safe for two years,” the chief executive stressed. — '), facts.join('\n'));
    const begins = facts.find((f) => f.includes('hit hard'))?.replace(/\\/g, '');
    assert.ok(begins?.startsWith('- The chief executive of Acme Corp said: “We were hit hard by the attackers this time.” — '), facts.join('\n'));
  });

  it('balance straight quotation marks as curly ones: by where a mark stands, added in the same style', function () {
    const a = article(1, '2021-05-01', 'Acme Corp said: "We were hit. Nevertheless, Acme Corp managed to keep the data safe for two years," the chief executive stressed.\n\n'
      + 'The chief executive of Acme Corp said: "We were hit hard by the attackers this time. It will not happen again."\n\n'
      + 'Acme Corp sold 4,000 laptops with a 15" screen to schools in the region last spring.');
    const b = article(2, '2021-06-01', 'Acme Corp is back in the news this week after a second look at the incident.');
    const facts = citedFacts(indexOf([a, b]), b).map((f) => f.replace(/\\/g, ''));
    const ends = facts.find((f) => f.includes('Nevertheless'));
    assert.ok(ends?.startsWith('- "Nevertheless, Acme Corp managed to keep the data safe for two years," the chief executive stressed. — '), facts.join('\n'));
    const begins = facts.find((f) => f.includes('hit hard'));
    assert.ok(begins?.startsWith('- The chief executive of Acme Corp said: "We were hit hard by the attackers this time." — '), facts.join('\n'));
    // A mark after a digit closes one left open; a colon or a dash before a mark does not make it a closing one.
    const c = article(1, '2021-05-01', 'Acme Corp said "we were hit in 2019" and left the matter there for good.\n\n'
      + 'The chief executive of Acme Corp said:"We were hit." Nothing else was said by anyone at the firm that week.');
    const more = citedFacts(indexOf([c, b]), b).map((f) => f.replace(/\\/g, ''));
    assert.ok(more.some((f) => f.startsWith('- “Acme Corp said "we were hit in 2019" and left the matter there for good.” — ')), more.join('\n'));
    assert.ok(more.some((f) => f.startsWith('- “The chief executive of Acme Corp said:"We were hit."” — ')), more.join('\n'));
    const inches = facts.find((f) => f.includes('laptops'));
    assert.ok(inches?.startsWith('- “Acme Corp sold 4,000 laptops with a 15" screen to schools in the region last spring.” — '), facts.join('\n'));
  });

  it('prefer sentences about the entity to those naming it in passing: before another name, in a list, as someone\'s employer', function () {
    // Ireland's card cited country lists; the United States' "The US Treasury Department announced …"; Tenable's its engineer's quotes.
    const passing = [
      'Acme Corp’s Jane Roe said phishing is rising among small businesses across Europe this year.',
      'Acme Corp’s John Doe presented new research on ransomware gangs at a conference in Vienna.',
      'Acme Corp’s Mary Major wrote a long blog post about password managers for families.',
      'Regulators from Initech, Acme Corp, and Globex met in Brussels on Tuesday to agree on new rules.',
      'Lawyers for Initech, Globex and Acme Corp declined to comment on the settlement talks this week.',
      '“Patch now, because attackers are scanning the internet for these flaws,” Jane Roe, staff research engineer at Acme Corp, said.',
    ];
    const about = [
      'Investigators said that Acme Corp restored its billing systems after an outage that lasted most of the week.',
      'Since then Acme Corp has notified regulators and hired outside investigators to look into the incident.',
      'Investigators believe Acme Corp was breached through a phishing email sent to a contractor.',
    ];
    // After a day, a month or a source and a comma, the name is no list's item.
    about.push('On Tuesday, Acme Corp, the retailer, said the stolen files held no card numbers at all.');
    const doc = article(1, '2021-01-10', [...passing, ...about].join('\n\n'));
    const here = article(2, '2021-05-01', 'Acme Corp is in the news again.');
    const facts = citedFacts(indexOf([doc, here]), here);
    for (const a of about) assert.ok(facts.some((f) => f.includes(a.slice(12, 50))), facts.join('\n'));
  });

  it('no card for a year, which measures nothing; a count in the same sentence keeps its card', function () {
    const a = article(1, '2021-05-01', 'In 2019, Acme Corp lost 12,000 customer records in the attack on its billing systems.');
    const index = indexOf([a]);
    assert.strictEqual(hover(index, a.uri, a.text.indexOf('2019') + 1), undefined);
    assert.match(hover(index, a.uri, a.text.indexOf('12,000') + 1)!.markdown, /12,000/);
  });

  it('a range\'s card gives its bounds as its value, not a middle that was never written', function () {
    const a = article(1, '2021-05-01', 'Acme Corp expects revenue of $193 million to $195 million this quarter.');
    const card = hover(indexOf([a]), a.uri, a.text.indexOf('$195') + 1)!.markdown;
    assert.match(card, /^\*\*\\\$193 million to \\\$195 million\*\* — revenue of Acme Corp/, card);
    assert.match(card, /\nValue: \\\$193,000,000 – \\\$195,000,000(?:\n|$)/, card);
    assert.doesNotMatch(card, /194/, card);
  });

  it('count apart the articles that only link to a story about the entity, and cite none of them', function () {
    const about = [1, 2].map((n) => article(n, `2021-0${n}-10`, `Acme Corp said ${n} million customer records were stolen in the breach. Acme Corp is a retailer.`));
    // Newer articles that name Acme Corp only in the headline of a related story.
    const related = [3, 4, 5].map((n) => article(n, `2021-1${n - 3}-10`,
      `Globex said ${n},000 accounts were reset after the attack on its payroll systems.\n\nRelated stories:\n\n* [Acme Corp breach hits ${n} million customers, twice the first count](https://example.com/acme-${n})`));
    const index = indexOf([...about, ...related]);
    const card = hover(index, about[0].uri, about[0].text.indexOf('Acme Corp') + 1)!.markdown;
    assert.match(card, /Mentioned in 2 articles \(4 mentions\); 3 more only link to a story about it\./);
    assert.ok(!related.some((r) => card.includes(r.uri)), card);
    // Where the name is only in such a headline, the card says so.
    const r = related[0];
    const linked = hover(index, r.uri, r.text.indexOf('Acme Corp') + 1)!.markdown;
    assert.match(linked, /Mentioned in 2 articles \(4 mentions\); 3 more only link/);
    const acme = () => complete(index, r.uri, r.text.length, '[[Acme', '').find((c) => c.label === 'Acme Corp');
    assert.strictEqual(acme()?.detail, 'organisation · 2 articles');
    // Removed, the counts follow.
    index.remove(about[1].uri);
    index.remove(about[0].uri);
    assert.match(hover(index, r.uri, r.text.indexOf('Acme Corp') + 1)!.markdown, /Named only in headlines of related stories, in 3 articles\./);
    assert.strictEqual(acme()?.detail, 'organisation · only in related headlines');
  });

  it('a figure\'s card says who the person who says it is, as the article puts it', function () {
    const a = article(1, '2021-11-08', 'Zentrix Markets confirmed a data breach on Monday.\n\n'
      + 'Caleb Sima, chief security officer at Zentrix Markets, said about 7 million customers were affected.\n\n'
      + 'Sima said 310 customers had more details exposed.');
    const index = indexOf([a]);
    const card = (needle: string) => hover(index, a.uri, a.text.indexOf(needle) + 1)!.markdown;
    assert.match(card('about 7 million'), /^Said by: Caleb Sima \(chief security officer at Zentrix Markets\)$/m);
    // Named by his surname alone, he is who the article said he was.
    assert.match(card('310'), /^Said by: (?:Caleb )?Sima \(chief security officer at Zentrix Markets\)$/m);
  });

  it('a speaker who opened the sentence is said as inside one: "Said by: the purported thief", a name keeps its capitals', function () {
    const a = article(1, '2021-11-08', 'Zentrix Markets confirmed a data breach on Monday.\n\n'
      + 'The purported thief claimed 9 million customer records were stolen.\n\nThe Register said 8 million customer records were stolen.');
    const index = indexOf([a]);
    const card = (needle: string) => hover(index, a.uri, a.text.indexOf(needle) + 1)!.markdown;
    assert.match(card('9 million'), /^Said by: the purported thief$/m);
    assert.match(card('8 million'), /^Said by: The Register$/m);
  });

  it('cite the articles that name the entity by a name of its own ("Zentrix Markets" for Zentrix), both ways', function () {
    // One outlet tells the breach as Zentrix Markets' (its short "Zentrix" that article's too), another as Zentrix's.
    const markets = article(1, '2021-11-09', 'Trading app Zentrix Markets has confirmed a data breach that affects the personal information of about 7 million customers.\n\n'
      + '"The unauthorized party socially engineered a support employee," Zentrix said in a statement on Monday.');
    const plain = article(2, '2021-11-08', 'Trading app Zentrix said it discovered the incident on the evening of November 3 and told its customers at once.\n\n'
      + 'Zentrix said the cybercriminal threatened the company and demanded an extortion payment.');
    const index = indexOf([markets, plain]);
    assert.deepStrictEqual([index.entity('zentrix')?.docs.size, index.entity('zentrix markets')?.docs.size], [1, 1]);
    const card = hover(index, plain.uri, plain.text.indexOf('Zentrix') + 1)!.markdown;
    assert.match(card, /Also named Zentrix Markets \(1 article\)\./);
    assert.ok(card.includes(`${markets.uri}#L`), card);
    assert.match(card, /affects the personal information of about 7 million customers/);
    // And from the other side: the Zentrix Markets card cites what the other article says of Zentrix.
    const other = hover(index, markets.uri, markets.text.indexOf('Zentrix Markets') + 1)!.markdown;
    assert.ok(other.includes(`${plain.uri}#L`), other);
    assert.match(other, /demanded an extortion payment/);
  });

  it('say what a thing is as the articles put it, also where only an article the card does not cite says it', function () {
    // Twelve articles name the botnet often without saying what it is; an older one says it once, and the card cites
    // only the ten that name it most.
    const often = Array.from({ length: 12 }, (_, k) => article(k + 1, `2021-06-${String(k + 10).padStart(2, '0')}`,
      `Researchers at Acme Labs said Zorbot infected ${k + 2},000 routers in June.\n\nZorbot spreads through weak passwords, and Zorbot hides its traffic.`));
    const once = article(13, '2021-03-01', 'Police took down the Zorbot botnet after a long investigation.\n\nZorbot had infected routers in three countries.');
    const index = indexOf([...often, once]);
    assert.strictEqual(index.entity('zorbot')?.kind, 'other');
    const card = hover(index, often[0].uri, often[0].text.indexOf('Zorbot') + 1)!.markdown;
    assert.ok(!card.slice(card.indexOf('**Cited facts**')).includes(once.uri), `the describing article is not among those cited: ${card}`);
    assert.match(card, new RegExp(`\\nbotnet \\(\\[Outlet 13, Mar 1, 2021\\]\\(${once.uri.replace(/[.]/g, '\\.')}#L\\d+\\)\\)\\n`), card);
  });

  it('show sentences as they read rendered: no Markdown escapes or emphasis markers', function () {
    const a = article(1, '2021-05-01', 'In the messages, 0\\_neday said Acme Corp paid **twice** the _usual_ ransom, \\*not\\* once, to @VK\\_Intel and file_name.');
    const b = article(2, '2021-06-01', 'Acme Corp is back in the news this week after a second look at the incident.');
    const facts = citedFacts(indexOf([a, b]), b);
    const line = facts.find((f) => f.includes('neday'));
    assert.ok(line, facts.join('\n'));
    // Escaped once for Markdown (so the card shows 0_neday), not the source's backslash escaped again.
    assert.ok(line.includes('0\\_neday said Acme Corp paid twice the usual ransom, \\*not\\* once, to \\@VK\\_Intel and file\\_name'), line);
  });

  it('open a cited sentence at the line its words are on, not at the image a scraped lead opens with', function () {
    // 830 real sentences open on an image, on the line before their words.
    const a = article(1, '2021-05-01', '![Acme Corp HQ](https://example.com/hq.jpg)\nAcme Corp said 12,000 customer records were stolen from its billing systems last month.');
    const here = article(2, '2021-05-04', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, here]), here);
    const cite = facts.find((f) => f.includes('12,000 customer records'));
    const line = a.text.split('\n').findIndex((l) => l.startsWith('Acme Corp said 12,000'));
    assert.ok(cite?.includes(`story-01.txt#L${line + 1})`), `${cite} should open line ${line + 1}`);
  });

  it('cite a sentence retold with other quotation marks, commas and digit grouping once', function () {
    const a = article(1, '2021-05-01', 'Acme Corp said 12,000 customer records were stolen from its billing systems last month.');
    const b = article(2, '2021-05-02', 'Acme Corp said 12000 customer records were “stolen” from its billing systems, last month.');
    const here = article(3, '2021-05-04', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, b, here]), here);
    assert.strictEqual(facts.filter((f) => /12,?000 customer records/.test(f)).length, 1, facts.join('\n'));
  });

  it('cite no related story\'s headline, bold or not', function () {
    const a = article(1, '2021-05-03', 'Acme Corp hired investigators after the theft at its billing systems, it told reporters on Monday.\n\n* **[Acme Corp breach hits 12,000 customers](https://example.com/acme)**\n* [Acme Corp sued over breach](https://example.com/acme2)');
    const here = article(2, '2021-05-04', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, here]), here);
    assert.ok(facts.some((f) => f.includes('hired investigators')), facts.join('\n'));
    assert.ok(!facts.some((f) => /breach hits|sued over/.test(f)), facts.join('\n'));
  });

  it('shorten a long cited sentence around the name, not before it', function () {
    const long = `${'Officials from several agencies and private firms gathered this week to review the response to the incident, '.repeat(3)}and they said Acme Corp lost 12,000 customer records in the attack on its billing systems last month.`;
    const a = article(1, '2021-05-01', long);
    const here = article(2, '2021-05-04', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, here]), here);
    const cite = facts.find((f) => f.includes('Outlet 1'));
    assert.ok(cite && cite.includes('Acme Corp lost 12,000') && cite.startsWith('- “…'), String(cite));
  });

  it('quote a sentence as a reader sees it: no emphasis left open by the sentence before, no ad slot glued on', function () {
    const a = article(1, '2021-05-01', '*Acme Corp announced a partnership with Globex Corp to protect 5,000 stores this week. The deal closes in May.*\n\nADVERTISEMENTMore recently, Acme Corp said it hired 40 analysts for the new unit.');
    const here = article(2, '2021-05-04', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, here]), here);
    assert.ok(facts.some((f) => f.startsWith('- “Acme Corp announced a partnership')), facts.join('\n'));
    assert.ok(facts.some((f) => f.startsWith('- “More recently, Acme Corp said')), facts.join('\n'));
  });

  it('cite no row of a table', function () {
    const a = article(1, '2021-05-01', 'Acme Corp said it hired investigators after the theft at its billing systems.\n\n| Company | Records | Date |\n|---|---|---|\n| Acme Corp | 12,000 | May 2021 |');
    const here = article(2, '2021-05-04', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, here]), here);
    assert.ok(facts.some((f) => f.includes('hired investigators')), facts.join('\n'));
    assert.ok(!facts.some((f) => f.includes('|')), facts.join('\n'));
  });

  it('cite no quoted post\'s sign-off, but the post itself', function () {
    const a = article(1, '2022-02-06', 'Acme Corp said it was hacked on Saturday.\n\n> Acme Corp is hacked with the loss of $4.3M, and users should not trade. [pic.twitter.com/oY6bpau8DA](https://twitter.com/x)\n>\n> — Acme Corp (@AcmeCorp) [February 5, 2022](https://twitter.com/AcmeCorp/status/1)');
    const here = article(2, '2022-02-07', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, here]), here);
    assert.ok(facts.some((f) => f.includes('hacked with the loss')), facts.join('\n'));
    assert.ok(!facts.some((f) => f.includes('@AcmeCorp')), facts.join('\n'));
  });

  it('cite no editor\'s note on the article ("UPDATE: Corrected spelling of …"), and copies of one page once', function () {
    const a = article(1, '2021-12-16', 'Acme Corp said the flaw was patched in a day.\n\n121621 16:21 UPDATE: Corrected spelling of Acme Corp’s name.');
    const copy = (n: number, date: string) => ({ uri: `file:///ws/copy-${n}.txt`, text: article(2, date, 'Acme Corp said 3,000 servers were hit in the attack. Acme Corp hired investigators at once.').text });
    const here = article(9, '2022-01-07', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([a, copy(1, '2021-12-17'), copy(2, '2021-12-18'), here]), here);
    assert.ok(facts.some((f) => f.includes('patched in a day')), facts.join('\n'));
    assert.ok(!facts.some((f) => f.includes('UPDATE')), facts.join('\n'));
    // A note that adds a fact is one; "Editor's note:" in any case is a note on the text.
    const update = article(3, '2021-12-17', 'UPDATE: Acme Corp said its decryptor works for every victim.\n\nEDITOR\'S NOTE: An earlier version of this story misstated Acme Corp’s name.');
    const noted = citedFacts(indexOf([update, here]), here);
    assert.ok(noted.some((f) => f.includes('decryptor works')), noted.join('\n'));
    assert.ok(!noted.some((f) => f.includes('misstated')), noted.join('\n'));
    // The two saved copies of story 2 are one source: the later, which stands for both, is cited; the other never.
    const fromCopies = facts.filter((f) => f.includes('servers were hit') || f.includes('hired investigators'));
    assert.ok(fromCopies.length >= 1 && fromCopies.every((f) => f.includes('copy-2.txt')), facts.join('\n'));
    // Where the copy that stands for them names the entity no more (edited since), the other copy is cited.
    const edited = { ...copy(2, '2021-12-18'), text: copy(2, '2021-12-18').text.replace(/Acme Corp/g, 'The firm') };
    const kept = citedFacts(indexOf([a, copy(1, '2021-12-17'), edited, here]), here);
    assert.ok(kept.some((f) => f.includes('copy-1.txt')), kept.join('\n'));
  });

  it('cite a sentence two articles tell all but a word alike once ("Last week, …" and "This week, …")', function () {
    const told = (n: number, when: string) => article(n, `2021-09-2${n}`, `${when}, the Washington Post reported that Acme Corp had held the decryption keys for three weeks before it shared them with victims.`);
    const other = article(3, '2021-09-20', 'Acme Corp said 5,000 customers were affected by the ransomware attack.');
    const here = article(9, '2021-10-01', 'We look back at Acme Corp today.');
    const facts = citedFacts(indexOf([told(1, 'Last week'), told(2, 'This week'), other, here]), here);
    assert.strictEqual(facts.filter((f) => f.includes('decryption keys')).length, 1, facts.join('\n'));
    assert.ok(facts.some((f) => f.includes('5,000 customers')), facts.join('\n'));
    // Not where what differs is a number or a negation: those two disagree, and the card shows both.
    const said = (n: number, what: string) => article(n, `2021-09-2${n}`, `Acme Corp said on Monday that the hackers had stolen the records of ${what} customers in the attack on its servers.`);
    const paid = (n: number, what: string) => article(n, `2021-09-2${n}`, `Acme Corp ${what} the ransom the gang asked for after the attack on its servers last week, a spokesperson said.`);
    const both = citedFacts(indexOf([said(1, '3,000'), said(2, '30,000'), paid(3, 'paid'), paid(4, 'had not paid'), here]), here);
    assert.ok(both.some((f) => f.includes(' 3,000 ')) && both.some((f) => f.includes('30,000')), both.join('\n'));
    assert.ok(both.some((f) => f.includes('Corp paid')) && both.some((f) => f.includes('had not paid')), both.join('\n'));
  });

  it('show a name\'s spellings once by their letters, as capitalised as any writes them ("U.S.", not a tag\'s "U.s")', function () {
    const tagged = (n: number, body: string, tags: string) => {
      const a = article(n, `2021-08-0${n}`, body);
      return { ...a, text: `${a.text}\n#### Tags:\n${tags}\n` };
    };
    const docs = [tagged(1, 'The U.S. said 5 firms were hit. The United States agreed.', '[[U.s]]'), tagged(2, 'The US said so. The United States of America agreed.', '[[U.s]] [[USA]]')];
    const card = hover(indexOf(docs), docs[0].uri, docs[0].text.indexOf('U.S.') + 1)!.markdown;
    const written = card.split('\n').find((l) => l.startsWith('Also written:'));
    // "United States of America" is the country's name in full (the gazetteer's), no longer cut to "United States".
    assert.strictEqual(written, 'Also written: U\\.S\\., USA, United States of America', card);
  });

  it('tag completion: after this article\'s names, the names other articles give beside them, before merely popular ones', function () {
    // Globex Corp is named beside Acme Corp in three stories; Initech Corp in twelve stories about other things.
    const together = [1, 2, 3].map((n) => article(n, `2021-0${n}-10`, `Acme Corp said Globex Corp handled ${n},000 records. Globex Corp agreed.`));
    const popular = Array.from({ length: 12 }, (_, i) => article(10 + i, `2021-06-${String(i + 1).padStart(2, '0')}`, `Reporters said Initech Corp lost ${i + 2},000 user records. Initech Corp apologised.`));
    const here = article(99, '2021-12-01', 'Acme Corp said 5,000 records were stolen. Acme Corp is investigating.');
    const index = indexOf([...together, ...popular, here]);
    const labels = complete(index, here.uri, here.text.length, '[[', '').map((c) => c.label);
    assert.strictEqual(labels[0], 'Acme Corp', labels.join(', '));
    assert.ok(labels.indexOf('Globex Corp') >= 0 && labels.indexOf('Globex Corp') < labels.indexOf('Initech Corp'), labels.join(', '));
  });
});

describe('figure hover card: values of the same measure', function () {
  it('mark "same value" only where the value is the same, not where it fits in a range ("up to 50 million")', function () {
    // Counts the check does not weigh (no breach touches them), so the card marks equal values itself.
    const a = article(1, '2021-08-20', 'Acme Corp plans to plant up to 50 million trees under the new law.');
    const b = article(2, '2021-08-21', 'Acme Corp plans to plant 10,000 trees for a first round.');
    const c = article(3, '2021-08-22', 'Acme Corp plans to plant 50 million trees at most.');
    const index = indexOf([a, b, c]);
    const card = hover(index, a.uri, a.text.indexOf('up to 50 million') + 7)!.markdown;
    const lines = card.split('\n').filter((l) => l.startsWith('- '));
    assert.ok(lines.some((l) => /\*\*10,000\*\*/.test(l)) && lines.some((l) => /\*\*50 million\*\*/.test(l)), card);
    for (const l of lines) assert.strictEqual(/same value/.test(l), /\*\*50 million\*\*/.test(l), l);
  });
});

describe('dates on cards', function () {
  it('show an article\'s date as the day its Date names, not the UTC day ("2021-12-15T22:00-05:00" is Dec 15)', function () {
    const evening = article(1, '2021-12-15T22:00-05:00', 'Acme Corp said 5,000 customer records were stolen in the breach.');
    const later = article(2, '2021-12-20', 'Acme Corp is back in the news after the breach this month.');
    const index = indexOf([evening, later]);
    const card = hover(index, later.uri, later.text.indexOf('Acme Corp') + 1)!.markdown;
    assert.match(card, /Outlet 1, Dec 15, 2021/, card);
    assert.doesNotMatch(card, /Dec 16, 2021/, card);
    // A figure's card lists it at that day too.
    const fig = hover(index, evening.uri, evening.text.indexOf('5,000') + 1)!.markdown;
    assert.doesNotMatch(fig, /Dec 16/, fig);
  });
});

describe('cards on the Source and Author fields', function () {
  const withHeader = (n: number, source: string, author: string, date: string, title: string) => {
    const text = `# ${title}\n\n## Information:\n+ Source: ${source}\n+ Link: https://example.com/f-${n}\n+ Date: ${date}\n+ Author: ${author}\n\n## Article:\nAcme Corp said 5,000 records were stolen.\n`;
    return { uri: `file:///ws/f-${n}.txt`, text };
  };
  const docs = [
    withHeader(1, 'Example Wire', 'Jane Doe, John Roe', '2021-05-01', 'Acme hit'),
    withHeader(2, 'Example Wire', 'Jane Doe', '2021-06-01', 'Acme [again](javascript:alert(1)) <b>hit</b>'),
    withHeader(3, 'Other Post', 'Jane Doe', '2021-07-01', 'Acme, a third time'),
  ];
  const index = indexOf(docs);
  const at = (d: { text: string }, needle: string) => fieldHover(index, parse(d.text).article, d.text.indexOf(needle) + 1);

  it('on the Source: the outlet\'s articles, their dates, its authors and its newest articles', function () {
    const h = at(docs[0], 'Example Wire')!;
    assert.match(h.markdown, /^\*\*Example Wire\*\* · outlet/);
    assert.match(h.markdown, /2 articles in the corpus, May 1, 2021 – Jun 1, 2021\./);
    assert.match(h.markdown, /Authors: Jane Doe \(2\), John Roe \(1\)\./);
    assert.strictEqual(docs[0].text.slice(h.span.start, h.span.end), 'Example Wire');
  });

  it('on an author in a list: that author, the outlets and the newest articles, titles escaped and linking only to the articles', function () {
    const h = at(docs[0], 'John Roe')!;
    assert.match(h.markdown, /^\*\*John Roe\*\* · author/);
    assert.strictEqual(docs[0].text.slice(h.span.start, h.span.end), 'John Roe');
    const jane = at(docs[0], 'Jane Doe')!.markdown;
    assert.match(jane, /3 articles in the corpus, May 1, 2021 – Jul 1, 2021, for Example Wire \(2\), Other Post \(1\)\./);
    const newest = jane.split('\n').filter((l) => l.startsWith('- '));
    assert.strictEqual(newest.length, 3);
    assert.ok(newest[0].includes('Acme, a third time'), newest[0]);
    // The hostile title is text: no javascript: link, no HTML.
    assert.ok(!/\]\(javascript:/i.test(jane) && !jane.includes('<b>'), jane);
    for (const m of jane.matchAll(/\]\(([^)\s]+)\)/g)) assert.match(m[1], /^file:\/\/\/ws\/f-\d\.txt#L\d+$/);
  });
});


describe('entity hover card: its other names', function () {
  it('are listed in one order whatever order the articles were indexed in (ties in plain order)', function () {
    // "WSJ" in one article, "Journal" in another: one use each.
    const a = article(1, '2021-08-01', 'The Wall Street Journal (WSJ) reported it.');
    const b = article(2, '2021-08-02', 'The Wall Street Journal reported it. The Journal said so.');
    const c = article(3, '2021-08-03', 'The Wall Street Journal said nothing.');
    const line = (order: { uri: string; text: string }[]) => {
      const card = hover(indexOf(order), c.uri, c.text.indexOf('Wall Street') + 1)!.markdown;
      return card.split('\n').find((l) => l.startsWith('Also written')) ?? '';
    };
    const first = line([a, b, c]);
    assert.ok(first.split(',').length >= 2, `two other names or more: ${first}`);
    for (const order of [[c, b, a], [b, c, a], [c, a, b]]) assert.strictEqual(line(order), first);
  });
});

describe('a tag that is the surname of two people of the article', function () {
  it('says whose it may be, escaped, and keeps the topic card of other articles\' tags', function () {
    const body = 'John Binns said the data was stolen. His sister Sarah Binns denied it. Binns later said more.\n\n#### Tags:\n[[Binns]] [[T-Mobile]]';
    const a = article(1, 'Aug. 20, 2021', body);
    const other = article(2, 'Aug. 21, 2021', 'A story about Binns.\n\n#### Tags:\n[[Binns]]');
    const index = indexOf([a, other]);
    const card = hover(index, a.uri, a.text.indexOf('[[Binns]]') + 3)!.markdown;
    assert.match(card, /^\*\*Binns\*\* · tag\n\nIn this article Binns is the surname of 2 people: \*\*John Binns\*\*, \*\*Sarah Binns\*\*\. Tag a full name to say which\.\n\nTagged in /);
    // Alone: the line is the card.
    const alone = indexOf([a]);
    assert.match(hover(alone, a.uri, a.text.indexOf('[[Binns]]') + 3)!.markdown, /surname of 2 people/);
    // One Binns: his card.
    const one = article(3, 'Aug. 20, 2021', 'John Binns said the data was stolen. Binns later said more.\n\n#### Tags:\n[[Binns]]');
    assert.match(hover(indexOf([one]), one.uri, one.text.indexOf('[[Binns]]') + 3)!.markdown, /^\*\*John Binns\*\* · person/);
  });
});
