/**
 * Entity extraction on small inline fixtures, the seeds and (when present) a
 * sample of the real corpus. Sentences are built the way `extractFacts`
 * builds them (title, subtitle, body sentences, then body headings), so these
 * tests exercise `extractEntities` alone. Every extraction here also checks
 * the mention invariants: each span slices back to its text, stays on one
 * line, carries its entity's key, and no two mentions overlap.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { extractEntities, type EntityOptions, type Sentence } from '../server/src/core/extract/entities';
import type { DocEntity } from '../server/src/core/extract/types';
import type { Article, Link } from '../server/src/core/syntax/ast';
import { parse } from '../server/src/core/syntax/parse';
import { article, seed, seeds } from './helpers/fixture';

const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const SNAPSHOT = path.join(__dirname, 'fixtures', 'entities-seeds.json');

/** The sentence list of `extractFacts`: title, subtitle, body sentences, then headings. */
function sentencesOf(a: Article): { sentences: Sentence[]; links: Link[]; bodyCount: number } {
  const sentences: Sentence[] = [];
  const headings: Sentence[] = [];
  const links: Link[] = [];
  if (a.title) sentences.push({ span: a.title.span, text: a.title.text, where: 'title' });
  if (a.subtitle && a.subtitle.text) sentences.push({ span: a.subtitle.span, text: a.subtitle.text, where: 'subtitle' });
  for (const b of a.body?.blocks ?? []) {
    if (b.kind === 'heading') headings.push({ span: b.textSpan, text: b.text, where: 'heading' });
    else if (b.kind === 'paragraph' || b.kind === 'list-item' || b.kind === 'blockquote') {
      for (const s of b.sentences) sentences.push({ span: s.span, text: s.text, where: 'body' });
      links.push(...b.links);
    }
  }
  return { sentences: [...sentences, ...headings], links, bodyCount: sentences.length };
}

/** Asserts what must hold of every extraction. */
function assertMentions(text: string, entities: DocEntity[], bodyCount: number, label = ''): void {
  const spans: { start: number; end: number; what: string }[] = [];
  const keys = new Set<string>();
  for (const e of entities) {
    assert.ok(!keys.has(e.key), `${label}two entities share the key ${e.key}`);
    keys.add(e.key);
    assert.ok(e.mentions.length > 0, `${label}${e.name} has no mention`);
    for (const m of e.mentions) {
      assert.strictEqual(m.key, e.key, `${label}mention ${m.text} of ${e.name} has key ${m.key}`);
      assert.strictEqual(text.slice(m.span.start, m.span.end), m.text, `${label}mention of ${e.name} does not slice back to its text`);
      assert.ok(m.text.length > 0 && !/[\r\n]/.test(m.text), `${label}mention ${JSON.stringify(m.text)} of ${e.name} is empty or spans lines`);
      assert.ok(m.sentence >= -1 && m.sentence < bodyCount, `${label}mention ${m.text} has sentence ${m.sentence}, outside the ${bodyCount} sentences`);
      spans.push({ ...m.span, what: `${e.name}:${m.text}` });
    }
    for (let i = 1; i < e.mentions.length; i++) assert.ok(e.mentions[i - 1].span.start <= e.mentions[i].span.start, `${label}mentions of ${e.name} are in order`);
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i].start >= spans[i - 1].end, `${label}mentions overlap: ${spans[i - 1].what} and ${spans[i].what}`);
  }
}

function extractText(text: string, options: EntityOptions = {}, label = ''): DocEntity[] {
  const a = parse(text).article;
  const { sentences, links, bodyCount } = sentencesOf(a);
  const entities = extractEntities(text, a, sentences, links, options);
  assertMentions(text, entities, bodyCount, label);
  return entities;
}

interface Extracted {
  text: string;
  entities: DocEntity[];
  byName(name: string): DocEntity;
  byKey(key: string): DocEntity | undefined;
  names(): string[];
  /** Mention texts of an entity, in order. */
  texts(name: string): string[];
}

function extract(body: string, spec: Parameters<typeof article>[0] = {}, options: EntityOptions = {}): Extracted {
  const text = article({ body, ...spec });
  return wrap(text, extractText(text, options));
}

function wrap(text: string, entities: DocEntity[]): Extracted {
  const names = () => entities.map((e) => e.name);
  const byName = (name: string) => {
    const e = entities.find((x) => x.name === name);
    assert.ok(e, `no entity ${JSON.stringify(name)}; found ${JSON.stringify(names())}`);
    return e!;
  };
  return {
    text, entities, names, byName,
    byKey: (key) => entities.find((x) => x.key === key),
    texts: (name) => byName(name).mentions.map((m) => m.text),
  };
}

function assertNoEntity(x: Extracted, ...bad: string[]): void {
  for (const b of bad) {
    const hit = x.entities.find((e) => e.name === b || e.key === b.toLowerCase() || e.aliases.includes(b));
    assert.ok(!hit, `${JSON.stringify(b)} should not be an entity or alias; found ${hit && JSON.stringify({ name: hit.name, kind: hit.kind, aliases: hit.aliases })}`);
  }
}

function assertNoMentionText(x: Extracted, ...bad: string[]): void {
  for (const e of x.entities) for (const m of e.mentions) assert.ok(!bad.includes(m.text), `${JSON.stringify(m.text)} is a mention of ${e.name}`);
}

describe('entities: a gang named once', function () {
  it('a word a gang\'s cue follows is a name even said once ("deploy Ryuk and Conti ransomware"); a department\'s "team" is no such cue', function () {
    // 39 real mentions (Conti in 8 more articles, Maze, Babuk, Egregor …) were dropped as a word seen once.
    const x = extract('In the past, threat actors have used BazarLoader to deploy Ryuk and Conti ransomware, as reported on many occasions.');
    assert.deepStrictEqual(x.texts('Conti'), ['Conti']);
    const y = extract('A bulletin from the Security Research and Defense team at a large vendor said so. Analysts found a new Rust ransomware strain.');
    assertNoEntity(y, 'Defense', 'Rust');
  });
});

describe('entities: people', function () {
  it('a name no list knows is a person by a role in apposition: "Satnam Narang, staff research engineer at Tenable, said"', function () {
    // 34 real people quoted so were no entity at all (54 of 310 names right after a closing quote).
    const x = extract('“SSL VPNs are a favored attack vector,” Satnam Narang, staff research engineer at Tenable, said via email. Srinivas Mukkamala, Ivanti’s senior vice president of security products, agreed. Zong-Yu Wu, a threat analyst with the company, explained it.');
    for (const name of ['Satnam Narang', 'Srinivas Mukkamala', 'Zong-Yu Wu']) assert.strictEqual(x.byName(name).kind, 'person', name);
    // Not a role said of the name: a verb follows it, it is plural, a function word comes first, the comma closes a quotation, a place ends the name.
    const y = extract('After a year of work on Windows Hello, the researcher finally hit pay dirt. They found Color Message, Pradeo researchers said. It ran at noon Eastern Time, after CNBC reporter Eamon Javers tweeted. It came from APT28 or Fancy Bear," Google security engineer Ajax Bash said. Reset Australia, a democracy advocate, took a firmer position.');
    for (const name of ['Windows Hello', 'Color Message', 'Eastern Time', 'Fancy Bear', 'Reset Australia']) assert.notStrictEqual(y.byKey(name.toLowerCase())?.kind, 'person', name);
  });

  it('two capitalised words starting with a known first name are a person', function () {
    const x = extract('The breach was found by Jane Doe and reported to Mike Lee later that week.');
    assert.strictEqual(x.byName('Jane Doe').kind, 'person');
    assert.strictEqual(x.byName('Mike Lee').kind, 'person');
    assert.strictEqual(x.byName('Jane Doe').key, 'jane doe');
  });

  it('a first name of the long list is a person when the surname looks like one: "Troy Hunt", not "Rockwell Automation"', function () {
    const x = extract('The data reached Troy Hunt and Casey Ellis. Rockwell Automation and Gordon Legal were not told. Beverly Hills police were, near the hills.');
    assert.strictEqual(x.byName('Troy Hunt').kind, 'person');
    assert.strictEqual(x.byName('Casey Ellis').kind, 'person');
    for (const name of ['Rockwell Automation', 'Gordon Legal', 'Beverly Hills']) {
      const e = x.entities.find((y) => y.name === name || y.name.startsWith(name));
      assert.ok(!e || e.kind !== 'person', `${name} is no person: ${JSON.stringify(e && { name: e.name, kind: e.kind })}`);
    }
  });

  it('a name written family name first stays whole, and its first word alone is the person: "Yuen Kuan Moon", then "Yuen"', function () {
    const x = extract('Singtel chief executive Yuen Kuan Moon said the breach was serious. Yuen said more would follow. Jeremy Alan Smith said no. Smith said so.');
    assert.strictEqual(x.byName('Yuen Kuan Moon').kind, 'person');
    assert.deepStrictEqual(x.texts('Yuen Kuan Moon'), ['Yuen Kuan Moon', 'Yuen']);
    assertNoEntity(x, 'Yuen Moon');
    // A first name of the lists keeps the first-and-last form: "Jeremy Alan Smith" is Jeremy Smith.
    assert.deepStrictEqual(x.texts('Jeremy Smith'), ['Jeremy Alan Smith', 'Smith']);
  });

  it('a surname with an apostrophe after its first letter: "Dick O\'Brien", "Alessio D’Amato", and "O\'Brien" alone after', function () {
    const x = extract('Dick O\'Brien, senior research editor at Symantec, told ZDNet it was new. Alessio D’Amato said so too. O\'Brien added more.');
    assert.strictEqual(x.byName('Dick O\'Brien').kind, 'person');
    assert.strictEqual(x.byName('Alessio D’Amato').kind, 'person');
    assert.deepStrictEqual(x.texts('Dick O\'Brien'), ['Dick O\'Brien', 'O\'Brien']);
  });

  it('first names that web addresses write in lower case are still first names: "Linus Torvalds", "Jen Easterly", not "Royal Assent" or "El Salvador"', function () {
    // The long list was filtered by every lower-case word of a news corpus, its links' slugs too ("…/marcus-hutchins-…").
    const x = extract('Linus Torvalds and Jen Easterly spoke. Damon McCoy and Marcus Hutchins agreed. '
      + 'The bill got Royal Assent. El Salvador and the Solomon Islands adopted it, and Moses Staff and Ragnar Locker attacked.');
    for (const name of ['Linus Torvalds', 'Jen Easterly', 'Damon McCoy', 'Marcus Hutchins']) assert.strictEqual(x.byName(name).kind, 'person', name);
    for (const name of ['Royal Assent', 'El Salvador', 'Solomon Islands', 'Moses Staff', 'Ragnar Locker']) {
      const e = x.entities.find((y) => y.name === name);
      assert.ok(!e || e.kind !== 'person', `${name} is no person: ${JSON.stringify(e && { name: e.name, kind: e.kind })}`);
    }
  });

  it('a role word before the name: "T-Mobile CEO Mike Sievert"', function () {
    const x = extract('On Friday, a humbled T-Mobile CEO Mike Sievert apologized for the debacle.');
    assert.strictEqual(x.byName('Mike Sievert').kind, 'person');
    assert.deepStrictEqual(x.texts('Mike Sievert'), ['Mike Sievert']);
    assert.strictEqual(x.byName('T-Mobile').kind, 'organisation');
    assertNoEntity(x, 'T-Mobile CEO Mike Sievert', 'CEO Mike Sievert', 'CEO');
  });

  it('a role after the name: "Alon Gal, CTO of Hudson Rock", also for unknown first names', function () {
    const x = extract('The seller told Alon Gal, CTO of cybercrime intelligence firm Hudson Rock, about it. Zorvath Quillane, founder of the firm Brightwave, agreed.');
    assert.strictEqual(x.byName('Alon Gal').kind, 'person');
    assert.strictEqual(x.byName('Hudson Rock').kind, 'organisation');
    assert.strictEqual(x.byName('Zorvath Quillane').kind, 'person');
    assert.strictEqual(x.byName('Brightwave').kind, 'organisation');
  });

  it('a relative "who" after the name: "Austin Berglas, who leads …"', function () {
    const x = extract('The reward was announced by Tamsin Oduya, who leads the unit. The report came from Orvel Kestrane, who runs a lab.');
    assert.strictEqual(x.byName('Tamsin Oduya').kind, 'person');
    assert.strictEqual(x.byName('Orvel Kestrane').kind, 'person');
  });

  it('a speech verb around the name: "said Jane Doe", "Zorvath Quillane said"', function () {
    const x = extract('“It is bad,” said Jane Doe. “It is worse,” said Zorvath Quillane in an email. Tamsin Oduya said the data was old.');
    assert.strictEqual(x.byName('Jane Doe').kind, 'person');
    assert.strictEqual(x.byName('Zorvath Quillane').kind, 'person');
    assert.strictEqual(x.byName('Tamsin Oduya').kind, 'person');
  });

  it('names written with letters beyond ASCII: "Ivan Krstić, head of …", "according to José Pagliery", a surname alone after', function () {
    const x = extract('Ivan Krstić, head of Apple Security Engineering, disagrees. According to José Pagliery, the data was old. Jürgen Müller-Lüdenscheidt said so. Krstić said more.');
    assert.strictEqual(x.byName('Ivan Krstić').kind, 'person');
    assert.deepStrictEqual(x.texts('Ivan Krstić'), ['Ivan Krstić', 'Krstić']);
    assert.strictEqual(x.byName('José Pagliery').kind, 'person');
    assert.strictEqual(x.byName('Jürgen Müller-Lüdenscheidt').kind, 'person');
  });

  it('a researcher "of" a company is two entities, not one', function () {
    const x = extract('The webinar will feature security researchers Erick Galinkin of Rapid7 and others.');
    assert.strictEqual(x.byName('Erick Galinkin').kind, 'person');
    assert.strictEqual(x.byName('Rapid7').kind, 'organisation');
    assertNoEntity(x, 'Erick Rapid7', 'Erick Galinkin of Rapid7');
  });

  it('a person "of" a company with an unknown first name: the surname speaks in the article, or the words after the company do', function () {
    const x = extract('Dirk Schrader of New Net Technologies (NNT) told Threatpost it was bad. Zorvath Quillane of Brightwave Networks looked at the bug. Later, Quillane said it was old.');
    assert.strictEqual(x.byName('Dirk Schrader').kind, 'person');
    assert.strictEqual(x.byName('New Net Technologies').kind, 'organisation');
    assert.strictEqual(x.byName('Zorvath Quillane').kind, 'person');
    assert.deepStrictEqual(x.texts('Zorvath Quillane'), ['Zorvath Quillane', 'Quillane']);
    assertNoEntity(x, 'Dirk Schrader of New Net Technologies', 'Zorvath Quillane of Brightwave Networks');
    // An institution's name is no person, whoever speaks after it; nor is a court's district.
    const y = extract('The Reserve Bank of Australia said rates would rise. The Acting U.S. Attorney for the Western District of Washington said the men were charged.');
    for (const e of y.entities) assert.notStrictEqual(e.kind, 'person', `${e.name} is a person`);
    assert.strictEqual(y.byName('Western District of Washington').kind, 'organisation');
    // "X Y of <place>" is the organisation's own name, whoever speaks after it or in the article.
    for (const text of [
      'On Monday, Blue Cross of Idaho confirmed the breach. Later, Cross said more.',
      'Planned Parenthood of Los Angeles said 400,000 patients were affected.',
      'Deutsche Telekom of Germany reported the attack. Telekom said it was contained.',
      'Memorial Hermann of Houston announced the incident.',
    ]) {
      const z = extract(text);
      for (const e of z.entities) assert.notStrictEqual(e.kind, 'person', `${e.name} is a person in "${text}"`);
    }
  });

  it('a quarter or fiscal year is no organisation, written or tagged; page furniture glued to a word is not part of it', function () {
    const x = extract('Cloudflare said that in Q3 it saw 17.2M rps. Acme grew in FY2021 and in Q4.ADVERTISEMENTThe analyst Zorvath Quillane said so. ADVERTISEMENTAmazon declined to comment.', { tags: '[[Q3]] [[FY22]] [[Cloudflare]]' });
    assertNoEntity(x, 'Q3', 'Q4', 'FY2021', 'FY22');
    assert.ok(!x.entities.some((e) => /ADVERTISEMENT/.test(e.name) || e.aliases.some((a) => /ADVERTISEMENT/.test(a))), x.entities.map((e) => e.name).join(', '));
    assert.strictEqual(x.byName('Cloudflare').kind, 'organisation');
    assert.deepStrictEqual(x.texts('Amazon'), ['Amazon']);
    assert.strictEqual(x.byName('Zorvath Quillane').kind, 'person');
  });

  it('a unit written with capitals or a weekday in the plural is no name: "1.2 Tbps", "433 MHz", "on Fridays" (each was one in the real corpus)', function () {
    const x = extract('Cloudflare saw DDoS attacks above 1 Tbps, with a peak of 1.2 Tbps. Attacks from 500 Mbps to 10 Gbps grew. The remote speaks in the 433 MHz band. Minors may only play on Fridays, Saturdays and Sundays.');
    assertNoEntity(x, 'Tbps', 'Mbps', 'Gbps', 'MHz', 'Fridays', 'Saturdays', 'Sundays');
    assertNoMentionText(x, 'Tbps', 'MHz', 'Fridays');
    assert.strictEqual(x.byName('Cloudflare').kind, 'organisation');
  });

  it('a one-word tag is a name when the body has it speak and never writes it in lower case; a topic tag is not', function () {
    const x = extract('Quillfeather says the profiles of 12m users were exposed. Ransomware attacks rose, the report said.', { tags: '[[Quillfeather]] [[Ransomware]]' });
    assert.deepStrictEqual(x.texts('Quillfeather'), ['Quillfeather', 'Quillfeather']);
    assertNoEntity(x, 'Ransomware');
    // Said in lower case too: a word of the language.
    const y = extract('Phishing says a lot about us. Most phishing is cheap.', { tags: '[[Phishing]]' });
    assertNoEntity(y, 'Phishing');
    // Regions are places.
    const z = extract('Some 56% of businesses in Asia-Pacific and 30% in Southeast Asia agreed, the survey of firms in Latin America found.');
    for (const r of ['Asia-Pacific', 'Southeast Asia', 'Latin America']) assert.strictEqual(z.byName(r).kind, 'place', r);
  });

  it('a name written across a link keeps the link text only; agencies named "Service" are organisations', function () {
    const x = extract('It would acquire [Volterra](https://www.zdnet.com/article/f5-volterra/) of Santa Clara. Later, Volterra of Santa Clara grew. The Internal Revenue Service (IRS) said so, and the IRS signed a contract.');
    const v = x.byName('Volterra of Santa Clara');
    assert.deepStrictEqual(v.aliases, []);
    assert.strictEqual(x.byName('Internal Revenue Service').kind, 'organisation');
    assert.deepStrictEqual(x.byName('Internal Revenue Service').aliases, ['IRS']);
  });

  it('names of things are not people, whatever the cues around them', function () {
    const x = extract('The rules of the General Data Protection Regulation apply, and Cisco Talos said it was likely. Consumer Reports said so too. The Randori Attack Surface Report said the same.');
    for (const e of x.entities) assert.notStrictEqual(e.kind, 'person', `${e.name} is a person`);
    assertNoEntity(x, 'Data Regulation', 'Randori Report');
  });

  it('a product\'s name first, or a place or a trade last after no listed first name, makes no person without a role: "Vodafone Portugal announced", "Schreiber Foods said" (real: 8 were people)', function () {
    const x = extract('Vodafone Portugal announced an outage. Schreiber Foods said its plants were hit. Users of Firefox Focus said it works. '
      + 'It changes the Windows Registry, researchers said. The software editor DaVinci Resolve was patched. '
      + 'Affected are Domain Factory, Heart Internet, Host Europe and tsoHost.');
    for (const n of ['Vodafone Portugal', 'Schreiber Foods', 'Firefox Focus', 'Windows Registry', 'DaVinci Resolve', 'Heart Internet']) {
      assert.notStrictEqual(x.byKey(n.toLowerCase())?.kind, 'person', n);
    }
    assert.strictEqual(x.byName('Schreiber Foods').kind, 'organisation');
    // People stay people: a first name of the lists ("Seth Berlin", "Jordan Smith", "Victoria Newhouse"), a role ("Titania
    // Jordan, chief parenting officer"), a title of address; "Windows" alone is still the product.
    const y = extract('Seth Berlin said the study was legal. Jordan Smith said so too, and Victoria Newhouse said nothing. '
      + 'The risk grows, says Titania Jordan, chief parenting officer at Bark. Windows is patched.');
    for (const n of ['Seth Berlin', 'Jordan Smith', 'Victoria Newhouse', 'Titania Jordan']) assert.strictEqual(y.byName(n).kind, 'person', n);
    assert.notStrictEqual(y.byKey('windows')?.kind, 'person');
    // A verb of saying still makes people of names no list knows, when nothing ends them in a place or a trade.
    assert.strictEqual(extract('Zorvath Quillane said the data was gone.').byName('Zorvath Quillane').kind, 'person');
  });

  it('"St." begins a name, the dot no break: "St. Louis Post-Dispatch", "St. Petersburg", "Jeffrey St. Clair" (real: "Louis Post-Dispatch" and a name "St")', function () {
    const x = extract('The St. Louis Post-Dispatch reported the flaw. REvil members were held in St. Petersburg. '
      + 'Springhill CEO Jeffrey St. Clair told the WSJ about it. The office on Main St. The next day it closed.');
    assert.strictEqual(x.byName('St Louis Post-Dispatch').kind, 'outlet');
    assert.deepStrictEqual(x.texts('St Louis Post-Dispatch'), ['St. Louis Post-Dispatch']);
    assert.strictEqual(x.byName('St Petersburg').kind, 'place');
    assert.deepStrictEqual(x.texts('St Petersburg'), ['St. Petersburg']);
    assert.strictEqual(x.byKey('jeffrey st clair')?.kind, 'person');
    assertNoEntity(x, 'Louis Post-Dispatch', 'St', 'Jeffrey Clair', 'St The');
  });

  it('the world\'s countries and large cities are places, from a gazetteer: "Nauru", "El Salvador", "New York City", "Tampa" (real: 58 names were things or organisations); its names that are people\'s or companies\' in the news are not', function () {
    const x = extract('Telstra runs networks in Papua New Guinea, Fiji, Nauru and Kiribati. NSO spyware hit journalists in El Salvador. '
      + 'Schools in New York City were closed. Gale Healthcare Solutions is a Tampa, Florida tech company. '
      + 'Russia denied it, and the Russian Federation said nothing. The Islamic Republic of Iran and Iran are one.');
    for (const n of ['Papua New Guinea', 'Fiji', 'Nauru', 'Kiribati', 'El Salvador', 'New York City', 'Tampa', 'Russia', 'Iran']) {
      assert.strictEqual(x.byName(n).kind, 'place', n);
    }
    // A country's other names in full are the country ("Russian Federation" is Russia).
    assert.deepStrictEqual(x.texts('Russia'), ['Russia', 'Russian Federation']);
    assert.deepStrictEqual(x.texts('Iran'), ['Islamic Republic of Iran', 'Iran']);
    // People stay people: a first name of the lists before a surname ("Chad Anderson"), a surname that is a place too
    // ("Doel Santos", "Meng Wanzhou", "Jinan Budge"); a company's name stays no place ("Aruba" of HPE).
    const y = extract('Chad Anderson said the domains were new. Doel Santos, threat intelligence analyst, agreed. '
      + 'Huawei CFO Meng Wanzhou returned to China, and Meng thanked Beijing. Jinan Budge, principal analyst with Forrester, said so. '
      + 'Aruba recommends that the CLI be restricted, and Aruba said it fixed the bug.');
    for (const n of ['Chad Anderson', 'Doel Santos', 'Meng Wanzhou', 'Jinan Budge']) assert.strictEqual(y.byName(n).kind, 'person', n);
    assert.notStrictEqual(y.byKey('aruba')?.kind, 'place');
  });

  it('capitalised words before a place name a body there: "Services Australia", "Fujitsu Australia"; not a part of it, its people, nor a sentence\'s opening word (real: 17 were things)', function () {
    const x = extract('Services Australia said the app was safe. Fujitsu Australia agreed, as Global Affairs Canada did. '
      + 'Officials in Mainland China and East Asia disagreed. Whether Russia was behind it is unclear. A Black Michigan resident sued. '
      + 'Blaming China is easy.');
    for (const n of ['Services Australia', 'Fujitsu Australia', 'Global Affairs Canada']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
    for (const n of ['Mainland China', 'East Asia', 'Whether Russia', 'Black Michigan', 'Blaming China']) assert.notStrictEqual(x.byKey(n.toLowerCase())?.kind, 'organisation', n);
    // A person whose surname is a place stays one.
    assert.strictEqual(extract('Seth Berlin, a lawyer for the researchers, said so.').byName('Seth Berlin').kind, 'person');
  });

  it('a surname after the full name is the same person, within the article', function () {
    const x = extract('Alon Gal, CTO of Hudson Rock, saw the post. Gal tweeted about it. Later, Gal said more.');
    assert.deepStrictEqual(x.texts('Alon Gal'), ['Alon Gal', 'Gal', 'Gal']);
    assert.deepStrictEqual(x.byName('Alon Gal').aliases, ['Gal']);
  });

  it('the first word of one person\'s name alone is that person: "Meng" beside "Meng Wanzhou", "Gerald" beside "Gerald Combs" (real: 30 were things of their own)', function () {
    const x = extract('Huawei CFO Meng Wanzhou was freed. Canada had to decide whether to pass Meng to the United States, and Meng went home.');
    assert.deepStrictEqual(x.texts('Meng Wanzhou'), ['Meng Wanzhou', 'Meng', 'Meng']);
    assert.ok(!x.byKey('meng'), JSON.stringify(x.names()));
    const y = extract('Sysdig hired Gerald Combs, its creator. That is where he met Gerald, and since then Gerald has grown the tool.');
    assert.deepStrictEqual(y.texts('Gerald Combs'), ['Gerald Combs', 'Gerald', 'Gerald']);
    // Not a first word two people share, one the article writes in lower case, a known name, nor that of a "person"
    // a place ends ("Vodafone Portugal").
    const z = extract('Mark Lee met Mark Chen at the event. Later, Mark said so.');
    assert.ok(!z.entities.some((e) => e.key.includes(' ') && e.mentions.some((m) => m.text === 'Mark')), JSON.stringify(z.entities.map((e) => [e.key, e.mentions.map((m) => m.text)])));
    const w = extract('Rich Struse, a researcher at Mitre, spoke. The haul was rich. A forum user named Rich posted it.');
    assert.ok(!w.byName('Rich Struse').mentions.some((m) => m.text === 'Rich'));
    const v = extract('Jordan Smith, an analyst at Acme Corp, said the attack hit firms in Jordan.');
    assert.ok(!v.byName('Jordan Smith').mentions.some((m) => m.text === 'Jordan'));
  });

  it('a surname alone, in an article without the full name, keeps its own key', function () {
    const x = extract('The company said Binns told reporters the security was awful. Binns said so again.', { tags: '[[Binns]] [[ThreatPost]]' });
    assert.ok(!x.byKey('john binns'), 'no John Binns in this article');
    const b = x.byKey('binns');
    assert.ok(b, `binns in ${JSON.stringify(x.names())}`);
    assert.deepStrictEqual(b!.mentions.map((m) => m.text), ['Binns', 'Binns', 'Binns']);
  });

  it('two people sharing a surname in one article: a bare surname is the one named in full last before it, as a reader takes it', function () {
    const x = extract('Early on, Smith opened the meeting. John Smith, CEO of Acme Corp, spoke first. Then Smith said the data was safe. Then Jane Smith, CTO of Beta Inc, spoke. Later Smith repeated it, and Smith added more.');
    assert.deepStrictEqual(x.texts('John Smith'), ['John Smith', 'Smith']);
    assert.deepStrictEqual(x.texts('Jane Smith'), ['Jane Smith', 'Smith', 'Smith']);
    // Before either is named in full, the surname is neither: no one entity that other articles' Smiths would join.
    assert.ok(!x.entities.some((e) => e.key === 'smith' && e.mentions.length > 1), JSON.stringify(x.entities.map((e) => [e.key, e.mentions.length])));
  });

  it('middle names are dropped from the key: "John Erin Binns" is John Binns', function () {
    const x = extract('John Binns spoke to reporters. The torture of John Erin Binns was his claim. Binns said so.');
    const b = x.byName('John Binns');
    assert.strictEqual(b.key, 'john binns');
    assert.deepStrictEqual(b.mentions.map((m) => m.text), ['John Binns', 'John Erin Binns', 'Binns']);
    assert.ok(b.aliases.includes('John Erin Binns'));
    // Only the middle-name form in the article: still John Binns.
    const y = extract('The torture of John Erin Binns was claimed. Binns is a US citizen.');
    assert.strictEqual(y.byName('John Binns').key, 'john binns');
    assert.deepStrictEqual(y.texts('John Binns'), ['John Erin Binns', 'Binns']);
  });

  it('a surname that begins with a particle is the surname: "Max Van Amerongen" is not Max Amerongen', function () {
    const x = extract('Max Van Amerongen, a researcher at SentinelOne, found it. Van Amerongen said the flaw was old. It is bad, explained Stefano De Blasi, threat researcher at Digital Shadows, and De Blasi added more. Jonathan Bar Or wrote it up; Bar Or works for Microsoft. Ben Pick said nothing.');
    assert.deepStrictEqual(x.texts('Max Van Amerongen'), ['Max Van Amerongen', 'Van Amerongen']);
    assert.deepStrictEqual(x.texts('Stefano De Blasi'), ['Stefano De Blasi', 'De Blasi']);
    assert.deepStrictEqual(x.texts('Jonathan Bar Or'), ['Jonathan Bar Or', 'Bar Or']);
    assert.strictEqual(x.byName('Max Van Amerongen').key, 'max van amerongen');
    assertNoEntity(x, 'Max Amerongen', 'Stefano Blasi', 'Jonathan Or');
    // A first name that can be a particle ("Ben") is still a first name when no one here has that surname.
    assert.strictEqual(x.byName('Ben Pick').kind, 'person');
    // The surname's last word alone is the same person too.
    const y = extract('Max Van Amerongen found it. Amerongen said so.');
    assert.deepStrictEqual(y.texts('Max Van Amerongen'), ['Max Van Amerongen', 'Amerongen']);
    // A particle that is also a first name starts a person of its own.
    const z = extract('Analyst Ben Smith said it was bad. CEO John Ben Smith disagreed.');
    assert.strictEqual(z.byName('Ben Smith').kind, 'person');
    assert.notStrictEqual(z.byName('Ben Smith').key, z.byName('John Ben Smith').key);
  });

  it('a small particle inside a name is part of the surname: "Theo de Raadt", "Ursula von der Leyen"', function () {
    const x = extract('OpenBSD founder Theo de Raadt said the bug was old. De Raadt added that users should patch. '
      + 'Researcher Max van Amerongen of Vectra said the flaw was serious. Commission president Ursula von der Leyen spoke too. '
      + 'Trend Micro researchers Monte de Jesus and Emily van der Nagel found it.');
    assert.deepStrictEqual(x.texts('Theo de Raadt'), ['Theo de Raadt', 'De Raadt']);
    assert.strictEqual(x.byName('Theo de Raadt').kind, 'person');
    assert.strictEqual(x.byName('Max van Amerongen').kind, 'person');
    assert.strictEqual(x.byName('Vectra').kind, 'organisation');
    assert.strictEqual(x.byName('Ursula von der Leyen').kind, 'person');
    assert.strictEqual(x.byName('Emily van der Nagel').kind, 'person');
    assertNoEntity(x, 'Raadt', 'Jesus', 'Nagel', 'Leyen');
  });

  it('a small particle makes no person of a bank, a city or a university', function () {
    const x = extract('Banco de Chile said the breach was contained. The attack hit Rio de Janeiro. Vrije Universiteit van Amsterdam reported it. Banco de Chile confirmed it.');
    assert.notStrictEqual(x.byName('Banco de Chile').kind, 'person');
    for (const e of x.entities) assert.notStrictEqual(e.kind, 'person', e.name);
  });

  it('"Jan" before a surname is a first name, not January', function () {
    const x = extract('SANS researcher Jan Kopriva said the flaw was old. Kopriva added more. The app was founded by Jan Koum. '
      + 'Researcher Jan van der Berg of ESET agreed. On Jan 5 and Jan. 12 the attacks resumed. The Jan Update fixed it.');
    assert.deepStrictEqual(x.texts('Jan Kopriva'), ['Jan Kopriva', 'Kopriva']);
    for (const n of ['Jan Kopriva', 'Jan Koum', 'Jan van der Berg']) assert.strictEqual(x.byName(n).kind, 'person', n);
    assertNoEntity(x, 'Jan', 'Jan Update');
  });

  it('a particle surname two people share here is the one named in full last before it', function () {
    const x = extract('Researcher Pieter van der Berg of ESET said it was bad. Van der Berg added more. Mark van der Berg, a lawyer, said nothing.');
    assert.deepStrictEqual(x.texts('Pieter van der Berg'), ['Pieter van der Berg', 'Van der Berg']);
    assert.deepStrictEqual(x.texts('Mark van der Berg'), ['Mark van der Berg']);
  });

  it('possessives are the name itself', function () {
    const x = extract('John Binns spoke. Binns’s story spread, and Binns\' lawyer agreed. T-Mobile’s staff and T-Mobile\'s customers’ data were hit. Motherboard’s Joseph Cox has seen samples.');
    assert.deepStrictEqual(x.texts('John Binns'), ['John Binns', 'Binns', 'Binns']);
    assert.deepStrictEqual(x.texts('T-Mobile'), ['T-Mobile', 'T-Mobile']);
    assert.strictEqual(x.byName('Joseph Cox').kind, 'person');
    assert.strictEqual(x.byName('Motherboard').kind, 'outlet');
    assertNoEntity(x, 'Motherboard’s Joseph Cox', 'T-Mobile’s', 'Binns’s');
  });
});

describe('entities: organisations, outlets, places', function () {
  it('a linked name does not run on across "of" or "and" after the link, but may end outside it', function () {
    const x = extract('F5 said it would acquire security software company [Volterra](https://example.com/volterra) of Santa Clara, Calif. '
      + 'The advisory came from [Accenture](https://example.com/a) and France, with help from [Tencent](https://example.com/t) and Lacework Labs. '
      + 'Researchers also told the [CERT](https://www.kb.cert.org/vuls/) Coordination Center about it.');
    assert.strictEqual(x.byName('Volterra').kind, 'organisation');
    for (const n of ['Accenture', 'Tencent', 'Lacework Labs', 'CERT Coordination Center']) x.byName(n);
    assert.strictEqual(x.byName('France').kind, 'place');
    assertNoEntity(x, 'Volterra of Santa Clara', 'Accenture and France', 'Tencent and Lacework Labs', 'Coordination Center');
    // The cues around a linked name still count: "[tweeted](…) [Allan Liska](…)".
    const y = extract('“It is a win,” [tweeted](https://twitter.com/x/status/1) [Allan Liska](https://twitter.com/uuallan), of the group’s shutdown.');
    assert.strictEqual(y.byName('Allan Liska').kind, 'person');
  });

  it('a short name ending in a word of a trade is a company\'s, and HP is one without speaking; a place\'s last word is no surname', function () {
    // From the real corpus: "JBS Foods" was no organisation (and, named once, no entity), "HP" only where it spoke
    // ("150 HP printer models" belonged to F-Secure), and "Crystal Valley", a farm cooperative, was a person.
    const x = extract('REvil hit the meat supplier [JBS Foods](https://threatpost.com/jbs-paid-11m/166767/) and Mitsubishi Electric. '
      + 'The bugs affect 150 HP printer models. Crystal Valley was hit too. Security researcher Sunjoo Park found it.');
    for (const n of ['JBS Foods', 'Mitsubishi Electric', 'HP']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
    assert.notStrictEqual(x.byKey('crystal valley')?.kind, 'person');
    // "Park" and "Bay" are surnames.
    assert.strictEqual(x.byName('Sunjoo Park').kind, 'person');
    assert.strictEqual(extract('Director Michael Bay said so.').byName('Michael Bay').kind, 'person');
    // Not a word the article writes in lower case ("customer care" below), nor a product's last word ("Google Cloud").
    const y = extract('Call Customer Care now. Your customer care team and Google Cloud can help.');
    assert.notStrictEqual(y.byKey('customer care')?.kind, 'organisation');
    assert.notStrictEqual(y.byKey('google cloud')?.kind, 'organisation');
  });

  it('a paper is an outlet by its last word (HIPAA Journal, Seattle Times), and "Centers of" names an organisation', function () {
    // Both were read as organisations that own what they report: "The HIPAA Journal said 79,943 patients" was the Journal's count.
    const x = extract('The [HIPAA Journal](https://www.hipaajournal.com/a/) said 79,943 patients were told. The Seattle Times and the Chicago Tribune reported it. '
      + 'Online pharmacy company Ravkoo and Fertility Centers of Illinois (FCI) have both informed patients.');
    for (const n of ['HIPAA Journal', 'Seattle Times', 'Chicago Tribune']) assert.strictEqual(x.byName(n).kind, 'outlet', n);
    assert.strictEqual(x.byName('Fertility Centers of Illinois').kind, 'organisation');
    assert.strictEqual(x.byName('Ravkoo').kind, 'organisation');
    // A paper's name of three words keeps its middle one: "The Harbor Bay Ledger" was a person, "Harbor Ledger".
    const y = extract('The Harbor Bay Ledger reported on Monday that Globex lost data, and Paul Roberts of Security Ledger said so. The Bay Courier, the Daily Inquirer and the Valley Examiner confirmed it.');
    for (const n of ['Harbor Bay Ledger', 'Security Ledger', 'Bay Courier', 'Daily Inquirer', 'Valley Examiner']) assert.strictEqual(y.byName(n).kind, 'outlet', n);
    assert.strictEqual(y.byName('Paul Roberts').kind, 'person');
  });

  it('a name a gang or group is called by is an organisation, however it is written: "the Conti gang" as "the LockBit gang"', function () {
    // Written like a word, Conti was a thing in 31 of 33 real articles where LockBit, in camel case, was an organisation;
    // so "at least 290 organizations" Conti hit were the FBI's, which warned of them.
    const x = extract('The FBI warned that the Conti gang hit at least 290 organizations. Then Hive affiliates and the LockBit gang struck too. '
      + 'An APT group and the Administrators group were named, and administrators were told.');
    for (const n of ['Conti', 'Hive', 'LockBit']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
    assertNoEntity(x, 'APT', 'Administrators');
  });

  it('"and" does not join a whole name to the next: "Amnesty International and Citizen Lab" are two; "Securities and Exchange Commission" one', function () {
    const x = extract('Researchers at Amnesty International and Citizen Lab found it. Investors in Baidu and Tencent Holdings, Rockstar Games and Manticore Games '
      + 'and the Treasury Department and State Department were told, as was the Australian Competition and Consumer Commission.');
    for (const n of ['Amnesty International', 'Citizen Lab', 'Baidu', 'Tencent Holdings', 'Rockstar Games', 'Manticore Games', 'Australian Competition and Consumer Commission']) x.byName(n);
    assertNoEntity(x, 'Amnesty International and Citizen Lab', 'Baidu and Tencent Holdings', 'Rockstar Games and Manticore Games');
  });

  it('organisations by cue, suffix, camel case and hyphen', function () {
    const x = extract('The company hired security firm Mandiant and consulting firm KPMG LLP. A cybersecurity company called Unit221B LLC found it. LinkedIn and T-Mobile were both hit.');
    for (const n of ['Mandiant', 'KPMG LLP', 'Unit221B LLC', 'LinkedIn', 'T-Mobile']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
  });

  it('a phrase seen once and dropped as noise does not take a name inside it along: "Google Cloud", "Besides Apple"', function () {
    const x = extract('Partners include Amazon, AT&T, Google Cloud and Microsoft. Google said so. Besides Apple, others exist. Apple fixed it.');
    assert.deepStrictEqual(x.texts('Google'), ['Google', 'Google']);
    assert.deepStrictEqual(x.texts('Apple'), ['Apple', 'Apple']);
    assertNoEntity(x, 'Google Cloud', 'Besides Apple');
    // Read again, a word of no known kind keeps what it had, and a surname alone inside a dropped phrase is no one's.
    const y = extract('Analyst Jack Gold said it was bad. Rivals such as Tiger Gold Management lost 40 customers. Gold added more.');
    assert.deepStrictEqual(y.texts('Jack Gold'), ['Jack Gold', 'Gold']);
  });

  it('a known name that ends on a number counts as one word of a long name: "Microsoft 365 Defender Threat Intelligence Team"', function () {
    const x = extract('The flaw was reported by the Microsoft 365 Defender Threat Intelligence Team last week.');
    assert.strictEqual(x.byName('Microsoft 365 Defender Threat Intelligence Team').kind, 'organisation');
  });

  it('first names the news uses for firms and polls are not taken: "The Harris Poll", "Hamilton Island Resort"', function () {
    const x = extract('The Harris Poll found most users agreed. Guests at Hamilton Island Resort were told. Kamala Harris said so.');
    for (const n of ['Harris Poll', 'Hamilton Island Resort', 'Hamilton Resort']) {
      const e = x.entities.find((y) => y.name === n);
      assert.ok(!e || e.kind !== 'person', `${n}: ${JSON.stringify(e && e.kind)}`);
    }
  });

  it('a currency code glued to a sum is no name: "SEK0.8 billion", "CAD5,000"', function () {
    const x = extract('Ericsson said EBIT was hit by SEK0.8 billion, and a fine of CAD5,000 was paid.', { tags: '[[Ericsson]] [[SEK0]] [[CAD5]]' });
    assertNoEntity(x, 'SEK0', 'SEK0.8', 'CAD5');
  });

  it('a mail domain is no handle: "a fake @microsoft.com address", but "Follow @VKIntel." is one', function () {
    const x = extract('Attackers sent mail from a fake @microsoft.com email address. Follow @VKIntel for more, or ask @jane.');
    assertNoEntity(x, '@microsoft');
    assert.strictEqual(x.byName('@VKIntel').kind, 'handle');
    assert.strictEqual(x.byName('@jane').kind, 'handle');
  });

  it('a known name that ends on a number is one name: "Intel 471" is not Intel, "Microsoft 365" not Microsoft', function () {
    const x = extract('Researchers at Intel 471 said the gang is active. Microsoft 365 users were hit, and Intel said nothing.');
    assert.strictEqual(x.byName('Intel 471').kind, 'organisation');
    assert.deepStrictEqual(x.texts('Intel'), ['Intel']);
    assert.strictEqual(x.byName('Microsoft 365').kind, 'other');
    assertNoEntity(x, 'Microsoft');
  });

  it('a field named in capitals is no organisation: "Threat Intelligence", "Operational Technology", not "Transportation Security Administration"', function () {
    const x = extract('Threat Intelligence matters, the Transportation Security Administration said. Operational Technology is at risk. '
      + 'Social Media is too. Advanced Intelligence agreed. Offensive Security did not.');
    for (const n of ['Threat Intelligence', 'Operational Technology', 'Social Media']) {
      const e = x.entities.find((y) => y.name === n);
      assert.ok(!e || e.kind !== 'organisation', `${n}: ${JSON.stringify(e && e.kind)}`);
    }
    for (const n of ['Transportation Security Administration', 'Advanced Intelligence', 'Offensive Security']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
  });

  it('what kind of business a word before the name says: "fashion label Guess", "meat processor JBS", not "supply chain Levels …"', function () {
    const x = extract('An attack on fashion label Guess hit its staff. Meat processor JBS paid. The restaurant chain Chipotle and crypto exchange Bitbuy were named, '
      + 'and Google backs the Supply chain Levels for Software Artifacts framework.');
    for (const n of ['Guess', 'JBS', 'Chipotle', 'Bitbuy']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
    const slsa = x.entities.find((e) => e.name.includes('Levels for Software'));
    assert.ok(!slsa || slsa.kind !== 'organisation', JSON.stringify(slsa && { name: slsa.name, kind: slsa.kind }));
  });

  it('software and vulnerabilities are not organisations, whatever the cues: "Windows users", "Log4j"', function () {
    const x = extract('Windows users should patch. The Log4j flaw, dubbed Log4Shell, hit Microsoft Office users too, Microsoft said.');
    for (const name of ['Windows', 'Log4j', 'Log4Shell', 'Microsoft Office']) assert.strictEqual(x.byName(name).kind, 'other', name);
    assert.strictEqual(x.byName('Microsoft').kind, 'organisation');
    // Named once, a known product is still an entity (a lone unknown word would not be).
    assert.deepStrictEqual(x.texts('Windows'), ['Windows']);
  });

  it('one word in camel case that its cue calls a thing is no organisation: "the SysJoker backdoor", "dubbed MysterySnail"', function () {
    // From the real corpus, where each was "· organisation" on cards by its shape alone.
    const x = extract('Researchers have found new backdoor malware, and the SysJoker backdoor hit Linux too. SysJoker was quiet for months. '
      + 'A utility called ChromePass was dropped. The exploit, dubbed MysterySnail, was patched. '
      + 'The AccountGuard tool flags attacks. The extension registers the OnMessage callback. Later, ReasonLabs said it saw the attack.');
    // Every mention of the word is the thing, also the ones without a cue ("SysJoker was quiet"); named once, it is still an entity.
    for (const n of ['SysJoker', 'ChromePass', 'MysterySnail', 'AccountGuard', 'OnMessage']) assert.strictEqual(x.byName(n).kind, 'other', n);
    assert.deepStrictEqual(x.texts('SysJoker'), ['SysJoker', 'SysJoker']);
    // A company without such a cue still is one.
    assert.strictEqual(x.byName('ReasonLabs').kind, 'organisation');
  });

  it('code is no organisation: PowerShell commands and identifiers of four humps or more', function () {
    const x = extract('The actors ran Get-MpPreference and New-MailboxExportRequest, then read BKEventSenderUsagePairDictionary. '
      + 'Get-MpPreference listed the exclusions; BKEventSenderUsagePairDictionary held the keys. NortonLifeLock and ThycoticCentrify saw it.');
    for (const n of ['Get-MpPreference', 'BKEventSenderUsagePairDictionary']) assert.strictEqual(x.byName(n).kind, 'other', n);
    // Named once, code is noise, not an entity.
    assertNoEntity(x, 'New-MailboxExportRequest');
    for (const n of ['NortonLifeLock', 'ThycoticCentrify']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
  });

  it('a gang named like its malware stays an organisation, and a company cue wins over a thing cue', function () {
    // "the REvil backdoor" is the gang's; a name the article writes before "ransomware", "gang" or "operators" is a gang's
    // whatever else it is called; "a group dubbed ChamelGang" is a group; "a company called BehavioSec" a company.
    const x = extract('The REvil backdoor lets REvil decrypt files. The DeadCrypt variant spread, and DeadCrypt operators demanded $1 million. '
      + 'The group, dubbed ChamelGang, hides its malware. ChamelGang was active. Amazon is using a company called BehavioSec. '
      + 'The BehavioSec tool will flag workers. Security firm Quantexa said the Quantexa plugin was safe.');
    for (const n of ['REvil', 'DeadCrypt', 'ChamelGang', 'BehavioSec', 'Quantexa']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
  });

  it('people: generations are not surnames, brands and prepositions are not first or middle names', function () {
    const x = extract('Robert Wayne Boling Jr was sentenced. Actor Robert Downey Jr said nothing. The Coalition Against Stalkerware said it was bad. The report was bad, DomainTools Karen Anderson said. It was found by researchers, said XueFeng Li. Microsoft researcher Jonathan Bar Or agreed.');
    assert.strictEqual(x.byName('Robert Boling Jr').kind, 'person');
    assert.strictEqual(x.byName('Robert Downey Jr').kind, 'person');
    assert.strictEqual(x.byName('Coalition Against Stalkerware').kind, 'organisation');
    assert.strictEqual(x.byName('Karen Anderson').kind, 'person');
    assert.strictEqual(x.byName('DomainTools').kind, 'organisation');
    assert.strictEqual(x.byName('XueFeng Li').kind, 'person');
    assert.strictEqual(x.byName('Jonathan Bar Or').kind, 'person');
    assertNoEntity(x, 'Robert Jr', 'Coalition Stalkerware', 'DomainTools Anderson');
    // What stands before a person in one run is not that person: "said Home Affairs Karen Andrews".
    const y = extract('It was bad, said Home Affairs Karen Andrews. The Home Affairs department agreed.');
    assert.strictEqual(y.byName('Karen Andrews').kind, 'person');
    // (Home Affairs is the Department of Home Affairs: see the table of other written forms.)
    assert.notStrictEqual(y.byName('Department of Home Affairs').kind, 'person');
  });

  it('the surname of a name with a generation is the word before it ("Asan" after "Joseph Iorhemba Asan Jr."; real: "Asan" was a thing of its own, 9 mentions)', function () {
    const x = extract('Prosecutors said Joseph Iorhemba Asan Jr. will spend 46 months in prison. The victims of scams facilitated by Joseph Asan Jr. were elderly. '
      + 'After serving his sentence, Asan must also submit to supervision. Money went to accounts controlled by Asan and others.');
    const p = x.byKey('joseph asan jr');
    assert.strictEqual(p?.kind, 'person', JSON.stringify(x.names()));
    assert.ok(p!.aliases.includes('Asan'), JSON.stringify(p!.aliases));
    assert.strictEqual(x.byKey('asan'), undefined);
    // Written with and without the generation, one man: "Asan" is his, not lost between two.
    const y = extract('Prosecutors said Joseph Iorhemba Asan Jr. will spend 46 months in prison. The victims of scams facilitated by Joseph Asan were elderly. '
      + 'After serving his sentence, Asan must also submit to supervision. Money went to accounts controlled by Asan and others.');
    assert.strictEqual(y.byKey('asan'), undefined, JSON.stringify(y.names()));
  });

  it('a name right before a role word is an organisation: "Gartner analyst", "Uptycs researchers"', function () {
    const x = extract('He is a former Gartner analyst now. Join Uptycs researchers Amit Malik and Ashwin Vamshi today.');
    assert.strictEqual(x.byName('Gartner').kind, 'organisation');
    assert.strictEqual(x.byName('Uptycs').kind, 'organisation');
    assert.strictEqual(x.byName('Amit Malik').kind, 'person');
  });

  it('firms, banks and NGOs written as people are ("Amnesty International said", "Morgan Stanley") are organisations', function () {
    const x = extract('Amnesty International said the phones were infected. Forbidden Stories and Amnesty International shared the list. The Australian Government said it would act. Morgan Stanley said it would pay. Bad Packets said it saw scans, and Palo Alto said it patched. Cream Finance said it lost $130 million. The Digital Government Office agreed.');
    for (const n of ['Amnesty International', 'Forbidden Stories', 'Australian Government', 'Morgan Stanley', 'Bad Packets', 'Palo Alto', 'Cream Finance', 'Digital Government Office']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
    // "International" ends a name without joining two: not "Forbidden Stories and Amnesty International".
    assertNoEntity(x, 'Forbidden Stories and Amnesty International');
    // Malware named like a person is no person.
    assert.strictEqual(extract('Purple Fox has spread, and White Rabbit said nothing.').byName('Purple Fox').kind, 'other');
    // Malware, tools and bugs named by what they are, whatever cues stand around them.
    const y = extract('TrickBot operators hit the firm. TrickBot spread. BazarLoader and AsyncRAT followed; BazarLoader was new and AsyncRAT old. ProxyShell was exploited, and ProxyShell again. Qbot is back, Qbot says. GitHub and CrowdStrike said so, and GitHub agreed with CrowdStrike.');
    for (const n of ['TrickBot', 'BazarLoader', 'AsyncRAT', 'ProxyShell', 'Qbot']) assert.strictEqual(y.byName(n).kind, 'other', n);
    for (const n of ['GitHub', 'CrowdStrike']) assert.strictEqual(y.byName(n).kind, 'organisation', n);
    // Named once, such a thing is still an entity (an unknown word of kind other would not be).
    assert.strictEqual(extract('The attack began with [TrickBot stepped up](https://news.example/t) last week.').byName('TrickBot').kind, 'other');
    assert.strictEqual(extract('Qbot is back.', {}).byName('Qbot').kind, 'other');
  });

  it('where a role is held is an organisation ("vice president of Shared Assessments", "an analyst at Acme Widgets"), not a department, a person or a place', function () {
    const x = extract('Ron Bradley, vice president of Shared Assessments, agreed. Tom Hale, an analyst at Acme Widgets, agreed. Ana Ruiz, VP of Engineering, agreed. Secretary of Homeland Security Alejandro Mayorkas agreed. Marty Walsh, mayor of Boston, agreed.');
    assert.strictEqual(x.byName('Shared Assessments').kind, 'organisation');
    assert.strictEqual(x.byName('Acme Widgets').kind, 'organisation');
    assertNoEntity(x, 'Engineering', 'Homeland Security Alejandro Mayorkas');
    assert.strictEqual(x.byName('Boston').kind, 'place');
  });

  it('"Former" before an organisation is a past role, not part of its name: Former CIA official, Former Uber CSO', function () {
    const x = extract('Former CIA cyber official Marcus Fowler agreed. The CIA declined to comment. Former Uber CSO Joe Sullivan was convicted. Uber said nothing.');
    assertNoEntity(x, 'Former CIA', 'Former Uber');
    assert.ok(x.texts('Central Intelligence Agency').length >= 2, JSON.stringify(x.names()));
    assert.ok(x.texts('Uber').length >= 2, JSON.stringify(x.names()));
  });

  it('institutions "X of Y" are organisations', function () {
    const x = extract('He sued the FBI, CIA and Department of Justice in 2020. The Monetary Authority of Singapore agreed.');
    assert.strictEqual(x.byName('Department of Justice').kind, 'organisation');
    assert.strictEqual(x.byName('Monetary Authority of Singapore').kind, 'organisation');
    assertNoEntity(x, 'CIA and Department of Justice', 'FBI, CIA');
  });

  it('long institutional names are found whole, and two institutions joined by "and" stay two', function () {
    const x = extract('The National Institute of Standards and Technology (NIST) published it. NIST said more. '
      + 'The Department of Health and Human Services agreed. Researchers at the University of Birmingham and University of Surrey found it, '
      + 'with Forescout Research Labs and JFrog Security Research.');
    assert.strictEqual(x.byName('National Institute of Standards and Technology').kind, 'organisation');
    assert.deepStrictEqual(x.texts('National Institute of Standards and Technology'), ['National Institute of Standards and Technology', 'NIST', 'NIST']);
    assert.strictEqual(x.byName('Department of Health and Human Services').kind, 'organisation');
    assert.strictEqual(x.byName('University of Birmingham').kind, 'organisation');
    assert.strictEqual(x.byName('University of Surrey').kind, 'organisation');
    assert.strictEqual(x.byName('JFrog Security Research').kind, 'organisation');
    assertNoEntity(x, 'University of Birmingham and University of Surrey', 'Forescout Research Labs and JFrog Security Research');
    // A title-case headline in the body is no name, however many capitals it has.
    assertNoEntity(extract('Also this week: Suspected Chinese Hackers Hit News Corp Servers. Suspected Chinese Hackers Hit News Corp Servers.'), 'Suspected Chinese Hackers Hit News Corp Servers');
    const headline = 'See: Goldcrest Airlines Passengers Records Purportedly Up for Sale. Read: Goldcrest Airlines Passengers Records Purportedly Up for Sale.';
    assertNoEntity(extract(headline), 'Goldcrest Airlines Passengers Records Purportedly Up for Sale');
  });

  it('"Home Affairs says": a department, not a person', function () {
    const x = extract('Home Affairs says the Bill is urgent. Home Affairs believes the capability is not there yet, said Home Affairs secretary Mike Pezzullo.');
    assert.strictEqual(x.byName('Department of Home Affairs').kind, 'organisation');
  });

  it('outlets: the Source field, the known list, a cue, "the Journal" and WSJ', function () {
    const x = extract('Threatpost reached out. Motherboard and Reuters reported it, as did the tech publication Gizmodo. The Wall Street Journal spoke to him. He told the Journal more, and the WSJ confirmed. The Journal said so.');
    for (const n of ['Threatpost', 'Motherboard', 'Reuters', 'Gizmodo', 'Wall Street Journal']) assert.strictEqual(x.byName(n).kind, 'outlet', n);
    const wsj = x.byName('Wall Street Journal');
    assert.deepStrictEqual(wsj.mentions.map((m) => m.text), ['Wall Street Journal', 'Journal', 'WSJ', 'Journal']);
    assert.deepStrictEqual([...wsj.aliases].sort(), ['Journal', 'WSJ']);
  });

  it('a multi-word outlet keeps its first word: "The New York Times"', function () {
    const x = extract('The leak was first reported by The New York Times on Monday. The New York Times later updated it.');
    assert.strictEqual(x.byName('New York Times').kind, 'outlet');
    assertNoEntity(x, 'York Times');
  });

  it('places from the gazetteer, and the acronyms of countries', function () {
    const x = extract('He lives in Izmir, Turkey, and the data center is outside East Wenatchee, Wash. The US and the U.K. agreed. US officials said so.');
    for (const n of ['Izmir', 'Turkey', 'East Wenatchee', 'United States', 'United Kingdom']) assert.strictEqual(x.byName(n).kind, 'place', n);
    assert.deepStrictEqual(x.texts('United States'), ['US', 'US']);
  });

  it('a country acronym before an agency is a place and the agency stays whole', function () {
    const x = extract('The US Federal Communications Commission (FCC) said last week that it is investigating. The FCC did not comment.');
    const fcc = x.byName('Federal Communications Commission');
    assert.strictEqual(fcc.kind, 'organisation');
    assert.deepStrictEqual(fcc.mentions.map((m) => m.text), ['Federal Communications Commission', 'FCC', 'FCC']);
    assert.strictEqual(x.byName('United States').kind, 'place');
  });
});

describe('entities: acronyms', function () {
  it('an explicit "(ACR)" after the expansion joins them', function () {
    const x = extract('The Law Enforcement Enterprise Portal (LEEP) was abused. LEEP is now offline.');
    assert.deepStrictEqual(x.texts('Law Enforcement Enterprise Portal'), ['Law Enforcement Enterprise Portal', 'LEEP', 'LEEP']);
  });

  it('initials join an established expansion without brackets', function () {
    const x = extract('The Cybersecurity and Infrastructure Security Agency issued a warning. Later CISA updated it.');
    assert.ok(x.byName('Cybersecurity and Infrastructure Security Agency').aliases.includes('CISA'));
  });

  it('the field of a title is no name: "Chief Information Security Officer"', function () {
    const x = extract('"It matters," said Kevin Reed, Chief Information Security Officer at Acronis, on Monday.');
    assertNoEntity(x, 'Information Security');
    assert.strictEqual(x.byName('Kevin Reed').kind, 'person');
    assert.ok(x.entities.some((e) => e.name === 'Acronis'), x.entities.map((e) => e.name).join(', '));
  });

  it('"Manager" ends the name of software, not a name: "Security Accounts Manager (SAM)"; before a person it is a title', function () {
    const x = extract('The flaw is in the Security Accounts Manager (SAM) database. SAM holds password hashes, said Product Manager Jane Doe of Acme Corp.');
    assert.deepStrictEqual(x.texts('Security Accounts Manager'), ['Security Accounts Manager', 'SAM', 'SAM']);
    assert.strictEqual(x.byName('Jane Doe').kind, 'person');
    assertNoEntity(x, 'Security Accounts');
    // A vendor's software keeps its last word, whatever follows it.
    const v = extract('Attackers abused Cisco UCS Manager last week, and Cisco UCS Manager was patched. Google Password Manager for iOS stores them; Google Password Manager is free.');
    assert.deepStrictEqual(v.texts('Cisco UCS Manager'), ['Cisco UCS Manager', 'Cisco UCS Manager']);
    assert.deepStrictEqual(v.texts('Google Password Manager'), ['Google Password Manager', 'Google Password Manager']);
    // A company's or a country's manager is a title: the company and the country stay.
    const y = extract('A Walmart Manager said the store was shut. Jane Doe, Acme Country Manager for Spain, said so too.');
    assert.ok(y.entities.some((e) => e.name === 'Walmart'), y.entities.map((e) => e.name).join(', '));
    assert.strictEqual(y.byName('Spain').kind, 'place');
  });

  it('initials leave out a legal form: "MSI (Micro-Star International Co., Ltd.)" is one company, named by its acronym all through', function () {
    const x = extract('Researchers found flaws at MSI. MSI (Micro-Star International Co., Ltd.) is a Taiwanese firm. MSI patched them.');
    assert.deepStrictEqual(x.texts('Micro-Star International Co'), ['MSI', 'MSI', 'Micro-Star International Co', 'MSI']);
  });

  it('a name is not taken for a common word of the article that merely shares its first and last letters and length ("Satnam" and "system")', function () {
    const x = extract('Satnam Narang, staff research engineer at Tenable, said the system was patched. Narang added that the flaw was serious.');
    assert.strictEqual(x.byName('Satnam Narang').kind, 'person');
    assert.deepStrictEqual(x.texts('Satnam Narang'), ['Satnam Narang', 'Narang']);
  });

  it('the ACRONYMS table names an acronym used alone, in every article', function () {
    const x = extract('He sued the FBI and the CIA. The FBI declined to comment.');
    assert.deepStrictEqual(x.texts('Federal Bureau of Investigation'), ['FBI', 'FBI']);
    assert.deepStrictEqual(x.texts('Central Intelligence Agency'), ['CIA']);
    assert.strictEqual(x.byName('Federal Bureau of Investigation').kind, 'organisation');
  });

  it('an acronym that the common words before its bracket spell is a term, not the table\'s organisation: the "(CIA) principles" of security', function () {
    const x = extract('Basic confidentiality, integrity and availability (CIA) principles continue to be ignored, Kulkarni said.');
    assert.deepStrictEqual(x.entities.filter((e) => e.aliases.includes('CIA') || e.name === 'CIA').map((e) => e.name), []);
    // Words that do not spell it leave the table's reading.
    const y = extract('Agents of the spy agency (CIA) were named in the leak, Kulkarni said.');
    assert.deepStrictEqual(y.texts('Central Intelligence Agency'), ['CIA']);
  });

  it('an acronym the article spells out in brackets is that name all through it, before the table: Cisco\'s NSO is not NSO Group', function () {
    const x = extract('Cisco fixed a bug in its Network Services Orchestrator (NSO), which admins use. The NSO flaw is bad. Pegasus maker NSO Group denied hacking phones.');
    assert.deepStrictEqual(x.texts('Network Services Orchestrator'), ['Network Services Orchestrator', 'NSO', 'NSO']);
    assert.deepStrictEqual(x.texts('NSO Group'), ['NSO Group']);
    // Without the article's own spelling-out, the table's reading stands.
    const y = extract('The NSO spyware was found on phones of activists.');
    assert.deepStrictEqual(y.texts('NSO Group'), ['NSO']);
    // The table's own name misspelt in the article is still the table's entity.
    const z = extract('The National Security Administration (NSA) said so.');
    assert.deepStrictEqual(z.texts('National Security Agency'), ['NSA']);
  });

  it('"Organization" ends an organisation\'s name: the North Atlantic Treaty Organization is no person "North Organization"', function () {
    const x = extract('The North Atlantic Treaty Organization said it would act. The World Health Organization met in Geneva.');
    assert.strictEqual(x.byName('North Atlantic Treaty Organization').kind, 'organisation');
    assert.strictEqual(x.byName('World Health Organization').kind, 'organisation');
    assertNoEntity(x, 'North Organization');
  });

  it('an acronym on the list of well-known firms is one, without a cue: "Mandiant and KPMG"', function () {
    const x = extract('T-Mobile signed partnerships with Mandiant and KPMG to improve its security.');
    assert.strictEqual(x.byName('KPMG').kind, 'organisation');
  });

  it('a headline acronym of an expansion the body established is a mention', function () {
    const x = extract('He spoke to the Wall Street Journal on Monday.', { title: '21-year-old tells WSJ he was behind massive T-Mobile hack' });
    const wsj = x.byName('Wall Street Journal');
    assert.deepStrictEqual(wsj.mentions.map((m) => [m.text, m.where]), [['WSJ', 'title'], ['Wall Street Journal', 'body']]);
  });

  it('two-letter initials do not join a phrase without brackets, and acronyms match only in capitals', function () {
    const x = extract('Run the PowerShell Command to check it. The PC was infected. Tell us what you saw. Us too.');
    assertNoEntity(x, 'PC');
    for (const e of x.entities) assert.ok(!e.mentions.some((m) => m.text === 'us' || m.text === 'Us'), `${e.name} has a mention "us"`);
  });
});

describe('entities: handles', function () {
  it('"uses the online handles IRDev and v0rtex": aliases and mentions of the person', function () {
    const x = extract('John Binns spoke. Binns reportedly uses the online handles IRDev and v0rtex, among others. Later v0rtex posted again.');
    const b = x.byName('John Binns');
    for (const alias of ['IRDev', 'v0rtex']) assert.ok(b.aliases.includes(alias), `${alias} in ${b.aliases}`);
    assert.deepStrictEqual(b.mentions.map((m) => m.text), ['John Binns', 'Binns', 'IRDev', 'v0rtex', 'v0rtex']);
  });

  it('"(@UnderTheBreach)" after a name is that person; a lone handle is a handle', function () {
    const x = extract('— Alon Gal (Under the Breach) (@UnderTheBreach) posted it. Follow the researcher @vxunderground on Twitter.');
    assert.ok(x.byName('Alon Gal').aliases.includes('@UnderTheBreach'));
    assert.deepStrictEqual(x.texts('Alon Gal'), ['Alon Gal', '@UnderTheBreach']);
    assert.strictEqual(x.byName('@vxunderground').kind, 'handle');
  });

  it('a handle after a clause is not the handle of the person who opens it ("… discusses the hack with @BloombergTV")', function () {
    const x = extract('Crypto.com CEO Kris Marszalek spoke on Monday. Kris Marszalek discusses the recent hack with [@BloombergTV](https://twitter.com/BloombergTV)’s [@emilychangtv](https://twitter.com/emilychangtv).');
    assert.deepStrictEqual(x.byName('Kris Marszalek').aliases, []);
    assert.strictEqual(x.byName('@BloombergTV').kind, 'handle');
    // Right after the name, with only a name's words between, it is his.
    const y = extract('Crypto.com CEO Kris Marszalek (The CEO) (@kris) spoke on Monday.');
    assert.deepStrictEqual(y.byName('Kris Marszalek').aliases, ['@kris']);
  });

  it('handles with underscores are one word, escaped for Markdown or not: "@VK_Intel", "@VK\\_Intel"', function () {
    const x = extract('Follow @VK_Intel on Twitter. The researcher, who tweets as @UK_Daniel_Card, agreed. Another post by @VK\\_Intel said so.');
    assert.strictEqual(x.byName('@VK_Intel').kind, 'handle');
    // Both spellings are mentions of one handle, each span covering the text as written.
    assert.deepStrictEqual(x.texts('@VK_Intel'), ['@VK_Intel', '@VK\\_Intel']);
    assert.deepStrictEqual(x.byName('@VK_Intel').aliases, []);
    assert.strictEqual(x.byName('@UK_Daniel_Card').kind, 'handle');
    assertNoEntity(x, '@VK', 'Intel', '@UK', 'Daniel Card', 'Daniel_Card');
    // Identifiers with underscores are code and detection names, not organisations.
    const y = extract('Trend Micro detects it as AndroidOS_KeepSpy. The flaw is in ASN1_STRING and SoftwareBus_fillBuf handling.');
    assertNoEntity(y, 'AndroidOS_KeepSpy', 'AndroidOS', 'KeepSpy', 'ASN1_STRING', 'SoftwareBus_fillBuf', 'SoftwareBus');
  });
});

describe('entities: tags', function () {
  it('tags that name an entity are mentions: [[T-Mobile]], [[Binns]], [[WSJ]], [[T-Mobile’s]]', function () {
    const x = extract('John Binns told the Wall Street Journal that T-Mobile was careless. Binns said so.', { tags: '[[T-Mobile]] [[Binns]] [[WSJ]] [[T-Mobile’s]] [[ThreatPost]]' });
    const tagTexts = (n: string) => x.byName(n).mentions.filter((m) => m.where === 'tag').map((m) => m.text);
    assert.deepStrictEqual(tagTexts('T-Mobile'), ['T-Mobile', 'T-Mobile']);
    assert.deepStrictEqual(tagTexts('John Binns'), ['Binns']);
    assert.deepStrictEqual(tagTexts('Wall Street Journal'), ['WSJ']);
    for (const e of x.entities) for (const m of e.mentions) if (m.where === 'tag') assert.strictEqual(m.sentence, -1);
  });

  it('tags that are topics are not entities: [[cybersecurity]], [[Ransomware]], [[it’s]], [[numbers,]], [[Aug.]]', function () {
    const x = extract('Ransomware gangs hit again, and ransomware is everywhere. Cybersecurity matters. Cryptominer apps too.', { tags: '[[cybersecurity]] [[Ransomware]] [[Cryptominer]] [[it’s]] [[numbers,]] [[Aug.]] [[ThreatPost]]' });
    assertNoEntity(x, 'cybersecurity', 'Cybersecurity', 'Ransomware', 'Cryptominer', 'it’s', 'numbers', 'Aug');
  });

  it('a tag in capitals that no list knows and the body never writes is a term, not an organisation: [[NDA]], [[MQTT]]', function () {
    const x = extract('ADT and Ring are both security system providers. ADT offers three plans. ZTE phones and the FBI were named.', { tags: '[[NDA]] [[MQTT]] [[ADT]] [[ZTE]] [[FBI]]' });
    for (const n of ['NDA', 'MQTT']) {
      const e = x.entities.find((y) => y.name === n);
      assert.ok(!e || e.kind !== 'organisation', `${n}: ${JSON.stringify(e && e.kind)}`);
    }
    // One the body writes is what it was: an organisation by its shape.
    for (const n of ['ADT', 'ZTE', 'Federal Bureau of Investigation']) assert.strictEqual(x.byName(n).kind, 'organisation', n);
  });

  it('new-layout threat-actor tags name organisations', function () {
    const text = article({ layout: 'new', body: 'The Conti gang struck again, and Conti denied it.', tags: '#### Threatactor:\n[[threatactor.name=Conti]]\n\n### Autogenerated Tags:\n[[ransomware]] [[Computerworld]]' });
    const x = wrap(text, extractText(text));
    assert.strictEqual(x.byName('Conti').kind, 'organisation');
  });
});

describe('entities: words that are not names', function () {
  it('sentence-initial function words never start names', function () {
    const x = extract('On Thursday, the attacker spoke. The Journal was told. In August it grew. Hackers stole data. Check out our free webinar. The seller told Motherboard. Still, it is up there.');
    assertNoEntity(x, 'On Thursday', 'Thursday', 'The Journal', 'In August', 'August', 'Hackers', 'Check', 'The', 'Still');
  });

  it('a word opening a sentence is a name when an apposition says what it is: "Quillfeather, the dating app, said"', function () {
    const x = extract('Quillfeather, the dating app, said 2 million users were affected. Quillfeather said it had fixed the flaw.\n\nSievert, the company’s chief executive, said sorry. Brightline, a ticketing firm, confirmed it.');
    assert.strictEqual(x.byName('Quillfeather').kind, 'organisation');
    assert.deepStrictEqual(x.texts('Quillfeather'), ['Quillfeather', 'Quillfeather']);
    assert.strictEqual(x.byName('Sievert').kind, 'person');
    assert.strictEqual(x.byName('Brightline').kind, 'organisation');
    // Sentence adverbs and asides are not appositions: no second comma and verb, or a verb that is not one.
    const y = extract('However, the company said 2 million users were affected. Today, the firm, in a statement, said more. Separately, the regulator, said nothing. Overall, the picture was bleak.');
    assertNoEntity(y, 'However', 'Today', 'Separately', 'Overall');
    // A word the article also writes in lower case is a word of the language, whatever its apposition says.
    const z = extract('Antivirus, the oldest security software in existence, has been around since the 1980s. Modern antivirus tools learn. Quillfeather, the dating app, said sorry.');
    assertNoEntity(z, 'Antivirus');
    assert.strictEqual(z.byName('Quillfeather').kind, 'organisation');
  });

  it('a round-up\'s entry is named by its label when its text starts again with it: "* **Tether**: Tether faced …"', function () {
    const x = extract('The biggest breaches of the year, month by month.\n\n* **Tether**: Tether faced an extortion demand of approximately $24 million.\n* **Robinhood**: Robinhood disclosed a data breach that affected about 7 million customers.\n* **Update**: Update your browser, and update it often.');
    assert.deepStrictEqual(x.texts('Tether'), ['Tether', 'Tether']);
    assert.deepStrictEqual(x.texts('Robinhood'), ['Robinhood', 'Robinhood']);
    // A label the article writes in lower case is a word of the language; a label not taken up again is no cue.
    assertNoEntity(x, 'Update');
    const y = extract('* **Installation**: The tool installs in a minute.\n* **Cost**: Cost is the main concern.\n\nThe cost was low.');
    assertNoEntity(y, 'Installation', 'Cost');
  });

  it('months and weekdays are not entities, abbreviated or not', function () {
    const x = extract('As of Aug. 18, T-Mobile had estimated it. By Aug. 4 he had stolen files. On Friday and on Monday morning they met. In Sept. and Oct. too.', { tags: '[[Aug.]] [[Friday]] [[ThreatPost]]' });
    assertNoEntity(x, 'Aug', 'Aug.', 'Friday', 'Monday', 'Sept', 'Oct');
    assert.deepStrictEqual(x.texts('T-Mobile'), ['T-Mobile']);
  });

  it('a Title-Case headline only mentions names the body established', function () {
    const x = extract('Acme Corp said hackers stole records. Acme Corp is investigating.', { title: 'Hackers Say Acme Corp Security Is ‘Awful,’ Says Purported Thief From Germany', subtitle: 'The Seller Claims Everything.' });
    assert.deepStrictEqual(x.byName('Acme Corp').mentions.map((m) => m.where), ['title', 'body', 'body']);
    assertNoEntity(x, 'Hackers', 'Hackers Say Acme Corp Security', 'Says Purported Thief', 'Purported Thief', 'Germany', 'Seller', 'The Seller Claims Everything');
  });

  it('headings only mention established names, and their mentions point at no body sentence', function () {
    const x = extract('John Binns spoke.\n\nWho is John Binns?\n------------------\n\nBinns lives in Turkey.\n\nSomething’s Wrong in Magenta Land\n---------------------------------\n\nIt is bad.');
    const heading = x.byName('John Binns').mentions.filter((m) => m.text === 'John Binns')[1];
    assert.ok(heading, 'the heading mentions John Binns');
    assert.strictEqual(heading.where, 'body');
    assert.strictEqual(heading.sentence, -1);
    assertNoEntity(x, 'Magenta Land', 'Something’s Wrong', 'Who');
  });

  it('link destinations and images never produce names; link text does', function () {
    const x = extract('The seller told [Alon Gal](https://twitter.com/UnderTheBreach/status/1426923538099970050), CTO of cybercrime intelligence firm [Hudson Rock](https://www.hudsonrock.com/), about it.\n\n[![Infosec Insiders Newsletter](https://media.threatpost.com/wp-content/uploads/InfosecInsiders.png)](https://threatpost.com/infosec-insider-subscription-page/?utm_campaign=InfosecInsiders_Newsletter_Promo/)\n\n![Threatpost Webinar Series ](https://media.threatpost.com/WebinarSeries.jpg)Worried about attacks?');
    assert.strictEqual(x.byName('Alon Gal').kind, 'person');
    assert.deepStrictEqual(x.texts('Alon Gal'), ['Alon Gal']);
    assert.strictEqual(x.byName('Hudson Rock').kind, 'organisation');
    assertNoEntity(x, 'UnderTheBreach', 'InfosecInsiders', 'Infosec Insiders Newsletter', 'Threatpost Webinar Series', 'Webinar Series', 'Newsletter_Promo');
  });

  it('autolinks and web addresses in link text produce nothing', function () {
    const x = extract('I spoke to the hackers. <https://t.co/F7mcmrmgxn> [pic.twitter.com/0Kwn4Xl89D](https://t.co/0Kwn4Xl89D)\n\nFollow me on Facebook at [Facebook.com/DavidGewirtz](https://www.facebook.com/davidgewirtz) and on YouTube at [YouTube.com/DavidGewirtzTV](https://www.youtube.com/user/DavidGewirtzTV).');
    assertNoEntity(x, 'F7mcmrmgxn', '0Kwn4Xl89D', 'DavidGewirtz', 'DavidGewirtzTV', 'Facebook.com');
  });

  it('technical jargon is not an organisation', function () {
    const x = extract('Gamers knock sites offline in DDoS attacks, making for pickings for DDoS-ers. IoT devices, a PoC exploit, SaaS apps, RaaS gangs, the VPN, C2 servers and HTTP requests were involved. DDoS again, IoT again, PoC again.');
    assertNoEntity(x, 'DDoS', 'DDoS-ers', 'IoT', 'PoC', 'SaaS', 'RaaS', 'VPN', 'C2', 'HTTP');
  });

  it('identifiers are not names: KB numbers, MITRE technique ids; a CVE is a vulnerability, nothing else', function () {
    const x = extract('Install KB5010126 now, which fixes CVE-2021-44228 and CVE-2021-45046. The actor used T1003 and T1046 techniques. KB5010126 is out.');
    assertNoEntity(x, 'KB5010126', 'T1003', 'T1046');
    assert.deepStrictEqual(x.entities.filter((e) => /cve/i.test(e.name) || e.aliases.some((a) => /cve/i.test(a))).map((e) => [e.name, e.kind]),
      [['CVE-2021-44228', 'vulnerability'], ['CVE-2021-45046', 'vulnerability']]);
  });

  it('a name never runs across a line break', function () {
    const x = extract('Image: Getty Images\nThe European Parliament voted on Tuesday. The European Parliament said so.');
    assertNoEntity(x, 'Getty Images The European Parliament');
    assert.ok(x.byName('European Parliament'));
  });

  it('a capitalised common noun the article also writes in lower case is not an entity', function () {
    const x = extract('It tracks Command and Control frameworks. The command and control server was down. Process Injection is a technique, and process injection is common.');
    assertNoEntity(x, 'Command', 'Control', 'Process Injection');
  });

  it('JSON pasted into the body produces nothing', function () {
    const x = extract('{"@context":"http:\\/\\/schema.org","@type":"ItemList","numberOfItems":4,"itemListElement":[{"@type":"ListItem","position":1,"name":"NordVPN","image":{"@type":"ImageObject"}}]}\n\nThe best VPN is fine.');
    assertNoEntity(x, '@context', '@type', 'ItemList', 'ListItem', 'ImageObject');
  });

  it('the options are not changed by extraction', function () {
    const outlets = new Map([['gizmodo', 'Gizmodo']]);
    const x = extract('Gizmodo and Threatpost reported it.', {}, { outlets });
    assert.deepStrictEqual([...outlets.keys()], ['gizmodo']);
    assert.strictEqual(x.byName('Gizmodo').kind, 'outlet');
    assert.strictEqual(x.byName('Threatpost').kind, 'outlet');
  });

  it('"to handle" is a verb and the trade\'s words are no handles: "equipped to handle DGA domain attempts", "username, PIN"', function () {
    const x = extract('Mounir Hahad, head of Juniper Threat Labs, said the tool is equipped to handle DGA domain attempts. Users need a username, PIN, and password, Hahad said.');
    assert.deepStrictEqual(x.byName('Mounir Hahad').aliases, ['Hahad']);
    assert.ok(!x.entities.some((e) => e.kind === 'handle'), JSON.stringify(x.entities.map((e) => [e.name, e.kind])));
  });

  it('a person\'s name starts at the first name, not at the title\'s last word before it ("Cybersecurity Eva Galperin")', function () {
    const x = extract('EFF Director of Cybersecurity Eva Galperin said the app was dangerous. Galperin added more. Secretary of Commerce Gina Raimondo said so too.');
    assert.strictEqual(x.byName('Eva Galperin').kind, 'person');
    assert.strictEqual(x.byName('Gina Raimondo').kind, 'person');
    assert.ok(!x.entities.some((e) => /Cybersecurity Galperin/.test(e.name)), JSON.stringify(x.entities.map((e) => e.name)));
    // Nor at a place's words in the title: "Minister for Western Sydney Stuart Ayres" (a real article) is no "Western Ayres".
    const y = extract('NSW Minister for Western Sydney Stuart Ayres said the app was safe. Ayres added more.');
    assert.deepStrictEqual([y.byName('Stuart Ayres').kind, y.byName('Stuart Ayres').mentions.length], ['person', 2]);
  });

  it('a known office whose name goes on after "and" is read whole; two names joined by "and" stay two', function () {
    const x = extract('The Department of Housing and Urban Development was hit. The National Center for Missing and Exploited Children (NCMEC) said so, as did the Office of Management and Budget. Microsoft and Google said so. It broke the Computer Fraud and Abuse Act.');
    for (const name of ['Department of Housing and Urban Development', 'National Center for Missing and Exploited Children', 'Office of Management and Budget']) assert.strictEqual(x.byName(name).kind, 'organisation', name);
    assert.ok(x.byName('National Center for Missing and Exploited Children').aliases.includes('NCMEC'));
    assert.strictEqual(x.byName('Computer Fraud and Abuse Act').kind, 'other');
    assert.ok(x.byName('Microsoft') && x.byName('Google'));
    assert.ok(!x.entities.some((e) => /^(?:Exploited Children|Department of Housing|Urban Development)$/.test(e.name)), JSON.stringify(x.entities.map((e) => e.name)));
  });

  it('outlets the real corpus cites are outlets, not organisations or people ("Der Spiegel", "Venture Beat"); a Fortune 500 firm is no outlet', function () {
    const x = extract('CNBC reported the attack first. The company told PCMag that it was hit, as Der Spiegel and Venture Beat reported. A Fortune 500 firm was hit too.');
    for (const name of ['CNBC', 'PCMag', 'Der Spiegel', 'VentureBeat']) assert.strictEqual(x.byName(name).kind, 'outlet', name);
    assert.ok(!x.entities.some((e) => e.kind === 'outlet' && /fortune/i.test(e.name)), JSON.stringify(x.entities.map((e) => [e.name, e.kind])));
  });

  it('is deterministic: the same text gives the same entities twice', function () {
    const text = seed('000');
    assert.deepStrictEqual(extractText(text), extractText(text));
  });
});

describe('entities: the seeds', function () {
  let all: Extracted[] = [];
  before(function () {
    all = seeds().map((s) => wrap(s.text, extractText(s.text, {}, `${s.name}: `)));
  });

  it('John Binns (person) in all three, with "Binns" mentions', function () {
    for (const x of all) {
      const b = x.byName('John Binns');
      assert.strictEqual(b.kind, 'person');
      assert.strictEqual(b.key, 'john binns');
      assert.ok(b.mentions.some((m) => m.text === 'Binns'));
    }
  });

  it('Alon Gal (person) in all three, mentioned only as "Alon Gal", "Gal" or "@UnderTheBreach"', function () {
    for (const x of all) {
      const g = x.byName('Alon Gal');
      assert.strictEqual(g.kind, 'person');
      for (const m of g.mentions) assert.match(m.text, /^(?:Alon Gal|Gal|@UnderTheBreach)$/);
      assert.ok(g.mentions.some((m) => m.text === 'Gal'));
    }
    assert.ok(all[2].byName('Alon Gal').mentions.some((m) => m.text === '@UnderTheBreach'));
  });

  it('T-Mobile (organisation) in all three', function () {
    for (const x of all) assert.strictEqual(x.byName('T-Mobile').kind, 'organisation');
  });

  it('seed 000: the Wall Street Journal with alias WSJ, and the Journal', function () {
    const wsj = all[0].byName('Wall Street Journal');
    assert.strictEqual(wsj.kind, 'outlet');
    assert.ok(wsj.aliases.includes('WSJ'));
    assert.ok(wsj.aliases.includes('Journal'));
    assert.ok(wsj.mentions.some((m) => m.where === 'tag' && m.text === 'WSJ'));
  });

  it('seed 000: handles, Mike Sievert, Federal Communications Commission', function () {
    const x = all[0];
    const b = x.byName('John Binns');
    for (const h of ['IRDev', 'v0rtex']) assert.ok(b.mentions.some((m) => m.text === h), h);
    assert.ok(b.mentions.some((m) => m.text === 'John Erin Binns'));
    assert.ok(x.byName('Mike Sievert').mentions.some((m) => m.where === 'tag'));
    assert.ok(x.byName('Federal Communications Commission').aliases.includes('FCC'));
    assert.strictEqual(x.byName('United States').kind, 'place');
  });

  it('seed 001: the headline acronym WSJ is the Wall Street Journal', function () {
    assert.ok(all[1].byName('Wall Street Journal').mentions.some((m) => m.where === 'title' && m.text === 'WSJ'));
  });

  it('no junk: Aug, I’m, CIA and Turkish, Social Security, F7mcmrmgxn, DDoS', function () {
    for (const x of all) assertNoEntity(x, 'Aug', 'I’m', 'CIA and Turkish', 'Social Security', 'F7mcmrmgxn', 'DDoS', 'DDoS-ers', 'Aug.');
    for (const x of all) assertNoMentionText(x, 'Aug', 'I’m', 'F7mcmrmgxn');
  });

  it('the output on the seeds matches the snapshot', function () {
    // After an intended change, `UPDATE_SNAPSHOT=1` writes the snapshot anew: review its diff before committing it.
    if (process.env.UPDATE_SNAPSHOT) fs.writeFileSync(SNAPSHOT, `${JSON.stringify(Object.fromEntries(seeds().map((x) => [x.name, extractText(x.text)])), null, 1)}\n`);
    if (!fs.existsSync(SNAPSHOT)) this.skip();
    const expected = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Record<string, DocEntity[]>;
    for (const s of seeds()) assert.deepStrictEqual(JSON.parse(JSON.stringify(extractText(s.text))), expected[s.name], s.name);
  });
});

describe('entities: the real corpus', function () {
  this.timeout(120_000);
  it('mention invariants hold on every corpus file', function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`      (skipped: no corpus at ${CORPUS})`);
      this.skip();
    }
    let files = 0;
    for (const dir of fs.readdirSync(CORPUS, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of fs.readdirSync(path.join(CORPUS, dir.name)).sort()) {
        if (!f.endsWith('.md')) continue;
        const text = fs.readFileSync(path.join(CORPUS, dir.name, f), 'utf8');
        extractText(text, {}, `${dir.name}/${f}: `);
        files++;
      }
    }
    assert.ok(files > 2000, `${files} corpus files`);
  });
});

describe('entities: a ransomware gang named like a word', function () {
  it('"the Conti ransomware group" is an organisation, as "the Conti gang" is (real: Conti, Babuk, Grief, Maze, Clop, Hive were things or nothing)', function () {
    for (const [sentence, key] of [
      ['Researchers said the Conti ransomware group made the demand.', 'conti'],
      ['Researchers said the Hive ransomware gang hit a hospital.', 'hive'],
      ['Researchers said the Conti gang made the demand.', 'conti'],
    ] as const) assert.strictEqual(extract(sentence).byKey(key)?.kind, 'organisation', sentence);
    // The word after "ransomware" must be a band's: "the Conti ransomware payload" says nothing of a group.
    assert.notStrictEqual(extract('Researchers said the Conti ransomware payload was new.').byKey('conti')?.kind, 'organisation');
  });
});

describe('entities: a name after "the" is no person', function () {
  it('"the Red Cross said", "the Netgain Partnership said": a name that speaks after an article is an organisation, no person (real: "Spanish Civil Guard", "Netgain Partnership")', function () {
    for (const [sentence, key] of [
      ['Officials said the Red Cross said it was willing to talk.', 'red cross'],
      ['Officials said the Netgain Partnership said it would help.', 'netgain partnership'],
    ] as const) assert.strictEqual(extract(sentence).byKey(key)?.kind, 'organisation', sentence);
    // At a sentence's start too, an unknown outlet that reports ("The Harbor Lantern reported"): found, as an organisation.
    assert.strictEqual(extract('The Harbor Lantern reported that Globex lost data.').byKey('harbor lantern')?.kind, 'organisation');
    // A name that ends as companies' names do is an organisation, whatever it says.
    for (const name of ['Morley Companies', 'Insight Enterprises', 'Toray Industries']) {
      assert.strictEqual(extract(`Officials said ${name} said 521,046 people were affected.`).byKey(name.toLowerCase())?.kind, 'organisation', name);
    }
    // A first name in it: a person after all ("the Canadian Karim Baratov said").
    assert.strictEqual(extract('Prosecutors said the Canadian Karim Baratov said he did not know.').byKey('karim baratov')?.kind, 'person');
    // Without "the", as before: a person.
    assert.strictEqual(extract('Officials said Maria Lopez said it was willing to talk.').byKey('maria lopez')?.kind, 'person');
  });
});

describe('entities: where a role is held, a few words after it', function () {
  it('"VP of solutions architecture at Cerberus Sentinel" names an organisation, as "vice president at Cerberus Sentinel" did', function () {
    // Real: Netenrich (17 articles), Tripwire, Lookout, Vectra, Cerberus Sentinel, Comparitech were not found so.
    assert.strictEqual(extract('Chris Clements, VP of solutions architecture at Cerberus Sentinel, was blunter about it.').byKey('cerberus sentinel')?.kind, 'organisation');
    assert.strictEqual(extract('John Bambenek, principal threat hunter at Netenrich, said so.').byKey('netenrich')?.kind, 'organisation');
    // A verb between breaks it: "presented the flaw at Black Hat USA", "said at Christmas".
    assert.notStrictEqual(extract('A security researcher presented the flaw at Black Hat USA.').byKey('black hat usa')?.kind, 'organisation');
    assert.notStrictEqual(extract('A spokesperson said at Christmas that it was fine.').byKey('christmas')?.kind, 'organisation');
    // Punctuation between the role and "at" breaks it: "the chief, who was at Cerberus Sentinel" says nothing of a job.
    assert.strictEqual(extract('They met the chief; later at Cerberus Sentinel nothing happened.').byKey('cerberus sentinel'), undefined);
  });
});

describe('entities: a website is no outlet', function () {
  it('"the adult cam site StripChat" is an organisation; "the news site Ukrinform" an outlet', function () {
    // Real: Stripchat (its 65 million records had no owner an outlet could be), CoinMarketCap, RestorePrivacy.
    assert.strictEqual(extract('Data of models on the popular adult cam site StripChat was exposed.').byKey('stripchat')?.kind, 'organisation');
    assert.strictEqual(extract('The story ran on the news site Ukrinform on Monday.').byKey('ukrinform')?.kind, 'outlet');
    assert.strictEqual(extract('The story ran on the security site HackRead on Monday.').byKey('hackread')?.kind, 'outlet');
    assert.strictEqual(extract('The story ran in the newspaper Vedomosti on Monday.').byKey('vedomosti')?.kind, 'outlet');
  });
});

describe('entities: a shorter form of a longer name', function () {
  it('"Print Spooler" after "Windows Print Spooler", "HP Wolf" beside "HP Wolf Security" are that name (real: two entities each)', function () {
    const x = extract('Microsoft patched the Windows Print Spooler again. Attackers abuse the Print Spooler to gain rights, and the Print Spooler bug is old.');
    assert.deepStrictEqual(x.texts('Windows Print Spooler'), ['Windows Print Spooler', 'Print Spooler', 'Print Spooler']);
    assertNoEntity(x, 'print spooler');
    // "Windows" is a name of its own: not an alias of the longer one.
    const w = extract('Windows users should patch the Windows Print Spooler now. The Windows Print Spooler is old, and Windows is everywhere.');
    assert.ok(!w.byName('Windows Print Spooler').aliases.includes('Windows'));
    assert.deepStrictEqual(w.texts('Windows'), ['Windows', 'Windows']);
    assert.deepStrictEqual(w.texts('Windows Print Spooler'), ['Windows Print Spooler', 'Windows Print Spooler']);
    const y = extract('Researchers at HP Wolf Security found the campaign. According to HP Wolf Security, the lures were new. HP Wolf also saw macros.');
    assert.deepStrictEqual(y.texts('HP Wolf Security'), ['HP Wolf Security', 'HP Wolf Security', 'HP Wolf']);
  });

  it('not a form two names end on, a single first word, a common word, nor a form said before a longer name said once', function () {
    // Two names end on "Defender": neither's.
    const x = extract('Both Microsoft Defender and Windows Defender flagged it. Microsoft Defender and Windows Defender agree. On Monday, Defender was updated. Attackers evade Defender often.');
    assert.ok(x.byKey('defender'), 'Defender stays its own');
    // A company is not its division: "Sophos" beside "Sophos Labs".
    const y = extract('Analysts at Sophos Labs found it. The Sophos Labs team said so, and Sophos sells the fix.');
    assert.ok(y.byKey('sophos'));
    // A word the article writes in lower case: "Security" beside "Core Security".
    const z = extract('Staff at Core Security said it. Core Security agreed; good security matters, and Security was the theme.');
    assert.ok(!z.byName('Core Security').aliases.includes('Security'));
    // The longer name said once, after the shorter: "a Reddit QNAP message board" is no name of QNAP's.
    const q = extract('The vendor QNAP said devices were hit. Then QNAP told users to patch, one user said on a Reddit QNAP message board.');
    assert.ok(q.byKey('qnap'), 'QNAP stays its own');
  });
});

describe('entities: gangs named in a list', function () {
  it('the names listed before a gang\'s cue, after one, or beside a known gang are names said once (real: "Maze, ReEvil, Conti, and Babuk" lost Maze and Conti)', function () {
    const x = extract('The report named the Maze, Avaddon and Babuk ransomware gangs as the worst.');
    for (const name of ['Maze', 'Avaddon', 'Babuk']) assert.deepStrictEqual(x.texts(name), [name]);
    const y = extract('Modern ransomware operators, including Maze, ReEvil, Conti, and Babuk, run leak websites.');
    for (const name of ['Maze', 'Conti', 'Babuk']) assert.deepStrictEqual(y.texts(name), [name]);
    const z = extract('Attacks by REvil, Hades and Grief rose in the quarter.');
    for (const name of ['Hades', 'Grief']) assert.deepStrictEqual(z.texts(name), [name]);
    // No gang in the list, no cue: words said once stay noise ("groups like the Electronic Frontier Foundation" is no cue).
    const n = extract('The fund backed Hades, Grief and Macaw in the quarter. Civil groups like Hades and Macaw objected.');
    assertNoEntity(n, 'Grief');
  });
});

describe('entities: dotted initials and version labels', function () {
  it('"U.S." is a mention with its last dot, though the dot ends the sentence; "U.S" written without one stays so', function () {
    const x = extract('The breach hit firms in the U.S. Officials in the U.S. said so.');
    const us = x.entities.find((e) => e.key === 'united states')!;
    assert.deepStrictEqual(us.mentions.map((m) => m.text), ['U.S.', 'U.S.']);
    const y = extract('The U.S-based firm said so.');
    assert.ok(!y.entities.some((e) => e.mentions.some((m) => m.text === 'U.S.')));
    // A tag's mention, which stops before the dot, gives no "U.S" of its own.
    const t = extract('Officials in the U.S. said so.', { tags: '[[U.S.]]' });
    assert.deepStrictEqual(t.entities.find((e) => e.key === 'united states')!.aliases, ['U.S.']);
  });

  it('a tag\'s acronym the body writes only after a version number labels the version, no organisation (real: "Axis OS 2016 LTS track")', function () {
    const x = extract('The flaws affect Axis OS 2016 LTS track 6.50 and Axis OS 2018 LTS track 8.40.', { tags: '[[LTS]]' });
    assert.notStrictEqual(x.byKey('lts')?.kind, 'organisation');
    // Written as a name elsewhere, it stays one: "ADT offers three plans".
    const y = extract('ADT offers three plans, and ADT said so.', { tags: '[[ADT]]' });
    assert.strictEqual(y.byKey('adt')?.kind, 'organisation');
    // A date's year is no version: "In January 2021 HSE was hit".
    const z = extract('In January 2021 HSE was hit by ransomware, and the health service said so.', { tags: '[[HSE]]' });
    assert.strictEqual(z.byKey('hse')?.kind, 'organisation');
  });

  it('a tag\'s acronym the body spells out in lower-case words before its bracket is a term, no organisation (real: [[VDP]], [[ATO]], [[ZTNA]], [[SBOM]])', function () {
    const cases: [string, string][] = [
      ['Establishing a vulnerability disclosure policy (VDP) helps. A proper VDP would provide a channel.', 'VDP'],
      // A compound gives two letters ("takeover"), a hyphenated word one for each part ("zero-trust"), "of" its own.
      ['Attackers use a dynamic account takeover (ATO) technique. ATO attacks rose.', 'ATO'],
      ['Firms seek a zero-trust network access (ZTNA) solution. Compare ZTNA options.', 'ZTNA'],
      ['It checks the software bill of materials (SBOM) of each build. Every SBOM is signed.', 'SBOM'],
    ];
    for (const [body, acr] of cases) {
      const x = extract(body, { tags: `[[${acr}]]` });
      // (Under the words that spell it, since two articles' terms of one acronym are two things: see "one acronym, two terms".)
      const e = x.entities.find((d) => d.mentions.some((m) => m.text === acr));
      assert.ok(e, `${acr} is still an entity, as [[NDA]] is`);
      assert.strictEqual(e!.kind, 'other', acr);
    }
    // Spelt by a name's words, capitalised, it stays an organisation: "the Office of Inspector General (OIG)", "Europe (EU)".
    const y = extract('The National Farmers\' Federation (NFF) noted the cost. The NFF also knocked back claims.', { tags: '[[NFF]]' });
    assert.strictEqual(y.byKey('nff')?.kind, 'organisation');
    const z = extract('Honeypots ran in North America (NA) and Europe (EU). EU rules apply.');
    assert.ok(z.entities.some((e) => e.key === 'european union'), JSON.stringify(z.names()));
    // Words that spell no acronym do not make one a term: "a report by the (BSA)".
    const w = extract('The group released a report (BSA) today. BSA said so.', { tags: '[[BSA]]' });
    assert.strictEqual(w.byKey('bsa')?.kind, 'organisation');
  });
});

describe('entities: offerings "as a service"', function () {
  it('a word for something "as a service" is jargon, no organisation (real: DNSaaS, PhaaS, FWaaS, DRaaS, CPaaS, CaaS were organisations)', function () {
    const cases: [string, string][] = [
      ['The flaw affects major DNS-as-a-Service (DNSaaS) providers, according to Wiz. DNSaaS providers said they patched it.', 'dnsaas'],
      ['The operation is one of the largest phishing-as-a-service (PhaaS) platforms. PhaaS said it has 500 customers.', 'phaas'],
      ['Gartner said FWaaS will grow. FWaaS told analysts so.', 'fwaas'],
    ];
    for (const [body, key] of cases) {
      const x = extract(body);
      assert.strictEqual(x.byKey(key), undefined, JSON.stringify(x.names()));
    }
    // A name that only ends in "aas", or a company's camel-case name, stays an organisation.
    const y = extract('Haas Automation said it was hit. Haas said so. NetApp said the same, and HackerOne said so.');
    assert.ok(y.byKey('haas automation') || y.byKey('haas'), JSON.stringify(y.names()));
    assert.strictEqual(y.byKey('netapp')?.kind, 'organisation', JSON.stringify(y.names()));
    assert.strictEqual(y.byKey('hackerone')?.kind, 'organisation', JSON.stringify(y.names()));
  });
});

describe('entities: acronyms that report', function () {
  it('an acronym no table knows that finds, adds or is the source a clause ends on is an organisation (real: "MUSO found that", "according to data from MUSO" lost MUSO; "KT", "NSCS recommends")', function () {
    const x = extract('Pirates were busy, according to MUSO. MUSO found that more than 61% visit directly.');
    assert.strictEqual(x.byKey('muso')?.kind, 'organisation', JSON.stringify(x.names()));
    assert.deepStrictEqual(x.texts('MUSO'), ['MUSO', 'MUSO']);
    // The article's term, spelled before its bracket, stays one whatever verb follows: "net new ARR added".
    const y = extract('Its annual recurring revenue (ARR) rose. Of that, $170 million was net new ARR added in the quarter.');
    assert.ok(!y.entities.some((e) => e.key === 'arr' && e.kind === 'organisation'), JSON.stringify(y.names()));
    // "according to" before more words ("according to FBI data") is no source of its own; nor is one after "the".
    const z = extract('The losses grew, according to QQX data. The XQZ found nothing.');
    assertNoEntity(z, 'QQX', 'XQZ');
  });
});

describe('entities: one word for a company\'s whole name', function () {
  it('a single word that opens one name whose other words only say what the body is, is that name (real: "Xinhua" beside "Xinhua News Agency", "Juniper" beside "Juniper Networks" were things of their own)', function () {
    const x = extract('Officials spoke to the Xinhua News Agency on Friday. Xinhua said the law takes effect in November, and Xinhua added more.');
    assert.deepStrictEqual(x.texts('Xinhua News Agency'), ['Xinhua News Agency', 'Xinhua', 'Xinhua']);
    const y = extract('Quarnex Networks patched the bug. Quarnex said the flaw was fixed, and Quarnex thanked the researcher.');
    assert.deepStrictEqual(y.texts('Quarnex Networks'), ['Quarnex Networks', 'Quarnex', 'Quarnex']);
  });

  it('not a company beside its research arm or product, a word two names open, nor a word the article writes in lower case', function () {
    // A research arm: "Guardicore" beside "Guardicore Labs".
    const x = extract('Analysts at Quarnex Labs found it. The Quarnex Labs team said so, and Quarnex sells the fix. Quarnex agreed.');
    assert.ok(x.byKey('quarnex'), 'Quarnex stays its own');
    // Two names open on it: "Quarnex Networks" and "Quarnex Software".
    const y = extract('Quarnex Networks and Quarnex Software merged. Quarnex said so, and Quarnex agreed.');
    assert.ok(y.byKey('quarnex'), 'Quarnex stays its own');
    // A word the article writes in lower case: "Colonial" beside "Colonial Networks", and colonial history.
    const z = extract('Staff at Colonial Networks said it. Colonial agreed; the colonial era is over, and Colonial was fined.');
    assert.ok(!z.byName('Colonial Networks').aliases.includes('Colonial'));
  });
});

describe('entities: a possessive inside a body\'s name', function () {
  it('"the Driver\'s Coop", "Driver\'s Seat Cooperative" are one organisation each (real: "Driver" a thing, "Seat Cooperative" beside it, the Coop lost)', function () {
    const x = extract('New York City-based Driver\'s Coop is a rideshare app with more than 5,000 drivers. Hays Witt, CEO at the Driver\'s Seat Cooperative, told us.');
    assert.strictEqual(x.byName('Driver Coop').kind, 'organisation', JSON.stringify(x.names()));
    assert.deepStrictEqual(x.byName('Driver Coop').mentions.map((m) => m.text), ['Driver\'s Coop']);
    assert.deepStrictEqual(x.byName('Driver Seat Cooperative').mentions.map((m) => m.text), ['Driver\'s Seat Cooperative']);
    assertNoEntity(x, 'Driver', 'Seat Cooperative');
  });

  it('not a known name\'s possessive ("Microsoft\'s Threat Intelligence Center", "Australia\'s Cyber Security Cooperative") nor one before a name of no members\' body', function () {
    const x = extract('Microsoft\'s Threat Intelligence Center found it. Australia\'s Cyber Security Cooperative agreed. Microsoft said so.');
    assert.strictEqual(x.byKey('microsoft')?.kind, 'organisation');
    assert.strictEqual(x.byKey('australia')?.kind, 'place');
    assert.ok(x.byKey('threat intelligence center'), JSON.stringify(x.names()));
    const y = extract('Quarnex\'s Threat Labs found it. Quarnex said the Threat Labs team was busy, and Quarnex agreed.');
    assert.ok(y.byKey('quarnex'), JSON.stringify(y.names()));
    assertNoMentionText(y, 'Quarnex\'s Threat Labs');
  });
});

describe('entities: a second review\'s misfires', function () {
  it('"St." after a street\'s name or number ends the sentence; a bare first name the article places or lists is no person; a law is no source', function () {
    const x = extract('The shop at 5 Elm St. Acme Corp said 12 staff were hurt. The office is on Main St. Police said 40 people were evacuated.');
    assert.ok(x.byKey('acme corp'), JSON.stringify(x.entities.map((e) => e.key)));
    assert.ok(!x.entities.some((e) => e.key.includes('st acme') || e.key.includes('st police')), JSON.stringify(x.entities.map((e) => e.key)));
    // "The St. Louis Post-Dispatch" keeps its saint.
    assert.ok(extract('The St. Louis Post-Dispatch reported the breach on Monday.').byKey('st louis post-dispatch'));
    const y = extract('Austin Berglas, global head at BlueVoyant, said so. Police in Austin said they arrested two men.');
    assert.strictEqual(y.byKey('austin berglas')?.mentions.length, 1);
    const z = extract('According to GDPR, firms must report a breach within 72 hours. MUSO found that 61% of viewers pirate films.');
    assert.ok(!z.byKey('gdpr') || z.byKey('gdpr')!.kind !== 'organisation');
    assert.strictEqual(z.byKey('muso')?.kind, 'organisation');
  });
});

describe('entities: agencies named "Service"', function () {
  it('a capitalised name ending in "Service" with an agency\'s word is an organisation (real: "Federal Security Service", "Crown Prosecution Service", "Naval Criminal Investigative Service" were other)', function () {
    const cases: [string, string][] = [
      ['Officers of the Federal Security Service (FSB) raided 25 addresses. The Federal Security Service said 14 were held.', 'federal security service'],
      ['The Crown Prosecution Service charged him. The Crown Prosecution Service said he would appear in court.', 'crown prosecution service'],
      ['Agents of the Naval Criminal Investigative Service arrested the engineer on Saturday.', 'naval criminal investigative service'],
      ['The Ukrainian Security Service arrested two men on Tuesday.', 'ukrainian security service'],
      ['The US Marshals Service was hit by ransomware.', 'marshals service'],
    ];
    for (const [body, key] of cases) {
      const x = extract(body);
      assert.strictEqual(x.byKey(key)?.kind, 'organisation', body + ' ' + JSON.stringify(x.names()));
    }
    // A product's part, or a service no agency's word names, stays other.
    const y = extract('Attackers stopped the Windows Update Service and the Volume Snapshot Service. The Smart Security Service and the Australian Protective Domain Name Service were offered to councils. The Windows Update Service was restarted, and the Volume Snapshot Service too; the Smart Security Service and the Australian Protective Domain Name Service were fine.');
    for (const key of ['windows update service', 'volume snapshot service', 'smart security service', 'australian protective domain name service']) {
      assert.notStrictEqual(y.byKey(key)?.kind, 'organisation', key + ' ' + JSON.stringify(y.names()));
    }
  });
});

describe('entities: a town and its US state', function () {
  it('a name before a comma and a US state is a place: abbreviated, or after "in", "of", "from", "near" (real: "in La Puente, Calif.", "in Ashburn, Virginia", "in Surfside, Fla." were other)', function () {
    const cases: [string, string][] = [
      ['Police in La Puente, Calif. arrested a man. La Puente officers said he stole photos.', 'la puente'],
      ['The servers sit in Ashburn, Virginia, and more in Ashburn next year. Ashburn is busy.', 'ashburn'],
      ['Many residents of Surfside, Fla. were targeted. Surfside officials warned them.', 'surfside'],
      ['He moved from Grass Valley, New York to work. Grass Valley is small.', 'grass valley'],
    ];
    for (const [body, key] of cases) {
      const x = extract(body);
      assert.strictEqual(x.byKey(key)?.kind, 'place', body + ' ' + JSON.stringify(x.names()));
    }
    // A company before a comma, a state-based word, or a name in a list with no place's cue is no town.
    const y = extract('Quarnex Corp, Texas-based, was hit. Quarnex Corp said so. Brightwell Health, California Dental and Zentry Labs were hit too.');
    assert.strictEqual(y.byKey('quarnex corp')?.kind, 'organisation', JSON.stringify(y.names()));
    assert.notStrictEqual(y.byKey('brightwell health')?.kind, 'place', JSON.stringify(y.names()));
    const z = extract('Jane Smith, Texas attorney general, said in a statement that Vexlo had erred. Jane Smith said more.');
    assert.strictEqual(z.byKey('jane smith')?.kind, 'person', JSON.stringify(z.names()));
    // A review's finds: a state that begins a longer name, a state's possessive, an abbreviation that is a word at a
    // sentence's end, and one list mention against an organisation's votes.
    const r = extract('Data from Zorvex, Ohio State University and Kroger was leaked. A statement from Paxwell, Texas\'s attorney general, followed. The attack was claimed by Contix, Mass.');
    for (const key of ['zorvex', 'paxwell', 'contix']) assert.notStrictEqual(r.byKey(key)?.kind, 'place', key + ' ' + JSON.stringify(r.names()));
    const o = extract('Quillfeather Inc said it had hired Mandiant. Later, staff from Quillfeather Inc, Texas Health Resources and Baylor were briefed.');
    assert.strictEqual(o.byKey('quillfeather inc')?.kind, 'organisation', JSON.stringify(o.names()));
  });
});

describe('entities: a name\'s plural beside it', function () {
  it('"Exchange Servers" beside "Exchange Server", "Bangkok Airways" beside "Bangkok Airway" are one entity (real: 65 pairs were two entities)', function () {
    const x = extract('Patch Exchange Server now. Attackers scan for Exchange Servers, and Exchange Server is hit. Admins of Exchange Servers should act on Exchange Server.');
    assert.deepStrictEqual(x.texts('Exchange Server'), ['Exchange Server', 'Exchange Servers', 'Exchange Server', 'Exchange Servers', 'Exchange Server']);
    assertNoEntity(x, 'exchange servers');
    // The form said more is the name: "Bangkok Airways" and a slip's "Bangkok Airway".
    const y = extract('Bangkok Airways said the data was stolen. Bangkok Airways apologised, and Bangkok Airway staff were told.');
    assert.ok(y.byKey('bangkok airways'), JSON.stringify(y.names()));
    assertNoEntity(y, 'bangkok airway');
    // Not a person's surname, a place, nor a name a digit and a capital S end ("JA3S" is another fingerprint).
    const z = extract('Bob Plankers said it was bad. Bob Planker later wrote more, and Bob Plankers agreed. Philippine police raided a site in the Philippines. Philippine officials said the Philippines would act.');
    assert.ok(z.byKey('bob plankers') && z.byKey('bob planker'), JSON.stringify(z.names()));
    assert.strictEqual(z.byKey('philippines')?.kind, 'place', JSON.stringify(z.names()));
    const j = extract('Kuzmo3 said so; Kuzmo3s were made, and Kuzmo3 and the Kuzmo3S differ, Kuzmo3S said.');
    assert.ok(j.byKey('kuzmo3s') && j.byKey('kuzmo3'), JSON.stringify(j.names()));
  });
});

describe('entities: two people named with "and"', function () {
  it('"Michael Kovrig and Michael Spavor" is two people, not a mention of Spavor with middle names (real: 4 pairs, the first one lost)', function () {
    const x = extract('China freed Michael Kovrig and Michael Spavor on Friday. Spavor said he was glad. Researchers Rebecca Moody and George Moody found it.');
    for (const name of ['Michael Kovrig', 'Michael Spavor', 'Rebecca Moody', 'George Moody']) assert.deepStrictEqual(x.texts(name).slice(0, 1), [name]);
    // Middle names still join a first name to its surname.
    const y = extract('John Erin Binns said so; John Binns agreed.');
    assert.deepStrictEqual(y.texts('John Binns'), ['John Erin Binns', 'John Binns']);
  });
});

describe('entities: a name\'s own "\'s"', function () {
  it('"Moody\'s said", "Lloyd\'s of London" show as written (real: "Moody", "Lloyd"); a possessive\'s owner does not', function () {
    const x = extract('Moody\'s said it would invest $250 million. Moody\'s CEO Rob Fauber said more, and Moody\'s agreed. Investors in Lloyd’s of London agreed, and Lloyd’s said more.');
    assert.strictEqual(x.byKey('moody')?.name, 'Moody\'s', JSON.stringify(x.names()));
    assert.strictEqual(x.byKey('lloyd')?.name, 'Lloyd’s', JSON.stringify(x.names()));
    // Written bare once, "'s got" ("has got"), or a name ending in "s": the owner.
    const y = extract('Google\'s got a plan, Google\'s CEO said. Later Google said more. Quarnex\'s CEO said so; Quarnex\'s staff agreed. McCoys\'s, a crisp maker, said McCoys\'s stock was fine.');
    assert.strictEqual(y.byKey('google')?.name, 'Google');
    assert.strictEqual(y.byKey('quarnex')?.name ?? 'Quarnex', 'Quarnex');
    assert.ok(!y.entities.some((e) => e.name === 'McCoys\'s'), JSON.stringify(y.names()));
  });
});

describe('entities: events and products\' features named like companies', function () {
  it('the Games of sport are no organisations, "Epic Games" is (real: 18 "Olympic Games", "Tokyo Games" were)', function () {
    const x = extract('The Olympic and Paralympic Games were attacked. Officials of the Olympic and Paralympic Games said so. The Tokyo Games and the Tokyo Games again. Epic Games said it would sue; Epic Games agreed.');
    assert.strictEqual(x.byKey('olympic and paralympic games')?.kind, 'other', JSON.stringify(x.names()));
    assert.notStrictEqual(x.byKey('tokyo games')?.kind, 'organisation', JSON.stringify(x.names()));
    assert.strictEqual(x.byKey('epic games')?.kind, 'organisation', JSON.stringify(x.names()));
  });
  it('a product\'s name and a company\'s word is a feature: "Windows Remote Desktop Services", "Azure Security Center" (real: 15 were organisations)', function () {
    const x = extract('A bug in Windows Remote Desktop Services lets anyone in. Windows Remote Desktop Services runs on servers. Azure Security Center warns of it; Azure Security Center said so.');
    assert.strictEqual(x.byKey('windows remote desktop services')?.kind, 'other', JSON.stringify(x.names()));
    assert.strictEqual(x.byKey('azure security center')?.kind, 'other', JSON.stringify(x.names()));
  });
});

describe('entities: names cut at an ampersand, and a short form of a trade\'s name', function () {
  it('an ampersand between words in title case is inside one name: "Task & Purpose", "Marquard & Bahls Group" (real: 63 names were cut at it)', function () {
    const x = extract('The hack was first reported by military news specialist Task & Purpose, which said the page was restored. A spokesperson confirmed to Task & Purpose that it was. Marquard & Bahls Group was hit; Marquard & Bahls Group said so. Gangs such as REvil & DarkSide were named.');
    assert.ok(x.byKey('task & purpose'), JSON.stringify(x.names()));
    assert.ok(!x.byKey('task') && !x.byKey('purpose'), JSON.stringify(x.names()));
    assert.strictEqual(x.byKey('marquard & bahls group')?.kind, 'organisation', JSON.stringify(x.names()));
    // Names of their own on either side stay two.
    assert.ok(x.byKey('revil') && x.byKey('darkside'), JSON.stringify(x.names()));
  });
  it('every mention of a name of several words is found, with an ampersand inside and a possessive after ("Marquard & Bahls Group\'s"), and no longer or shorter phrase is taken for it', function () {
    const x = extract('Marquard & Bahls Group was hit by ransomware. Marquard & Bahls Group’s systems were down for days, and the Marquard & Bahls Group\'s statement said so. Marquard & Bahls said little more. Jane Doe of Marquard & Bahls Group Holdings spoke.');
    const e = x.byKey('marquard & bahls group');
    assert.ok(e, JSON.stringify(x.names()));
    // Both possessives (curly and straight) are mentions of the name, cut before the "'s".
    assert.deepStrictEqual(e!.mentions.map((m) => m.text), ['Marquard & Bahls Group', 'Marquard & Bahls Group', 'Marquard & Bahls Group']);
    // The longer name is another's, whole.
    assert.ok(x.byKey('marquard & bahls group holdings')?.mentions.some((m) => m.text === 'Marquard & Bahls Group Holdings'), JSON.stringify(x.names()));
  });
  it('a known name written with "&" is the known name: "Cybersecurity & Infrastructure Security Agency" is CISA\'s (real: 6 articles had "Infrastructure Security Agency")', function () {
    const x = extract('The US Cybersecurity & Infrastructure Security Agency (CISA) urged users to patch. CISA said so.');
    assert.ok(!x.byKey('infrastructure security agency'), JSON.stringify(x.names()));
    const cisa = x.byKey('cybersecurity and infrastructure security agency');
    assert.ok(cisa && cisa.mentions.some((m) => m.text === 'Cybersecurity & Infrastructure Security Agency'), JSON.stringify(x.names()));
  });
  it('"Delta" beside "Delta Electronics" is the company, not a key of its own that the Delta variant shares (real: one key across two articles)', function () {
    const x = extract('Delta Electronics, an electronics company that provides products for Apple, disclosed an attack. Conti hit Delta Electronics last Friday. Delta officials said the company reacted quickly. While Delta grapples with the attack, Delta is working with Microsoft.');
    assert.strictEqual(x.byKey('delta electronics')?.kind, 'organisation', JSON.stringify(x.names()));
    assert.ok(!x.byKey('delta'), JSON.stringify(x.names()));
    assert.ok(x.byKey('delta electronics')!.mentions.some((m) => m.text === 'Delta'), JSON.stringify(x.names()));
  });
});

describe('entities: one acronym, two terms', function () {
  it('an acronym the article spells out in lower-case words is named and keyed by them (real: Sage\'s "enterprise resource planning (ERP)" and Singapore\'s "electronic road pricing (ERP)" were one "ERP" card)', function () {
    const sage = extract('Flaws afflict the popular Sage X3 enterprise resource planning (ERP) platform. The ERP software manages sales.', { tags: '[[ERP]]' });
    const road = extract('Singapore delayed its next-generation electronic road pricing (ERP) system. Each ERP gantry charges drivers.', { tags: '[[ERP]]' });
    const a = sage.entities.find((d) => d.mentions.some((m) => m.text === 'ERP'));
    const b = road.entities.find((d) => d.mentions.some((m) => m.text === 'ERP'));
    assert.ok(a && b, JSON.stringify([sage.names(), road.names()]));
    assert.strictEqual(a!.key, 'enterprise resource planning');
    assert.strictEqual(b!.key, 'electronic road pricing');
    assert.deepStrictEqual([a!.name, a!.kind, a!.aliases], ['enterprise resource planning', 'other', ['ERP']]);
    // Its words kept where the body writes them in lower case more often than the acronym ("software bill of materials").
    const sbom = extract('It checks the Software Bill of Materials. The software bill of materials (SBOM) of each software bill of materials build. Every SBOM is signed.', { tags: '[[SBOM]]' });
    assert.ok(sbom.entities.some((d) => d.mentions.some((m) => m.text === 'SBOM')), JSON.stringify(sbom.names()));
  });

  it('an acronym the article spells as a term is that term everywhere, never the table\'s name or an organisation (real: "execution unit (EU)", "elevation of privilege (EoP)", "terms of service (ToS)")', function () {
    const eu = extract('Each execution unit (EU) runs one thread. The EU then waits for memory.');
    assert.ok(!eu.entities.some((e) => e.key === 'european union'), JSON.stringify(eu.names()));
    // Written with a small connective's letter, and named before it is spelled out (a headline's "Windows EoP Bug").
    const eop = extract('Project Zero disclosed an elevation of privilege (EoP) flaw in Windows. Attackers can pull off EoP. Microsoft fixed a similar EoP flaw.', { title: 'Windows EoP Bug Detailed' });
    assert.ok(!eop.entities.some((e) => e.kind === 'organisation' && e.mentions.some((m) => m.text === 'EoP')), JSON.stringify(eop.names()));
  });
});

describe('entities: halves of a year', function () {
  it('"H1" and "H2" before a year are halves of it, not organisations; "the H2 database" stays a name (real: HP\'s "from H2 2020 to H1 2021" made two organisations)', function () {
    const x = extract('Threats dropped 77% from H2 2020 to H1 2021. We saw a 24% increase in exploits in H1 2021 compared to H2 2020.', { tags: '[[H2]] [[H1]]' });
    assert.ok(!x.byKey('h1') && !x.byKey('h2'), JSON.stringify(x.names()));
    const y = extract('H2 is a widely used open-source Java SQL database. Researchers reported it to H2 maintainers.', { tags: '[[H2]]' });
    assert.ok(y.byKey('h2'), JSON.stringify(y.names()));
  });
});

describe('entities: a country\'s people are no name', function () {
  it('"Bahraini", "Greek", "Bahrainis", "South African", "Sri Lankan" and "Catalan" are adjectives of places, never organisations (real: "Bahraini" owned the figures of 5 articles, "Catalan" 7 of one)', function () {
    const x = extract('Researchers identified nine Bahraini activists whose phones were hacked. The Bahraini government and the Bahrainis denied it. '
      + 'A Greek national sold tips to 100 clients. The Greek man pleaded guilty. South African police arrested eight suspects. South African police said so. '
      + 'Catalan officials were hit. The Catalan government said so. A Sri Lankan bank was hit. The Sri Lankan bank said so.');
    assertNoEntity(x, 'Bahraini', 'Bahrainis', 'Greek', 'South African', 'Sri Lankan', 'Catalan');
    // The countries stay places, and a name with a country's adjective in it stays that name.
    const y = extract('The Bahrain Center for Human Rights said Bahrain spied on them. Greece and the Czech Republic agreed.');
    assert.strictEqual(y.byName('Bahrain Center for Human Rights').kind, 'organisation');
    assert.strictEqual(y.byName('Bahrain').kind, 'place');
    assert.strictEqual(y.byName('Czech Republic').kind, 'place');
  });

  it('a country\'s adjective before a person\'s name is no word of it ("Ukrainian Yaroslav Vasinskyi and Russian Yevgeniy Polyanin", "said Canadian Slava Dmitriev"; real: the REvil suspects were nobody, their surnames things)', function () {
    const x = extract('Merrick Garland announced indictments of 22-year-old Ukrainian Yaroslav Vasinskyi and Russian Yevgeniy Polyanin for their involvement. '
      + 'Garland said that Vasinskyi was arrested in Poland, while Polyanin has not been arrested. The DOJ said Canadian Slava Dmitriev was sentenced.');
    assert.strictEqual(x.byKey('yaroslav vasinskyi')?.kind, 'person', JSON.stringify(x.names()));
    assert.strictEqual(x.byKey('yevgeniy polyanin')?.kind, 'person', JSON.stringify(x.names()));
    assert.strictEqual(x.byKey('slava dmitriev')?.kind, 'person', JSON.stringify(x.names()));
    for (const k of ['vasinskyi', 'polyanin', 'canadian dmitriev']) assert.strictEqual(x.byKey(k), undefined, k);
    // Not a name that keeps its adjective: nothing names its last word alone.
    const y = extract('He carried a Swiss Army Knife through security. Staff found the Swiss Army Knife later.');
    assert.ok(y.byKey('swiss army knife'), JSON.stringify(y.names()));
  });
});

describe('entities: abbreviations of ordinary language', function () {
  it('"QoQ" (quarter on quarter), "DIY" and "BIPOC" are no organisations (real: "QoQ" owned 14 figures of a Cloudflare report, "DIY" 17 of 4 reviews, "BIPOC" 19 of a survey)', function () {
    const x = extract('Cloudflare observed a surge in DTLS attacks, a 3,549% increase QoQ. Attacks of 500 Mbps saw a surge of 289% QoQ. '
      + 'Ring offers DIY installation for $3 a month. DIY systems are cheap. Only 47 percent of BIPOC respondents avoided losses, and 23 percent of BIPOC respondents were stressed.');
    assertNoEntity(x, 'QoQ', 'DIY', 'BIPOC');
    assert.strictEqual(x.byName('Cloudflare').kind, 'organisation');
  });
});
