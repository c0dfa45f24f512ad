/**
 * Extractors on inline fixtures: entities and their aliases, figures in every
 * notation with their hedges and measures, claims with attribution and dates.
 * Each fixture is a whole article, run through `extractFacts` as the server does.
 */
import * as assert from 'assert';
import { analyze } from '../server/src/core/analyze';
import { extractFacts } from '../server/src/core/extract/facts';
import type { DocFacts, Figure } from '../server/src/core/extract/types';
import { canonicalUrl, onSite, siteOf } from '../server/src/core/extract/urls';
import { readingsOf } from '../server/src/core/extract/numbers';
import { writtenMeasure } from '../server/src/core/extract/figures';
import { parsePins } from '../server/src/core/extract/pins';
import { article, NOW, seed } from './helpers/fixture';

function facts(body: string, extra: Parameters<typeof article>[0] = {}): DocFacts & { text: string } {
  const text = article({ body, ...extra });
  const a = analyze(text, { now: NOW });
  return { ...extractFacts('file:///t.txt', text, a.article), text };
}

function entity(f: DocFacts, name: string) {
  return f.entities.find((e) => e.name === name);
}

function figure(f: DocFacts, text: string): Figure {
  const fig = f.figures.find((x) => x.text === text);
  assert.ok(fig, `no figure "${text}" in ${JSON.stringify(f.figures.map((x) => x.text))}`);
  return fig!;
}

describe('entities', function () {
  it('a surname after the full name is the same person, within the article', function () {
    const f = facts('Alon Gal, CTO of Hudson Rock, saw the post. Gal tweeted about it. Later Gal said more.');
    const gal = entity(f, 'Alon Gal')!;
    assert.strictEqual(gal.kind, 'person');
    assert.deepStrictEqual(gal.mentions.map((m) => m.text), ['Alon Gal', 'Gal', 'Gal']);
    for (const m of gal.mentions) assert.strictEqual(f.text.slice(m.span.start, m.span.end), m.text);
  });

  it('a round-up\'s entry owns its figures: "* **Tether**: Tether faced … $24 million" is Tether\'s, not the next entry\'s', function () {
    const f = facts('The biggest breaches of the year.\n\n* **Tether**: Tether faced an extortion demand from attackers. The demand, of approximately $24 million, was not paid.\n* **Facebook**: A data dump of over 550 million Facebook users was leaked.');
    assert.strictEqual(figure(f, 'approximately $24 million').subject, 'tether');
    assert.strictEqual(figure(f, 'over 550 million').subject, 'facebook');
  });

  it('a surname alone, in an article without the full name, is not merged into anyone', function () {
    const f = facts('The company said Binns told reporters the security was awful. Binns said so again.');
    assert.ok(!f.entities.some((e) => e.key === 'john binns'));
  });

  it('two people sharing a surname in one article: the bare surname is the one named in full last before it, opening a sentence too', function () {
    const f = facts('Smith opened the meeting. John Smith, CEO of Acme Corp, spoke first. Smith said the data was safe. Then Jane Smith, CTO of Beta Inc, spoke. Smith disagreed.');
    const john = entity(f, 'John Smith')!;
    const jane = entity(f, 'Jane Smith')!;
    assert.deepStrictEqual(john.mentions.map((m) => m.text), ['John Smith', 'Smith']);
    assert.deepStrictEqual(jane.mentions.map((m) => m.text), ['Jane Smith', 'Smith']);
    // Before either is named in full, "Smith" is no one of them, and no one of its own.
    assert.ok(!f.entities.some((e) => e.key === 'smith'), JSON.stringify(f.entities.map((e) => e.key)));
  });

  it('middle names and possessives are the same person; handles become aliases', function () {
    const f = facts('John Binns, a 21-year-old, spoke to reporters. The torture of John Erin Binns was his claim. Binns’s story spread. Binns reportedly uses the online handles IRDev and v0rtex, among others.');
    const b = entity(f, 'John Binns')!;
    assert.strictEqual(b.key, 'john binns');
    for (const alias of ['John Erin Binns', 'IRDev', 'v0rtex']) assert.ok(b.aliases.includes(alias), `${alias} in ${b.aliases}`);
    assert.ok(b.mentions.some((m) => m.text === 'Binns'));
  });

  it('a middle initial is a middle name: "James E. Lee" is James Lee, with his surname (14 real people were lost)', function () {
    const f = facts('James E. Lee, the COO of ITRC, said 1,862 breaches were reported. Lee said it was a record. Researcher David A. Wheeler agreed.');
    const lee = entity(f, 'James Lee');
    assert.ok(lee, JSON.stringify(f.entities.map((e) => e.name)));
    assert.deepStrictEqual([lee!.kind, lee!.aliases, lee!.mentions.map((m) => m.text)], ['person', ['James E. Lee', 'Lee'], ['James E. Lee', 'Lee']]);
    assert.strictEqual(entity(f, 'David Wheeler')?.kind, 'person');
    // In an organisation's name the initial stays, as written.
    const fox = facts('The Michael J. Fox Foundation said 5,000 donors were affected. The Michael J. Fox Foundation apologised.');
    assert.deepStrictEqual(fox.entities.map((e) => [e.name, e.aliases]), [['Michael J. Fox Foundation', []]]);
    // Not after a word that is no first name: "Sputnik V. However" is no name.
    const v = facts('Russia approved Sputnik V. However, the vaccine was delayed.');
    assert.ok(!v.entities.some((e) => /However/.test(e.name)), JSON.stringify(v.entities.map((e) => e.name)));
    // Nor before a word that opens a sentence, nor an initial without its dot.
    for (const [body, bad] of [['Kevin B. But the FBI said 5 were hit.', /But/], ['The Samsung Galaxy S Ultra was hacked, Samsung said.', /Galaxy/]] as const) {
      const names = facts(body).entities;
      assert.ok(!names.some((e) => bad.test(e.name) && e.kind === 'person'), `${body} → ${JSON.stringify(names.map((e) => [e.name, e.kind]))}`);
    }
  });

  it('a country that is a first name too begins a person\'s name where a role says so ("researcher Chad Anderson")', function () {
    const f = facts('DomainTools researcher Chad Anderson said the campaign was new. Anderson added that 500 sites were hit.');
    assert.deepStrictEqual(entity(f, 'Chad Anderson')?.mentions.map((m) => m.text), ['Chad Anderson', 'Anderson']);
    assert.strictEqual(entity(facts('Chad Anderson, senior security researcher at DomainTools, said so.'), 'Chad Anderson')?.kind, 'person');
    // So does a verb of saying right after: "Adelaide Smith said" (Adelaide is a city too).
    assert.strictEqual(entity(facts('Adelaide Smith said 40 accounts were hit.'), 'Adelaide Smith')?.kind, 'person');
    // Without a role it stays the country it is: "Chad" in "Officials in Chad said".
    const chad = facts('Officials in Chad said the campaign was new.');
    assert.deepStrictEqual(chad.entities.map((e) => [e.name, e.kind]), [['Chad', 'place']]);
  });

  it('a currency\'s prefix is no mention of its country: "US$18,000", "AU$5,000"', function () {
    const f = facts('The firm paid US$18,000 to the hackers, and AU$5,000 more. The US said so.');
    assert.deepStrictEqual(entity(f, 'United States')?.mentions.map((m) => m.text), ['US']);
    assert.ok(!f.entities.some((e) => e.name === 'AU'), JSON.stringify(f.entities.map((e) => e.name)));
    // The figures are still read.
    assert.deepStrictEqual(f.figures.map((g) => g.text), ['US$18,000', 'AU$5,000']);
  });

  it('acronyms join their expansion, by the table and by initials', function () {
    const f = facts('The Wall Street Journal spoke to him. He told the WSJ more. The Federal Communications Commission (FCC) is investigating, and the FCC said so.');
    assert.ok(entity(f, 'Wall Street Journal')!.aliases.includes('WSJ'));
    assert.strictEqual(entity(f, 'Wall Street Journal')!.kind, 'outlet');
    assert.ok(entity(f, 'Federal Communications Commission')!.aliases.includes('FCC'));
  });

  it('an acronym the table does not know is an organisation when it speaks, and its name\'s when the article spells it out', function () {
    const ibm = entity(facts('IBM said it will buy ReaQta. The deal gives IBM more tools.'), 'IBM');
    assert.deepStrictEqual([ibm?.kind, ibm?.mentions.length], ['organisation', 2]);
    // Not a common noun ("the NGO"), not part of a list or a longer name, not after the verb.
    for (const body of ['The NGO claimed the country was the worst abuser.', 'WA and SA reported higher losses.', 'The agency also said APT groups struck.']) {
      const names = facts(body).entities.map((e) => e.name);
      assert.ok(!names.some((n) => /^(?:NGO|SA|APT)$/.test(n)), `${body} → ${names}`);
    }
    // Opening a sentence before what only a company does, it is one, and owns the sentence's figure.
    const jbs = facts('Acme Cooperative was hit by ransomware. JBS ended up paying an $11 million ransom to REvil.');
    assert.strictEqual(entity(jbs, 'JBS')?.kind, 'organisation', JSON.stringify(jbs.entities.map((e) => e.name)));
    assert.strictEqual(figure(jbs, '$11 million').subject, 'jbs');
    // Not jargon: "RDP was exposed", nor a currency after a number ("10 million USD paid").
    for (const body of ['RDP was exposed on 500 servers.', 'The firm had 10 million USD paid out.']) {
      const names = facts(body).entities.map((e) => e.name);
      assert.ok(!names.some((n) => /^(?:RDP|USD)$/.test(n)), `${body} → ${names}`);
    }
    const f = facts('Russia\'s Federal Security Service (FSB) raided 25 addresses. FSB said 14 people were held.');
    assert.ok(!f.entities.some((e) => e.key === 'fsb'), JSON.stringify(f.entities.map((e) => e.key)));
    assert.strictEqual(entity(f, 'Federal Security Service')!.mentions.filter((m) => m.text === 'FSB').length, 2);
  });

  it('two words whose second speaks alone elsewhere are a person whose first name the list lacks; the surname is theirs', function () {
    const f = facts('Sens. Jacky Rosen, Rick Scott and Bill Cassidy wrote the bill. Rosen noted that she supported it after 5,000 records were hit.');
    const rosen = entity(f, 'Jacky Rosen');
    assert.strictEqual(rosen?.kind, 'person', JSON.stringify(f.entities.map((e) => [e.name, e.kind])));
    assert.ok(!f.entities.some((e) => e.name === 'Rosen'), 'no bare surname entity, which would merge with every Rosen in the corpus');
    // Not a word that opens a sentence before a company that speaks ("Neither Activision …", "Additional Adobe …").
    const g = facts('Neither Activision nor its studio was named. Activision said 12 accounts were banned. Additional Adobe patches came out. Adobe said 5 were critical. The additional fixes followed.');
    const names = g.entities.map((e) => `${e.name}/${e.kind}`);
    assert.ok(!names.some((n) => /^(?:Neither|Additional) /.test(n)), JSON.stringify(names));
  });

  it('a name made an adjective by a hyphen is no name ("WordPress-powered sites"); the name after it stands alone', function () {
    const f = facts('It can customize WordPress-powered sites. Microsoft-owned GitHub said 5 repos were hit. Hong Kong-based Acme Corp agreed. Israeli-based NSO Group denied it.');
    const names = f.entities.map((e) => e.name);
    for (const n of ['GitHub', 'Acme Corp', 'NSO Group']) assert.ok(names.includes(n), `${n} in ${JSON.stringify(names)}`);
    assert.ok(!names.some((n) => /-(?:powered|owned|based)|^Hong$/.test(n)), JSON.stringify(names));
    // A capitalised second part is a name's own: "Certified Pre-Owned" is no adjective.
    assert.ok(entity(facts('Acme Pre-Owned said 5 cars were sold. Acme Pre-Owned agreed.'), 'Acme Pre-Owned'));
  });

  it('"150 HP printer models" are HP\'s, not those of the firm that found the bugs (as two real articles were read)', function () {
    const f = facts('F-Secure researchers found the bugs, F-Secure said. They affect over 150 HP printer models.');
    assert.strictEqual(figure(f, 'over 150').measure, 'hp|model|');
  });

  it('a number right after a name is its version or model, no count: "Firefox 90 lands", "Robot Operating System 2"', function () {
    // "Firefox 90 lands" counted 90 lands of Firefox's.
    const f = facts('The Robot Operating System 2 (ROS 2), which is the standard, was hit. Firefox 90 lands today. Acme customers lost 3,000 records.');
    assert.deepStrictEqual(f.figures.filter((x) => x.unit !== 'year').map((x) => x.text), ['3,000']);
    // In a headline only after a product's one-word name: "Microsoft Fixes 129 Vulnerabilities" still counts them.
    const h = facts('Firefox 90 is out. Firefox is a browser.', { title: 'Firefox 90 Lands With New Features' });
    assert.deepStrictEqual(h.figures.filter((x) => x.unit !== 'year').map((x) => x.text), []);
    const m = facts('Microsoft said it fixed them.', { title: 'Microsoft Fixes 129 Vulnerabilities' });
    assert.deepStrictEqual(m.figures.filter((x) => x.unit !== 'year').map((x) => x.text), ['129']);
  });

  it('a figure in a link to another story of the article\'s own site is not its subject\'s (the site read from + Link)', function () {
    const body = 'Acme Corp said on Monday that hackers stole 2 million records. Acme Corp is investigating. '
      + 'Attacks on devices [reached 1.5 billion](https://threatpost.com/iot-attacks-doubling/169224/) this year.';
    const owner = (f: DocFacts, text: string) => figure(f, text).subject;
    assert.strictEqual(owner(facts(body), '2 million'), 'acme');
    // The article is on threatpost.com (the fixture's Link): the linked story is another of its stories.
    assert.strictEqual(owner(facts(body), '1.5 billion'), undefined);
    // On another site, the link may be this story's source: the subject stands in as before.
    assert.strictEqual(owner(facts(body, { info: { Source: 'Example', Link: '[article](https://example.com/a/1)', Date: 'August 28, 2021', Author: 'A B' } }), '1.5 billion'), 'acme');
  });

  it('the rest of a name that starts with a number is no name of its own ("451 Research" is not "Research")', function () {
    const f = facts('The report, conducted by 451 Research, found that 55% of respondents said the data is stale. 451 Research surveyed 525 data leaders in the US. All of the survey participants work for organizations that have more than 1,000 employees.');
    const names = f.entities.map((e) => e.name);
    assert.ok(!names.includes('Research') && !names.includes('Security'), JSON.stringify(names));
    assert.strictEqual(figure(f, 'more than 1,000').subject, undefined);
    // Without the number it is still a name: "Forescout Research" stays whole.
    assert.ok(entity(facts('Forescout Research said 5 bugs were found.'), 'Forescout Research'));
  });

  it('offices "of the …" and committees "on …" are whole names, with their acronyms', function () {
    const f = facts('The Office of the Australian Information Commissioner (OAIC) said 5 complaints were made. The Parliamentary Joint Committee on Intelligence and Security (PJCIS) said more. The Department of the Treasury agreed. The OAIC said so again.');
    const oaic = entity(f, 'Office of the Australian Information Commissioner');
    assert.ok(oaic, JSON.stringify(f.entities.map((e) => e.name)));
    assert.deepStrictEqual([oaic!.kind, oaic!.aliases], ['organisation', ['OAIC']]);
    assert.strictEqual(oaic!.mentions.length, 3);
    assert.deepStrictEqual(entity(f, 'Parliamentary Joint Committee on Intelligence and Security')?.aliases, ['PJCIS']);
    assert.ok(entity(f, 'Department of the Treasury'));
    // An office named for a title: "Office of the Attorney General (OAG)" (New York's, in 2 real articles, was no name).
    const ag = facts('The Office of the Attorney General (OAG) found 1,000 posts. The Office of the Director of National Intelligence said more. The OAG said so.');
    assert.deepStrictEqual(entity(ag, 'Office of the Attorney General')?.aliases, ['OAG']);
    assert.strictEqual(entity(ag, 'Office of the Attorney General')?.mentions.length, 3);
    assert.ok(entity(ag, 'Office of the Director of National Intelligence'), JSON.stringify(ag.entities.map((e) => e.name)));
    // The office ends where its holder's name begins.
    const james = facts('The Office of the Attorney General Letitia James said 1.1 million accounts were hit.');
    assert.deepStrictEqual(['Office of the Attorney General', 'Letitia James'].map((n) => entity(james, n)?.kind), ['organisation', 'person']);
    // Committees, councils and banks "of the …" too, with their acronyms.
    const icrc = entity(facts('The International Committee of the Red Cross (ICRC) said 515,000 people were affected. The ICRC is investigating.'), 'International Committee of the Red Cross');
    assert.deepStrictEqual([icrc?.kind, icrc?.aliases], ['organisation', ['ICRC']]);
    // A single word with an apposition, then what it did, is a name: "Coincheck, a Tokyo-based exchange, lost …".
    const coincheck = facts('Poly Network was hacked. In 2018, Coincheck, a Tokyo-based exchange, lost $530 million in digital coins.');
    assert.strictEqual(entity(coincheck, 'Coincheck')?.kind, 'organisation');
    assert.strictEqual(figure(coincheck, '$530 million').subject, 'coincheck');
    // Not across a sentence's own "of the" or "on": "the future of the Internet", "Microsoft Office of the future", "an attack on Acme Corp".
    const names = facts('Microsoft Office of the future is here. Hackers launched an attack on Acme Corp, a retailer.').entities.map((e) => e.name);
    assert.ok(names.includes('Acme Corp') && !names.some((n) => / of the | on /.test(n)), JSON.stringify(names));
  });

  it('a surname after a title of address is a person: President Biden, Senator Warner; not MS Office', function () {
    const f = facts('President Biden signed the order. Senator Warner wrote a letter. Users of MS Office and MS Teams were hit.');
    assert.strictEqual(entity(f, 'Biden')?.kind, 'person');
    assert.strictEqual(entity(f, 'Warner')?.kind, 'person');
    assert.ok(!f.entities.some((e) => e.kind === 'person' && /Office|Teams/.test(e.name)), JSON.stringify(f.entities.map((e) => [e.name, e.kind])));
  });

  it('no entity from what is left of "Command and Control", "Figure 1", "Unit 42" or "the Bill"', function () {
    const f = facts('Figure 1 shows the Command and Control server. Figure 2 shows more. Unit 42 said Palo Alto Networks found 320 honeypots. The Bill passed. The Bill is law. Command and Control traffic grew.');
    const names = f.entities.map((e) => e.name);
    for (const n of ['Figure', 'Command', 'Control', 'Unit', 'Bill']) assert.ok(!names.includes(n), `${n} in ${JSON.stringify(names)}`);
    assert.strictEqual(figure(f, '320').subject, 'palo alto networks');
  });

  it('a name that ends in a weekday keeps it: Patch Tuesday, not Patch', function () {
    const f = facts('Microsoft released 55 fixes for Patch Tuesday. The Patch Tuesday update was big. On Tuesday Microsoft said more.');
    const names = f.entities.map((e) => e.name);
    assert.ok(names.includes('Patch Tuesday') && !names.includes('Patch') && !names.includes('Tuesday'), JSON.stringify(names));
    assert.deepStrictEqual(facts('Black Friday and Cyber Monday deals are here. Black Friday sales rose.').entities.map((e) => e.name).filter((n) => /Black|Friday/.test(n)), ['Black Friday']);
  });

  it('malware and tools written like companies are not organisations', function () {
    const f = facts('The attackers deployed XMRig and PsExec on the server. WannaCry hit 200,000 computers. Acme Corp lost 9,000 records.');
    for (const n of ['XMRig', 'PsExec', 'WannaCry']) assert.strictEqual(entity(f, n)?.kind, 'other', n);
    // Currencies and botnets, which cards called organisations.
    const g = facts('Bitcoin fell again, and Bitcoin traders sold. Emotet returned. Emotet spread.');
    for (const n of ['Bitcoin', 'Emotet']) assert.strictEqual(entity(g, n)?.kind, 'other', n);
    // A currency after a figure is what it counts, not whose it is.
    const h = facts('PlugwalkJoe stole 407.39 Ethereum and 6,363.49 Litecoin from the exchange. Ethereum rose. Litecoin rose.');
    assert.deepStrictEqual(['407.39', '6,363.49'].map((t) => figure(h, t).noun), ['ethereum', 'litecoin']);
    assert.strictEqual(entity(f, 'Acme Corp')?.kind, 'organisation');
  });

  it('other ways of writing a name are that name: Justice Department, Home Affairs, NSO', function () {
    const f = facts('The US Justice Department said 5 men were charged. The Department of Justice said more. NSO Group sells Pegasus. NSO said it sells to 45 governments. Home Affairs said the Department of Home Affairs would act.');
    assert.deepStrictEqual(entity(f, 'Department of Justice')?.mentions.map((m) => m.text), ['Justice Department', 'Department of Justice']);
    assert.deepStrictEqual(entity(f, 'NSO Group')?.mentions.map((m) => m.text), ['NSO Group', 'NSO']);
    assert.deepStrictEqual(entity(f, 'Department of Home Affairs')?.mentions.map((m) => m.text), ['Home Affairs', 'Department of Home Affairs']);
    assert.ok(!f.entities.some((e) => ['justice department', 'nso', 'home affairs'].includes(e.key)));
  });

  it('a company named by its web address is one name, and its tag is a mention of it: Crypto.com', function () {
    const f = facts('Crypto.com said 483 users were hit. The Crypto.com app was down for hours. See crypto.com/status for more.', { tags: '[[Crypto.com]] [[Cybersecurity]]' });
    const c = entity(f, 'Crypto.com');
    assert.ok(c, JSON.stringify(f.entities.map((e) => e.name)));
    assert.deepStrictEqual([c!.key, c!.kind, c!.mentions.map((m) => m.where)], ['crypto.com', 'organisation', ['body', 'body', 'tag']]);
    assert.ok(!f.entities.some((e) => e.key === 'crypto'));
    assert.strictEqual(figure(f, '483').subject, 'crypto.com');
  });

  it('dotted initials keep their last dot in the aliases a card shows: "U.S.", not "U.S"', function () {
    const f = facts('The U.S. said 5 million were hit in the U.K. this year. Officials in the U.S said more.');
    assert.deepStrictEqual(entity(f, 'United Kingdom')?.aliases, ['U.K.']);
    // As written: once with the dot, once without.
    assert.deepStrictEqual([...(entity(f, 'United States')?.aliases ?? [])].sort(), ['U.S', 'U.S.']);
  });

  it('a publisher that is a company is an outlet in its own articles and an organisation in others\' (Trend Micro)', function () {
    const info = (Source: string) => ({ info: { Source, Link: 'https://example.com/x/', Date: 'August 28, 2021', Author: 'Jane Doe' } });
    const body = 'Trend Micro researchers found 5,000 exposed servers. Trend Micro said more would follow.';
    assert.strictEqual(entity(facts(body, info('ZDNet')), 'Trend Micro')?.kind, 'organisation');
    assert.strictEqual(entity(facts(body, info('Trend Micro')), 'Trend Micro')?.kind, 'outlet');
  });

  it('an outlet spelled two ways is one entity, in one article and across articles', function () {
    // "Bleeping Computer" in 32 real articles and "BleepingComputer" in 52 had made two outlets.
    const f = facts('Bleeping Computer first reported the leak. BleepingComputer later confirmed it.');
    const bleeping = (x: DocFacts) => x.entities.filter((e) => e.key.startsWith('bleeping')).map((e) => [e.key, e.name, e.kind, e.mentions.length]);
    assert.deepStrictEqual(bleeping(f), [['bleepingcomputer', 'BleepingComputer', 'outlet', 2]]);
    assert.deepStrictEqual(bleeping(facts('As Bleeping Computer reported, it grew.')), [['bleepingcomputer', 'BleepingComputer', 'outlet', 1]]);
  });

  it('organisations by cue, suffix and shape; places by gazetteer', function () {
    const f = facts('The security firm Mandiant was hired, along with KPMG LLP. LinkedIn and T-Mobile’s staff met in Izmir, Turkey.');
    assert.strictEqual(entity(f, 'Mandiant')!.kind, 'organisation');
    assert.strictEqual(entity(f, 'KPMG LLP')!.kind, 'organisation');
    assert.strictEqual(entity(f, 'LinkedIn')!.kind, 'organisation');
    assert.strictEqual(entity(f, 'T-Mobile')!.mentions[0].text, 'T-Mobile');
    assert.strictEqual(entity(f, 'Turkey')!.kind, 'place');
    // The states of Australia, the nations of the UK, Canada's provinces: "South Australia announced" is no person.
    const au = facts('South Australia announced 250 places a week. New South Wales and Queensland followed, as did Scotland and Ontario.');
    assert.deepStrictEqual(['South Australia', 'New South Wales', 'Queensland', 'Scotland', 'Ontario'].map((n) => entity(au, n)?.kind), ['place', 'place', 'place', 'place', 'place']);
    // A first name that is a state too still begins a person's name.
    assert.strictEqual(entity(facts('Victoria Baines said 40 accounts were hit.'), 'Victoria Baines')?.kind, 'person');
  });

  it('sentence-initial words, months and weekdays are not names; link destinations never are', function () {
    const f = facts('On Thursday, the [Alon Gal](https://twitter.com/UnderTheBreach/status/1) post spread. In August it grew. See <https://t.co/F7mcmrmgxn> for more.');
    const names = f.entities.map((e) => e.name);
    for (const bad of ['On Thursday', 'Thursday', 'August', 'In August', 'F7mcmrmgxn', 'UnderTheBreach']) assert.ok(!names.includes(bad), `${bad} in ${names}`);
    assert.ok(names.includes('Alon Gal'));
  });

  it('a month is a first name only when the person is said to be one: a role in apposition or a verb of saying', function () {
    // The real ThreatPost sentence, then the surname alone.
    const f = facts('The firm said so. June Werner, cyber-range engineer at Infosec Institute, agreed that the leak was bad. Werner suggested two-factor authentication.');
    const june = entity(f, 'June Werner');
    assert.ok(june, JSON.stringify(f.entities.map((e) => e.name)));
    assert.strictEqual(june!.kind, 'person');
    assert.deepStrictEqual(june!.mentions.map((m) => m.text), ['June Werner', 'Werner']);
    assert.strictEqual(entity(facts('April Doss said the leak was bad.'), 'April Doss')?.kind, 'person');
    // Months that are months: after a word that makes them dates, before a number, or before a name that is not a person's.
    for (const body of ['In June Microsoft said 5 million records leaked.', 'Last May Tesla said it.', 'June 5, the company said it.',
      'According to a June Cyber Claims Insurance report, it grew.', 'Since April Acme Corp, a retailer, has said nothing.']) {
      const names = facts(body).entities.map((e) => e.name);
      assert.ok(!names.some((n) => /^(?:June|May|April) /.test(n)), `${body} → ${names}`);
    }
  });

  it('a tag naming the article\'s own outlet is the publisher tagging its page, not a mention', function () {
    // [[ZDNet]] on 1,100 ZDNet articles that never name ZDNet had it "mentioned in 1,477 articles".
    const f = facts('Acme Corp said 5,000 customers were hit.', { info: { Source: 'ZDNet', Link: 'https://www.zdnet.com/article/x/', Date: 'August 28, 2021', Author: 'Jane Doe' }, tags: '[[ZDNet]] [[Acme Corp]]' });
    assert.ok(!f.entities.some((e) => e.key === 'zdnet' && e.mentions.some((m) => m.where === 'tag')), JSON.stringify(f.entities.map((e) => [e.key, e.mentions.map((m) => m.where)])));
    assert.ok(entity(f, 'Acme Corp')!.mentions.some((m) => m.where === 'tag'));
    // Another outlet's tag is a mention.
    const g = facts('Acme Corp said 5,000 customers were hit, Reuters reported.', { info: { Source: 'ZDNet', Link: 'https://www.zdnet.com/article/x/', Date: 'August 28, 2021', Author: 'Jane Doe' }, tags: '[[Reuters]]' });
    assert.ok(entity(g, 'Reuters')!.mentions.some((m) => m.where === 'tag'));
  });

  it('old-layout tags that name an entity are mentions; topic tags are not', function () {
    const f = facts('Mike Sievert, CEO of T-Mobile, said it. Sievert apologised.', { tags: '[[T-Mobile]] [[Sievert]] [[cybersecurity]]' });
    const sievert = entity(f, 'Mike Sievert')!;
    assert.ok(sievert.mentions.some((m) => m.where === 'tag' && m.text === 'Sievert'));
    assert.ok(!f.entities.some((e) => e.key === 'cybersecurity'));
  });

  it('the seeds: John Binns, Alon Gal and T-Mobile in every one', function () {
    for (const p of ['000', '001', '002']) {
      const text = seed(p);
      const f = extractFacts(`file:///${p}`, text, analyze(text, { now: NOW }).article);
      assert.strictEqual(entity(f, 'John Binns')?.kind, 'person', p);
      assert.strictEqual(entity(f, 'Alon Gal')?.kind, 'person', p);
      assert.strictEqual(entity(f, 'T-Mobile')?.kind, 'organisation', p);
      for (const m of entity(f, 'Alon Gal')!.mentions) assert.match(m.text, /^(?:Alon Gal|Gal|@UnderTheBreach)$/);
      for (const bad of ['Aug', 'I’m', 'CIA and Turkish', 'Social Security', 'F7mcmrmgxn']) assert.ok(!entity(f, bad), `${bad} in seed ${p}`);
    }
  });
});

describe('pinned entities', function () {
  const pinsText = JSON.stringify({ entities: [
    { name: 'John Binns', kind: 'person', aliases: ['IRDev', 'v0rtex'], description: 'Claimed the breach.' },
    { name: 'Acme', kind: 'planet' },
    { name: '' },
    { name: 'Beta', aliases: 'nope', colour: 'red' },
  ] }, null, 2);

  it('reports every mistake with its place and keeps the valid entries', function () {
    const { pins, problems } = parsePins(pinsText);
    assert.deepStrictEqual(pins.map((p) => p.name), ['John Binns', 'Acme', 'Beta']);
    assert.strictEqual(pins[1].kind, undefined);
    const messages = problems.map((p) => p.message);
    assert.ok(messages.some((m) => /"Acme": kind must be one of/.test(m)));
    assert.ok(messages.some((m) => /Entity 3 has no "name"/.test(m)));
    assert.ok(messages.some((m) => /"Beta": aliases must be an array/.test(m)));
    assert.ok(messages.some((m) => /unknown property "colour"/.test(m)));
    const planet = problems.find((p) => /"Acme": kind/.test(p.message))!;
    assert.strictEqual(pinsText.slice(planet.span.start, planet.span.end), '"planet"');
  });

  it('broken JSON is reported at its position, in plain words, and pins nothing', function () {
    const trailing = '{ "entities": [ { "name": "A" }, ] }';
    const { pins, problems } = parsePins(trailing);
    assert.deepStrictEqual(pins, []);
    assert.match(problems[0].message, /^Not valid JSON: a value was expected\./);
    assert.strictEqual(trailing.slice(problems[0].span.start, problems[0].span.end), ']');
    // Cut short: said where the file ends, not at its first character.
    const cut = '{ "entities": [ { "name": "A" }';
    const short = parsePins(cut).problems[0];
    assert.match(short.message, /^Not valid JSON: a closing \] was expected\./);
    assert.ok(short.span.start >= cut.length - 1, JSON.stringify(short.span));
  });

  it('an entity\'s mistake points at that entity', function () {
    const text = JSON.stringify({ entities: [{ name: 'A' }, { kind: 'person' }, 'B'] }, null, 2);
    const { problems } = parsePins(text);
    const noName = problems.find((p) => /Entity 2 has no "name"/.test(p.message))!;
    assert.match(text.slice(noName.span.start, noName.span.end), /^\{\s*"kind": "person"\s*\}$/);
    const notObject = problems.find((p) => /Entity 3 is not an object/.test(p.message))!;
    assert.strictEqual(text.slice(notObject.span.start, notObject.span.end), '"B"');
  });

  it('pinned aliases are recognised anywhere, lower-case ones included, with the pinned kind', function () {
    const { pins } = parsePins(pinsText);
    const text = article({ body: 'The hacker v0rtex posted again. IRDev is the same man, people say.' });
    const f = extractFacts('file:///p.txt', text, analyze(text, { now: NOW }).article, { pins });
    const b = entity(f, 'John Binns')!;
    assert.strictEqual(b.kind, 'person');
    assert.deepStrictEqual(b.mentions.map((m) => m.text), ['v0rtex', 'IRDev']);
  });
});

describe('figures', function () {
  const cases: [string, string, number, string][] = [
    ['It hit 50 million customers.', '50 million', 50e6, 'count'],
    ['It hit 50m customers.', '50m', 50e6, 'count'],
    ['It hit 50,000,000 customers.', '50,000,000', 50e6, 'count'],
    ['It hit fifty million customers.', 'fifty million', 50e6, 'count'],
    ['It hit 7.8 million customers.', '7.8 million', 7.8e6, 'count'],
    ['The price was $280,000 in all.', '$280,000', 280000, 'usd'],
    ['The price was six bitcoin in all.', 'six bitcoin', 6, 'btc'],
    ['The price was 1 cent per victim.', '1 cent', 0.01, 'usd'],
    ['They took 106GB of data.', '106GB', 106e9, 'bytes'],
    ['About 57% of posts were fake.', 'About 57%', 57, 'percent'],
    ['A 21-year-old man did it.', '21-year-old', 21, 'age'],
  ];
  for (const [body, text, value, unit] of cases) {
    it(`${text} is ${value} ${unit}`, function () {
      const f = figure(facts(body), text);
      assert.strictEqual(f.value, value);
      assert.strictEqual(f.unit, unit);
    });
  }

  it('hedges become intervals that make "more than 50 million" agree with "about 53 million"', function () {
    const more = figure(facts('It hit more than 50 million customers.'), 'more than 50 million');
    const about = figure(facts('It hit about 53 million customers.'), 'about 53 million');
    assert.strictEqual(more.hedge, 'more than');
    assert.ok(more.low <= about.high && about.low <= more.high);
    const exact = figure(facts('It hit 667,000 former customers.'), '667,000');
    const other = figure(facts('It hit 766,000 former customers.'), '766,000');
    assert.deepStrictEqual([exact.low, exact.high], [666500, 667500]);
    assert.ok(exact.high < other.low);
    assert.deepStrictEqual([figure(facts('Up to 30 million records.'), 'Up to 30 million').low, figure(facts('Up to 30 million records.'), 'Up to 30 million').high], [0, 30e6]);
    assert.strictEqual(figure(facts('It was ~40 million records.'), '~40 million').hedge, '~');
  });

  it('the measured noun phrase: subject, noun and population qualifiers', function () {
    const f = facts('T-Mobile said 667,000 former customers and 850,000 active T-Mobile prepaid customers were hit, and 40 million former or prospective customers too.');
    assert.strictEqual(figure(f, '667,000').measure, 't-mobile|customer|former');
    assert.strictEqual(figure(f, '850,000').measure, 't-mobile|customer|prepaid');
    assert.strictEqual(figure(f, '40 million').measure, 't-mobile|customer|former+prospective');
  });

  it('a headline\'s figure takes the body\'s qualifiers, and writes them as one population or the other', function () {
    const f = facts('Verizon said data of just over 40 million former or prospective customers was stolen.', { title: 'Verizon: >40 Million Customers’ Data Stolen' });
    const head = figure(f, '>40 Million');
    assert.deepStrictEqual(head.qualifiers, ['former', 'prospective']);
    assert.strictEqual(writtenMeasure(head, f.sentences), 'former or prospective customers');
    // Three: a list.
    const g = facts('Verizon said data of just over 40 million current, former and prospective customers was stolen.', { title: 'Verizon: >40 Million Customers’ Data Stolen' });
    assert.strictEqual(writtenMeasure(figure(g, '>40 Million'), g.sentences), 'current, former or prospective customers');
  });

  it('a carrier named alone is a company: Sprint owns the breaches it disclosed, not the article\'s T-Mobile', function () {
    const f = facts('T-Mobile said 40 million were hit. Before it merged with T-Mobile in 2020, Sprint also disclosed two security breaches in 2019 as well.');
    assert.strictEqual(entity(f, 'Sprint')?.kind, 'organisation');
    assert.strictEqual(figure(f, 'two').subject, 'sprint');
  });

  it('nationalities and partners narrow the population too: not one measure with the company\'s customers', function () {
    // Two real ZDNet sentences, read against Microsoft's customers, had made "2,000 → 1,200" a revision.
    const f = facts('Microsoft said it has 500,000 customers. The two companies support more than 2,000 mutual customers globally. NOBELIUM raised the number of Ukrainian customers impacted to more than 1,200 this year.');
    assert.strictEqual(figure(f, '500,000').measure, 'microsoft|customer|');
    assert.strictEqual(figure(f, 'more than 2,000').measure, 'microsoft|customer|mutual');
    assert.strictEqual(figure(f, 'more than 1,200').measure, 'microsoft|customer|ukrainian');
  });

  it('whose figure: not the one a statement is made to, nor a court case\'s name after "according to the complaint in"', function () {
    // Real ThreatPost sentences: the figures were the FTC's and PortSwigger's.
    const f = facts('The FTC issued a warning. According to the complaint in Equifax, its failure to patch a known vulnerability exposed the personal information of 147 million consumers.');
    assert.strictEqual(figure(f, '147 million').subject, 'equifax');
    const g = facts('Zimbra fixed two bugs. Scannell told PortSwigger the bugs affect the core: a lot of potential impact, given those 200,000 businesses to which Zimbra lays claim.');
    assert.strictEqual(figure(g, '200,000').subject, 'zimbra');
    // "according to" still makes a source of whom it names.
    const h = facts('Acme Corp was breached. According to a spokesperson for Globex Corp, 5,000 customers were hit.');
    assert.strictEqual(figure(h, '5,000').subject, 'acme');
  });

  it('a figure of a whole sector or population is no one\'s, not the article\'s company\'s', function () {
    // Real sentences that gave their figures to the article's subject (LockBit, REvil, Gartner).
    const f = facts(['From the second to the third quarter, attacks on the finance and insurance sector increased by 21 percent.', 'Smaller companies deploy an average of 73 apps.',
      'Acme Corp was hit by ransomware. Acme Corp said 5,000 records were stolen.', 'Acme Corp works with Globex Corp. The two companies support more than 2,000 mutual customers.'].join('\n\n'));
    assert.strictEqual(figure(f, '5,000').subject, 'acme');
    assert.strictEqual(figure(f, '21 percent').subject, undefined);
    assert.strictEqual(figure(f, '73').subject, undefined);
    // "The two companies": particular ones, named before, not companies in general.
    assert.notStrictEqual(figure(f, 'more than 2,000').subject, undefined);
  });

  it('a different subject in the sentence is a different measure', function () {
    const f = facts('It is outdone by the LinkedIn breach, in which 700 million users’ data was posted.');
    assert.strictEqual(figure(f, '700 million').measure, 'linkedin|user|');
  });

  it('numbers in URLs, dates, times, versions and identifiers are not figures', function () {
    const f = facts('See [the report](https://threatpost.com/t-mobile-40-million-customers/168778/) from Aug. 18 and August 15, 2021 at 11:12 am about CVE-2021-44228 in version 4.2.1 by Unit221B and a 15-digit code.');
    assert.deepStrictEqual(f.figures.filter((x) => x.unit !== 'year').map((x) => x.text), []);
  });

  it('a figure without a noun takes it from "the number of …" or the figure before it', function () {
    const f = facts('As of Aug. 18, T-Mobile had estimated the total number of ripped-off records to be ~40 million: a number that rose to ~50 million on Aug. 20.', {
      info: { Source: 'ThreatPost', Link: 'https://threatpost.com/x/1/', Date: 'August 28, 2021', Author: 'Lisa Vaas' },
    });
    assert.strictEqual(figure(f, '~40 million').noun, 'record');
    assert.strictEqual(figure(f, '~50 million').noun, 'record');
    assert.strictEqual(new Date(figure(f, '~40 million').asOf!).toISOString().slice(0, 10), '2021-08-18');
    assert.strictEqual(new Date(figure(f, '~50 million').asOf!).toISOString().slice(0, 10), '2021-08-20');
  });
});

describe('claims', function () {
  const info = { Source: 'ThreatPost', Link: 'https://threatpost.com/x/1/', Date: 'August 28, 2021', Author: 'Lisa Vaas' };
  function claimOf(body: string, text: string) {
    const f = facts(body, { info });
    const fig = figure(f, text);
    return f.claims.find((c) => c.sentence === fig.sentence)!;
  }

  it('"X said", "according to X", and a claimant', function () {
    assert.strictEqual(claimOf('T-Mobile said 667,000 former customers were hit.', '667,000').attribution?.who, 'T-Mobile');
    assert.strictEqual(claimOf('According to T-Mobile, 850,000 prepaid customers were hit.', '850,000').attribution?.who, 'T-Mobile');
    assert.match(claimOf('The seller claimed that 100 million records were stolen.', '100 million').attribution!.who, /seller/i);
  });

  it('"told X": X is the listener, not the speaker', function () {
    const c = claimOf('One expert told Threatpost that 30 million records cost about a penny each.', '30 million');
    assert.notStrictEqual(c.attribution?.who, 'Threatpost');
  });

  it('a date without a year takes the article’s year, or the year before when it would fall after the article', function () {
    const c = claimOf('As of Dec. 18, T-Mobile counted 40 million records.', '40 million');
    assert.strictEqual(new Date(c.asOf!).toISOString().slice(0, 10), '2020-12-18');
  });

  it('Unix time zero is no date: figures are not placed in 1970', function () {
    const f = facts('T-Mobile said 667,000 former customers were hit.', { info: { ...info, Date: 'January 1, 1970' } });
    assert.strictEqual(f.date, undefined);
    assert.strictEqual(f.claims.find((c) => c.sentence === figure(f, '667,000').sentence)?.asOf, undefined);
    assert.ok(facts('T-Mobile said 667,000 former customers were hit.', { info: { ...info, Date: 'January 3, 1970' } }).date! > 0);
  });
});

describe('publisher promotions', function () {
  const PROMOS = [
    '***Check out our free***[***upcoming live and on-demand webinar events***](https://threatpost.com/category/webinars/) ***– unique, dynamic discussions with cybersecurity experts and the Threatpost community.***',
    '[***Register NOW***](https://bit.ly/3bBMX30) ***for the LIVE event and submit questions ahead of time to Threatpost’s Becky Bracken at*** [***becky.bracken@threatpost.com***](mailto:becky.bracken@threatpost.com)***.***',
    '**Rule #1 of Linux Security:** No cybersecurity solution is viable if you don’t have the basics down. [**JOIN**](https://threatpost.com/webinars/) Threatpost and Linux security pros at Uptycs for a LIVE roundtable on the [**4 Golden Rules of Linux Security**](https://threatpost.com/webinars/4-golden-rules/). Your top takeaway will be an actionable roadmap.',
    '***Want to win back control of the flimsy passwords standing between your network and the next cyberattack? Join Darren James, head of internal IT at Specops, and Roger Grimes, data-driven defense evangelist at KnowBe4, to find out how during a free, LIVE Threatpost event, “Password Reset: Claiming Control of Credentials.”***',
    '![Threatpost Webinar Series ](https://media.threatpost.com/webinar.jpg)**Worried about where the next attack is coming from? We’ve got your back. [REGISTER NOW](https://bit.ly/x) for our upcoming live webinar, How to Think Like a Threat Actor, in partnership with Uptycs on Aug. 17 at 11 AM EST.** Join host Becky Bracken and Uptycs researchers Amit Malik and Ashwin Vamshi on **Aug. 17 at 11AM EST for this LIVE discussion**.',
    '***Cybersecurity for multi-cloud environments is notoriously challenging. OSquery and CloudQuery is a solid answer. Join Uptycs and Threatpost on Tues., Nov. 16 at 2 p.m. ET for “***[***An Intro to OSquery and CloudQuery***](https://bit.ly/3wf2vTP)***,” a LIVE, interactive conversation with Eric Kaiser.***',
  ];
  const STORY = 'Acme Corp said 50,000 customer records were stolen, Jane Roe of Acme Corp told reporters.';

  it('are not read as what the article says: no names, figures or claims from them', function () {
    const f = facts([STORY, ...PROMOS].join('\n\n'));
    const names = f.entities.map((e) => e.name);
    assert.ok(names.includes('Acme Corp') && names.includes('Jane Roe'), JSON.stringify(names));
    for (const n of ['Becky Bracken', 'Uptycs', 'Roger Grimes', 'KnowBe4', 'Amit Malik', 'Darren James', 'Threatpost Webinar Series', 'Eric Kaiser', 'OSquery']) assert.ok(!names.includes(n), `${n} in ${JSON.stringify(names)}`);
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['50,000']);
    assert.ok(!f.sentences.some((s) => /register|webinar|roundtable/i.test(s.text)), 'no sentence of a promotion');
    // Only its links stay, as links do: go to definition on one opens what it points at.
    assert.ok(f.links.some((l) => /bit\.ly/.test(l.url)));
  });

  it('nor are a writer\'s sign-off and a page\'s furniture', function () {
    const f = facts([
      STORY,
      '**Have a tip?** Get in touch securely via WhatsApp | Signal at +447713 025 499, or over at Keybase: charlie0',
      'You can follow my day-to-day project updates on social media. Be sure to follow me on Twitter at [@DavidGewirtz](https://twitter.com/DavidGewirtz), on Facebook at [Facebook.com/DavidGewirtz](https://www.facebook.com/DavidGewirtz).',
      '**SEE:** [Ransomware: It\'s a \'golden era\' for cyber criminals](https://www.zdnet.com/article/ransomware/) (ZDNet special report)',
      '*Enjoy additional insights from Threatpost’s Infosec Insiders community by [visiting our microsite](https://threatpost.com/microsite/).*',
      'window.ZdnetFunctions.logWithLabel(\'%c One Trust \', "Service loaded: script twitterwidgets with class optanon-category-5");',
    ].join('\n\n'));
    const names = f.entities.map((e) => e.name);
    for (const n of ['WhatsApp', 'Signal', 'Keybase', 'Twitter', 'Facebook', '@DavidGewirtz', 'ZDNet', 'Threatpost', 'One Trust']) assert.ok(!names.includes(n), `${n} in ${JSON.stringify(names)}`);
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['50,000']);
    assert.ok(f.sentences.some((x) => x.text === STORY));
    // "SEE: [another story]" states nothing here, but its link still leads to that story.
    assert.ok(f.links.some((l) => l.url === 'https://www.zdnet.com/article/ransomware/'), JSON.stringify(f.links));
    assert.ok(!f.sentences.some((x) => /touch securely|follow me|SEE|microsite|window\./.test(x.text)), JSON.stringify(f.sentences.map((x) => x.text)));
  });

  it('nor is a line of a shop\'s buttons; a sentence between two links is read', function () {
    const f = facts([STORY, '[View Now at VyprVPN](https://www.vyprvpn.com/) \n[See details](#listicle-533bd858)', '[ProtonVPN](https://protonvpn.com/) · [$4 per month](https://protonvpn.com/pricing)',
      '[Globex Corp](https://globex.example/) lost 7,000 records to [the Karma gang](https://example.com/karma).'].join('\n\n'));
    const names = f.entities.map((e) => e.name);
    assert.ok(!names.includes('View Now'), JSON.stringify(names));
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['50,000', '7,000']);
  });

  it('nor is a photo\'s credit line before a paragraph\'s first words', function () {
    const f = facts([STORY, '![gettyimages-1197379498.jpg](https://example.com/g.jpg)\n Image: Daniel Romero/Getty Images\n Twitter said on Wednesday that 3,000 users in Australia were hit.'].join('\n\n'));
    const names = f.entities.map((e) => e.name);
    assert.ok(!names.some((n) => /Getty|Romero/.test(n)), JSON.stringify(names));
    assert.ok(f.sentences.some((x) => x.text.startsWith('Twitter said on Wednesday')), JSON.stringify(f.sentences.map((x) => x.text)));
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['50,000', '3,000']);
    // A picture agency's name alone under the photo, with the words in the next paragraph (ZDNet's deals).
    const g = facts([STORY, '![sale-304757-article-image.jpg](https://example.com/s.jpg)\n StackCommerce\n ', 'Some of the most elite careers in tech are in cybersecurity.'].join('\n\n'));
    assert.ok(!g.entities.some((e) => /StackCommerce/.test(e.name)), JSON.stringify(g.entities.map((e) => e.name)));
    assert.ok(!g.sentences.some((x) => /StackCommerce/.test(x.text)), JSON.stringify(g.sentences.map((x) => x.text)));
  });

  it('nor are a call for comments after questions to the reader, and The DFIR Report\'s services; a story that asks for comments stays', function () {
    const f = facts([
      STORY,
      // Trend Micro's weekly sign-off (13 real articles) and The DFIR Report's (15).
      'What do you think about the threat of Russian cyberattacks against Ukraine? Share in the comments below or follow me on Twitter to continue the conversation: @JonLClay.',
      'We offer multiple services including a [Threat Feed service](https://thedfirreport.com/services/) which tracks Command and Control frameworks such as Cobalt Strike, Metasploit, Empire, PoshC2, BazarLoader, etc. More information on this service and others can be found [here](https://thedfirreport.com/services/).',
      'Did Globex Corp lose 7,000 records? Globex Corp said it lost 7,000 records. Let us know in the comments below.',
      // The DFIR Report's credits: its analysts' handles were the most named of its reports.
      'Analysis and reporting completed by [@kostastsale](https://twitter.com/Kostastsale) and [@pigerlin](https://twitter.com/pigerlin)',
      'Reviewed by @TheDFIRReport',
    ].join('\n\n'));
    const names = f.entities.map((e) => e.name);
    for (const n of ['@JonLClay', 'Twitter', 'Ukraine', 'Metasploit', 'PoshC2', 'Cobalt Strike', 'Threat Feed', '@kostastsale', '@pigerlin', '@TheDFIRReport']) assert.ok(!names.includes(n), `${n} in ${JSON.stringify(names)}`);
    assert.ok(names.includes('Globex Corp'), JSON.stringify(names));
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['50,000', '7,000', '7,000']);
  });

  it('a promotion glued to the end of a paragraph by the scrape is left out, and the paragraph kept', function () {
    const f = facts([
      'Hopefully, the uptick in the luck chart will keep trending up to cover these 3 new zero days.![Threatpost Webinar Series ](https://media.threatpost.com/webinar.jpg)Worried about where the next attack is coming from? We’ve got your back. **[REGISTER NOW](https://threatpost.com/webinars/x)** for our upcoming live webinar. Join host Becky Bracken and Uptycs researchers Amit Malik on **Aug. 17 for this LIVE discussion**.',
      '“If it didn’t, then it’s needlessly malicious,” said Jane Roe of Acme Corp. Acme Corp lost 5,000 customer records. *[Register NOW](https://bit.ly/x) for the LIVE event with Becky Bracken.*',
      'Register to view the on-demand event: [Password Reset: Claiming Control of Credentials](https://threatpost.com/webinars/password-reset/).',
      // An image after a sentence that promotes nothing stays part of the story.
      'Acme Corp posted a notice.![Notice](https://acme.example/notice.png)It said 7,000 customers must reset passwords.',
      // A story's sentence opening on a link is kept, though a promotion follows it in the paragraph.
      'Acme Corp said 8,000 records leaked. [Researchers](https://r.example/a) told Threatpost that 2,000 were cards.![Threatpost Webinar](https://media.threatpost.com/w.jpg)Worried? [REGISTER NOW](https://threatpost.com/webinars/y) for our live webinar.',
    ].join('\n\n'));
    const names = f.entities.map((e) => e.name);
    for (const n of ['Becky Bracken', 'Uptycs', 'Amit Malik', 'Password Reset']) assert.ok(!names.includes(n), `${n} in ${JSON.stringify(names)}`);
    assert.ok(names.includes('Jane Roe') && names.includes('Acme Corp'), JSON.stringify(names));
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['3', '5,000', '7,000', '8,000', '2,000']);
    const texts = f.sentences.map((x) => x.text);
    assert.ok(texts.includes('Hopefully, the uptick in the luck chart will keep trending up to cover these 3 new zero days.'), JSON.stringify(texts));
    assert.ok(!texts.some((t) => /register|webinar|worried/i.test(t)), JSON.stringify(texts));
    // The sentence cut short still points at its own words.
    const body = f.sentences.find((x) => x.text.startsWith('Hopefully'))!;
    assert.strictEqual(body.span.end - body.span.start, body.text.length);
    assert.ok(f.links.some((l) => l.url === 'https://threatpost.com/webinars/x'));
  });

  it('a story about webinars or registering is still a story', function () {
    const f = facts([
      'Attackers hijacked a live webinar of Acme Corp, and Jane Roe said 300 people saw it. Users must register now for the new portal, Acme Corp said.',
      '*Update:* Acme Corp said on Friday that 1,200 customers had been told.',
      '**Update:** Attackers registered 40 domains that mimic the webinar pages of Acme Corp, Jane Roe said.',
      'See how 7 firms fell for it: Acme Corp said users who follow its advice were safe.',
      // Opening on a link and telling readers to register is news when no event of the publisher's is promoted.
      '[Acme Corp](https://acme.example/notice) said data on 50 million customers was stolen. Affected customers can register now for two years of free credit monitoring.',
      '[The seller](https://forum.example/t/1) invited buyers to join the forum for a free sample of the 100 million records.',
      '[Zoom-bombers](https://news.example/z) disrupted a live webinar attended by 3,000 people.',
      '> *Dear customer, 40,000 accounts were suspended. Register today at our portal to keep yours.*',
      'See: the 2019 breach, which exposed 30 million records, was worse.',
      'Follow my instructions or the 20 million records go public, the hacker wrote.',
    ].join('\n\n'));
    assert.deepStrictEqual(f.figures.map((x) => x.text), ['300', '1,200', '40', '7', '50 million', 'two years', '100 million', '3,000', '40,000', '2019', '30 million', '20 million']);
  });
});

describe('article URLs', function () {
  it('ThreatPost’s two addresses are one article', function () {
    assert.strictEqual(canonicalUrl('https://threatpost.com/t-mobile-investigates-100m-records/168689/'), 'threatpost:168689');
    assert.strictEqual(canonicalUrl('https://kasperskycontenthub.com/threatpost-global/?p=168689'), 'threatpost:168689');
  });
  it('tracking parameters, www and trailing slashes do not matter', function () {
    assert.strictEqual(canonicalUrl('https://www.zdnet.com/article/x/?utm_source=a'), canonicalUrl('http://zdnet.com/article/x'));
  });
  it('one site under two hosts, one article under two locales, a Twitter share parameter: one article', function () {
    assert.strictEqual(canonicalUrl('https://blogs.computerworld.com/article/3/x.html'), canonicalUrl('https://www.computerworld.com/article/3/x.html'));
    assert.strictEqual(canonicalUrl('https://www.trendmicro.com/en_no/research/22/a/x.html'), canonicalUrl('https://www.trendmicro.com/en_us/research/22/a/x.html'));
    assert.strictEqual(canonicalUrl('https://www.zdnet.com/article/x/?taid=61e2'), canonicalUrl('https://www.zdnet.com/article/x/'));
    // Other query parameters still tell articles apart.
    assert.notStrictEqual(canonicalUrl('https://example.com/view?id=1'), canonicalUrl('https://example.com/view?id=2'));
  });
  it('onSite says what siteOf says, for addresses it does not parse too', function () {
    // The site's name in another case, under another host of the site, escaped, beyond ASCII, or broken by a tab
    // (which the URL parser drops): only the text's own test may rule an address out, never a different answer.
    const urls = [
      'https://www.ZDNet.com/article/x/', 'https://zdnet.com.', 'https://blogs.computerworld.com/a/3/x.html',
      'https://kasperskycontenthub.com/threatpost-global/?p=1', 'https://kasperskycontenthub.com/other/', 'https://threatpost.com/x/1/',
      'https://zd%6Eet.com/x', 'https://zdnet\t.com/x', 'https://zd\tnet.com/x', 'https://xn--bcher-kva.example/x', 'https://bücher.example/x',
      ' https://zdnet.com/x ', 'https://example.com/?u=zdnet.com', 'javascript:alert(1)', 'not a url', '',
      'http://2130706433/x', 'http://127.1/', 'http://0x7f.0.0.1/', 'http://127.0.0.1:8080/', 'http://[0:0::1]/', 'http://[::1]/',
    ];
    const sites = ['zdnet.com', 'computerworld.com', 'threatpost.com', 'kasperskycontenthub.com', 'xn--bcher-kva.example', 'example.com', '127.0.0.1', '[::1]'];
    for (const url of urls) for (const site of sites) assert.strictEqual(onSite(url, site), siteOf(url) === site, `${url} on ${site}`);
    // And the answers are not all "no".
    assert.ok(onSite('https://zd\tnet.com/x', 'zdnet.com') && onSite('https://bücher.example/x', 'xn--bcher-kva.example') && onSite('https://kasperskycontenthub.com/threatpost-global/?p=1', 'threatpost.com'));
  });
  it('not a web address: no canonical form', function () {
    assert.strictEqual(canonicalUrl('javascript:alert(1)'), undefined);
    assert.strictEqual(canonicalUrl('not a url'), undefined);
  });
});

describe('facts in memory', function () {
  it('keep none of the per-sentence readings the extractors shared', function () {
    // The readings (visible texts, numbers) are a memo keyed by the sentence array, which the facts keep for the
    // life of the index: kept with it, they were a fifth of every resident article's memory.
    const f = facts('T-Mobile said [50 million](https://example.com/50) customers were hit. About 7.8 million current customers were too.');
    assert.ok(f.figures.length >= 2);
    const readings = readingsOf(f.sentences);
    assert.strictEqual(readings.length, f.sentences.length);
    // Fresh readings: nothing scanned or masked yet (the extractors' own ones had both).
    for (const r of readings) assert.deepStrictEqual([(r as unknown as { found?: unknown }).found, (r as unknown as { visible?: unknown }).visible], [undefined, undefined]);
    // And a fresh reading reads the same as the extractors' did.
    assert.ok(readings.some((r) => r.numbers.some((n) => n.value === 50e6)));
  });
});

describe('facts: a digest of several stories has no main subject', function () {
  it('"This Week in Security News": the first story\'s company owns none of the other stories\' figures', function () {
    // (Three paragraphs: a sentence right after a paragraph break still carries the subject of the one before, see the note.)
    const body = 'Acme Corp launched a service with 32 partners. Acme Corp said the service was ready.\n\nThe week was busy.\n\nIn other news, a retailer said fewer than 2,500 customers were affected by a breach.';
    const owner = (title: string) => facts(body, { title }).figures.find((f) => f.text === 'fewer than 2,500')?.subject;
    // Real: every figure of a Trend Micro weekly digest was "of Amazon Web Services".
    assert.strictEqual(owner('This Week in Security News: Acme Corp Launches a Service and a Retailer Is Breached'), undefined);
    assert.strictEqual(owner('Ransomware decryptor roundup: Acme Corp and others'), undefined);
    // "round up" the verb is no digest.
    assert.strictEqual(owner('Police round up suspects in Acme Corp hack'), 'acme');
    // One story: its subject stands in, as before.
    assert.strictEqual(owner('Acme Corp launches a service'), 'acme');
  });
});
