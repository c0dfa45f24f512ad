import * as assert from 'assert';
import { compareWording } from '../server/src/core/check/wording';
import { checkConsistency } from '../server/src/core/check/consistency';
import { extractFacts } from '../server/src/core/extract/facts';
import { CorpusIndex, lineStartsOf } from '../server/src/core/index/corpus';
import { parse } from '../server/src/core/syntax/parse';

const FBI = 'The FBI to date is not aware of any specific cyber threat against the Olympics, but encourages partners to remain vigilant and maintain best practices in their network and digital environments.';

describe('quotations: how two wordings differ', function () {
  it('shows where they first part, with a word of context each side', function () {
    assert.deepStrictEqual(compareWording(FBI.replace('the Olympics', 'these Olympics'), FBI), { kind: 'differs', ours: '…against these Olympics,…', theirs: '…against the Olympics,…' });
    // A word left out or added: the words around the gap show where.
    assert.deepStrictEqual(compareWording(FBI.replace('to date ', ''), FBI), { kind: 'differs', ours: '…FBI is…', theirs: '…FBI to date is…' });
    // At the very start there is no "…" before.
    assert.deepStrictEqual(compareWording(FBI.replace('The FBI', 'This FBI'), FBI), { kind: 'differs', ours: 'This FBI…', theirs: 'The FBI…' });
  });

  it('names the first difference of several, not everything between the first and the last', function () {
    const ours = FBI.replace('to date', 'so far').replace('digital environments', 'online environments');
    assert.deepStrictEqual(compareWording(ours, FBI), { kind: 'differs', ours: '…FBI so far is…', theirs: '…FBI to date is…' });
    // After a difference that is only a quoting writer's, the next one is named.
    const bracketed = FBI.replace('The FBI', '[The bureau]').replace('against the Olympics', 'against these Olympics');
    assert.deepStrictEqual(compareWording(bracketed, FBI), { kind: 'differs', ours: '…against these Olympics,…', theirs: '…against the Olympics,…' });
  });

  it('notation is not wording: an acronym for the words it stands for, a name\'s suffix left out (real pairs)', function () {
    const ssn = 'He decoded the HTML source code and viewed the Social-Security numbers of those specific educators.';
    assert.deepStrictEqual(compareWording(ssn.replace('Social-Security numbers', 'SSN'), ssn), { kind: 'faithful' });
    assert.deepStrictEqual(compareWording(ssn, ssn.replace('Social-Security numbers', 'SSNs')), { kind: 'faithful' });
    const tssr = 'It has served the Telco Act and the Telecommunications Sector Security Reforms up until now, the committee said.';
    assert.deepStrictEqual(compareWording(tssr.replace('Telecommunications Sector Security Reforms', 'TSSR'), tssr), { kind: 'faithful' });
    assert.deepStrictEqual(compareWording(tssr.replace('Telecommunications Sector Security Reforms', 'TSSR'), tssr.replace('Reforms', 'Reforms (TSSR)')), { kind: 'faithful' });
    const asan = 'The romance scams facilitated by Joseph Asan Jr. were designed to play on emotions.';
    assert.deepStrictEqual(compareWording(asan.replace(' Jr.', ''), asan), { kind: 'faithful' });
    // Other letters, or a suffix in place of a word, still differ.
    assert.strictEqual(compareWording(ssn.replace('Social-Security numbers', 'SIN'), ssn).kind, 'differs');
    assert.strictEqual(compareWording(ssn.replace('Social-Security numbers', 'IDs'), ssn).kind, 'differs');
    assert.strictEqual(compareWording(asan.replace('Jr.', 'Sr.'), asan).kind, 'differs');
    // Two letters are too few to spell words, and a war's number is no name's suffix.
    const help = 'The ministry asked for urgent security help from its allies after the attack.';
    assert.strictEqual(compareWording(help.replace('urgent security', 'US'), help).kind, 'differs');
    const war = 'It was the worst attack since World War II in the region, the minister said.';
    assert.strictEqual(compareWording(war.replace(' II', ''), war).kind, 'differs');
  });

  it('changes a quoting writer marks are faithful: an elision, words in brackets', function () {
    assert.deepStrictEqual(compareWording(FBI.replace('is not aware of any specific cyber threat against the Olympics, but ', '… '), FBI), { kind: 'faithful' });
    assert.deepStrictEqual(compareWording(FBI.replace(' is not aware of any specific cyber threat against the Olympics, but', '...'), FBI), { kind: 'faithful' });
    assert.deepStrictEqual(compareWording(FBI.replace('the Olympics', '[the Tokyo Games]'), FBI), { kind: 'faithful' });
    assert.deepStrictEqual(compareWording(FBI, FBI.replace('The FBI', '[It]')), { kind: 'faithful' });
    // An ellipsis does not excuse words of the writer's own.
    assert.deepStrictEqual(compareWording(FBI.replace('is not aware of any specific cyber threat against the Olympics, but', '… strongly'), FBI).kind, 'differs');
  });

  it('the same letters spaced otherwise are the same words, with words in brackets besides', function () {
    const said = 'the criminals pursued targeting specific vulnerable Log4J2 VMware vCenter for lateral movement directly from the network';
    assert.deepStrictEqual(compareWording(said.replace('Log4J2 VMware vCenter', 'Log4j 2 VMware vCenter [servers]'), said), { kind: 'faithful' });
    assert.deepStrictEqual(compareWording('a cyber security incident hit the firm last week', 'a cybersecurity incident hit the firm last week'), { kind: 'faithful' });
    // Other letters are another word.
    assert.strictEqual(compareWording(said.replace('Log4J2', 'Log4J1'), said).kind, 'differs');
  });

  it('a part quoted alone is faithful, from the start, the end or the middle', function () {
    assert.deepStrictEqual(compareWording('not aware of any specific cyber threat against the Olympics', FBI), { kind: 'faithful' });
    assert.deepStrictEqual(compareWording(FBI, 'The FBI to date is not aware of any specific cyber threat'), { kind: 'faithful' });
    // Quoted later on, and then changed: the change is named.
    assert.deepStrictEqual(compareWording('is not aware of any specific cyber threat against these Olympics, but encourages partners', FBI).kind, 'differs');
  });

  it('the corpus check reports the difference, and stays quiet about an elision', function () {
    const article = (n: number, source: string, date: string, quote: string) => `# Statement ${n}\n\n## Information:\n+ Source: ${source}\n+ Link: [article](https://news.example/s${n})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\nThe bureau said: “${quote}”\n`;
    const LONG = `${FBI} We will keep working with our partners in Japan and around the world to share information about threats as they arise.`;
    const check = (mine: string, theirs: string) => {
      const index = new CorpusIndex();
      [article(0, 'Wire', 'Jul 21, 2021', mine), article(1, 'Post', 'Jul 22, 2021', theirs)].forEach((t, n) => {
        index.set({ facts: extractFacts(`file:///q/${n}.txt`, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
      });
      return checkConsistency(index, 'file:///q/0.txt').filter((d) => d.code === 'quote.altered').map((d) => d.message);
    };
    assert.deepStrictEqual(check(FBI.replace('the Olympics', 'these Olympics'), FBI), ['This quotation is worded differently in Post (Jul 22, 2021, later): there “…against the Olympics,…”, here “…against these Olympics,…”.']);
    assert.deepStrictEqual(check(LONG.replace('and maintain best practices', '…'), LONG.replace('the Olympics', 'these Olympics')), ['This quotation is worded differently in Post (Jul 22, 2021, later): there “…against these Olympics,…”, here “…against the Olympics,…”.']);
    assert.deepStrictEqual(check(FBI.replace('is not aware of any specific cyber threat against the Olympics, but ', '… '), FBI), []);
    // Two advisories cast in one template are two statements, not one reworded.
    const advisory = (kind: string) => `${kind} vulnerability exists when the Windows Print Spooler service improperly performs privileged file operations. An attacker who successfully exploited this vulnerability could run arbitrary code with SYSTEM privileges.`;
    assert.deepStrictEqual(check(advisory('An elevation of privilege'), advisory('A remote code execution')), []);
  });

  it('months apart, the same words are boilerplate said again for another event, not a retelling', function () {
    const article = (source: string, date: string, quote: string) => `# A statement\n\n## Information:\n+ Source: ${source}\n+ Link: [article](https://news.example/${source})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\nThe bureau said: “${quote}”\n`;
    const check = (theirDate: string) => {
      const index = new CorpusIndex();
      [['mine', article('Wire', 'Jan 31, 2022', FBI.replace('the Olympics', 'these Olympics'))], ['theirs', article('Post', theirDate, FBI)]].forEach(([name, t]) => {
        index.set({ facts: extractFacts(`file:///q/${name}.txt`, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
      });
      return checkConsistency(index, 'file:///q/mine.txt').filter((d) => d.code === 'quote.altered').length;
    };
    // The FBI's advice for the Tokyo Games in July and for Beijing's in January.
    assert.deepStrictEqual([check('Jul 20, 2021'), check('Jan 20, 2022')], [0, 1]);
  });

  it('names the earliest other wording, whatever the files are called', function () {
    const article = (source: string, date: string, quote: string) => `# A statement\n\n## Information:\n+ Source: ${source}\n+ Link: [article](https://news.example/${source})\n+ Date: ${date}\n+ Author: Jane Roe\n\n## Article:\nThe bureau said: “${quote}”\n`;
    const messages = (files: [string, string][]) => {
      const index = new CorpusIndex();
      for (const [name, t] of files) index.set({ facts: extractFacts(`file:///q/${name}.txt`, t, parse(t).article), lineStarts: lineStartsOf(t), origin: 'workspace' });
      return checkConsistency(index, 'file:///q/mine.txt').filter((d) => d.code === 'quote.altered').map((d) => d.message);
    };
    const mine: [string, string] = ['mine', article('Wire', 'Jul 30, 2021', FBI)];
    const later = article('Post', 'Jul 25, 2021', FBI.replace('the Olympics', 'these Olympics'));
    const earlier = article('Herald', 'Jul 22, 2021', FBI.replace('to date', 'so far'));
    const undated = article('Gazette', 'Unknown', FBI.replace('digital environments', 'online environments'));
    const expected = ['This quotation is worded differently in Herald (Jul 22, 2021, earlier): there “…FBI so far is…”, here “…FBI to date is…”.'];
    // The earlier article sorts last by path, then first: the same one is named.
    assert.deepStrictEqual(messages([mine, ['a', later], ['b', undated], ['z', earlier]]), expected);
    assert.deepStrictEqual(messages([mine, ['a', earlier], ['b', undated], ['z', later]]), expected);
    // Undated articles come after dated ones.
    assert.deepStrictEqual(messages([mine, ['a', undated], ['z', later]]).map((m) => m.slice(0, 60)), ['This quotation is worded differently in Post (Jul 25, 2021, ']);
  });

  it('two statements in one template are distinct: several words of their own where they part, none shared', function () {
    assert.deepStrictEqual(compareWording('An elevation of privilege vulnerability exists when the service fails to check input.', 'A remote code execution vulnerability exists when the service fails to check input.'), { kind: 'distinct' });
    // A paraphrase inside the quotation marks shares a word, or has fewer words of its own: still a rewording.
    assert.strictEqual(compareWording('the use of AVs and EDR products is rising across all sectors', 'the use of antivirus and endpoint detection and response products is rising across all sectors').kind, 'differs');
    assert.strictEqual(compareWording('Unfortunately, many companies still do not patch their servers in time.', 'It is unfortunate that many companies still do not patch their servers in time.').kind, 'differs');
    // Different to the end is no template: the rest of the quotation differs too.
    assert.strictEqual(compareWording('The breach was small and contained quickly by the team', 'The breach affected millions of people across the country').kind, 'differs');
  });
});
