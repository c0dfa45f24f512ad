/**
 * Tag hygiene: the seeds' real tag problems, each with its exact fix, and
 * the tags that look odd but are fine. Key/value tags of the newer layout are
 * checked for emptiness and exact duplicates; data groups are left alone.
 */
import * as assert from 'assert';
import { coreOf, isSubjectTag } from '../server/src/core/check/tags';
import { applyEdits, nonOverlapping } from '../server/src/core/diagnostics';
import { applyFix, article, check, codes, diagnostics, fixFor, run, seed, spanText } from './helpers/fixture';

/** An old-layout article whose tag line is `line`. */
const tagged = (line: string, source = 'ThreatPost') => article({
  info: { Source: source, Link: '[article](https://threatpost.com/x/1/)', Date: 'August 28, 2021  12:58 pm', Author: 'Lisa Vaas' },
  tags: line,
});

/** The tag line of an old-layout article. */
const tagLine = (text: string) => text.slice(text.indexOf('#### Tags:\n') + 11).replace(/\n$/, '');

/** Applies a fix to a tag line and returns the new tag line. */
const fixLine = (line: string, code: string, on?: string, source?: string) => tagLine(applyFix(tagged(line, source), code, on === undefined ? {} : { on }));

/** The tag findings of a line, as `[code, tag]` pairs. */
const findings = (line: string, source?: string) => {
  const text = tagged(line, source);
  return run(text).diagnostics.filter((d) => d.code.startsWith('tags.')).map((d) => [d.code, spanText(text, d)]);
};

const newLayout = (sections: string) => article({ layout: 'new', tags: sections });

/** An article whose body is `body` and whose tag line is `line`, under `title` when given. */
const withBody = (body: string, line: string, title?: string) => article({
  title, info: { Source: 'ThreatPost', Link: '[article](https://threatpost.com/x/1/)', Date: 'August 28, 2021  12:58 pm', Author: 'Lisa Vaas' },
  body, tags: line,
});

/** Every preferred fix of a text applied together in one pass, as `check --fix` and "fix all" apply them. */
const fixAll = (text: string) => applyEdits(text, run(text).diagnostics.flatMap((d) => d.fixes?.filter((f) => f.preferred).flatMap((f) => f.edits) ?? []));

describe('tags', () => {
  describe('the seeds', () => {
    it('seed 000: exactly its five tag problems', () => {
      const text = seed('000');
      assert.deepStrictEqual(run(text).diagnostics.map((d) => [d.code, spanText(text, d)]), [
        ['tags.possessive', '[[T-Mobile’s]]'],
        ['tags.case-variant', '[[Threatpost]]'],
        ['tags.stop-word', '[[it’s]]'],
        ['tags.punctuation', '[[numbers,]]'],
        ['tags.punctuation', '[[Aug.]]'],
      ]);
    });
    it('seed 001: [[names,]]', () => {
      const text = seed('001');
      assert.deepStrictEqual(run(text).diagnostics.filter((d) => d.code.startsWith('tags.')).map((d) => [d.code, spanText(text, d)]), [['tags.punctuation', '[[names,]]']]);
    });
    it('seed 002: exactly its five tag problems', () => {
      const text = seed('002');
      assert.deepStrictEqual(run(text).diagnostics.map((d) => [d.code, spanText(text, d)]), [
        ['tags.stop-word', '[[it’s]]'],
        ['tags.possessive', '[[T-Mobile’s]]'],
        ['tags.punctuation', '[[breach,]]'],
        ['tags.possessive', '[[customers’]]'],
        ['tags.case-variant', '[[Threatpost]]'],
      ]);
    });
    it('seed 000 messages, with positions', () => {
      assert.deepStrictEqual(check(seed('000')), [
        ['tags.possessive', '158:24', '[[T-Mobile’s]] is a possessive; tag the name itself, [[T-Mobile]].'],
        ['tags.case-variant', '158:65', '[[Threatpost]] and [[ThreatPost]] differ only in case; keep one spelling, [[ThreatPost]] (as the Source writes it).'],
        ['tags.stop-word', '158:80', '[[it’s]] is a common word, not a subject: it links this article to nothing useful.'],
        ['tags.punctuation', '158:89', '[[numbers,]] looks cut from a sentence of the article, not a subject.'],
        ['tags.punctuation', '158:114', '[[Aug.]] has punctuation stuck to it, but [[Aug]] would link this article to nothing useful: a month is no subject.'],
      ]);
    });
    const SEED0_LINE = '[[T-Mobile]] [[Binns]] [[T-Mobile’s]] [[WSJ]] [[cybersecurity]] [[Threatpost]] [[it’s]] [[numbers,]] [[Sievert]] [[Aug.]] [[ThreatPost]]';
    it('seed 000: the [[it’s]] fix removes it', () => {
      assert.strictEqual(tagLine(applyFix(seed('000'), 'tags.stop-word')), SEED0_LINE.replace('[[it’s]] ', ''));
    });
    it('seed 000: the [[T-Mobile’s]] fix removes it, because [[T-Mobile]] is there', () => {
      const { fix } = fixFor(seed('000'), 'tags.possessive');
      assert.strictEqual(fix.title, 'Remove [[T-Mobile’s]] ([[T-Mobile]] is already a tag)');
      assert.strictEqual(tagLine(applyFix(seed('000'), 'tags.possessive')), SEED0_LINE.replace('[[T-Mobile’s]] ', ''));
    });
    it('seed 000: [[numbers,]], a word of the article\'s sentences, is removed; the other fix keeps [[numbers]]', () => {
      assert.strictEqual(tagLine(applyFix(seed('000'), 'tags.punctuation', { on: '[[numbers,]]' })), SEED0_LINE.replace('[[numbers,]] ', ''));
      const { fix } = fixFor(seed('000'), 'tags.punctuation', { on: '[[numbers,]]', title: 'Change to [[numbers]]' });
      assert.ok(fix && !fix.preferred);
    });
    it('seed 000: [[Aug.]], a month, is removed rather than become [[Aug]]', () => {
      assert.strictEqual(tagLine(applyFix(seed('000'), 'tags.punctuation', { on: '[[Aug.]]' })), SEED0_LINE.replace('[[Aug.]] ', ''));
    });
    it('seed 000: [[Threatpost]] goes, [[ThreatPost]] (the Source\'s spelling) stays', () => {
      const { diagnostic, fix } = fixFor(seed('000'), 'tags.case-variant');
      assert.strictEqual(fix.title, 'Remove [[Threatpost]] (keep [[ThreatPost]])');
      assert.strictEqual(spanText(seed('000'), diagnostic.related![0]), '[[ThreatPost]]');
      assert.strictEqual(tagLine(applyFix(seed('000'), 'tags.case-variant')), SEED0_LINE.replace('[[Threatpost]] ', ''));
    });
    it('seed 001: [[names,]] is removed', () => {
      const fixed = applyFix(seed('001'), 'tags.punctuation');
      assert.strictEqual(fixed, seed('001').replace(/ ?\[\[names,\]\] ?/, (m) => (m.startsWith(' ') && m.endsWith(' ') ? ' ' : '')));
    });
    it('seed 002: [[customers’]], cut from "customers’ data", is removed (a tag [[customers]] would link nothing)', () => {
      const fixed = applyFix(seed('002'), 'tags.possessive', { on: '[[customers’]]' });
      assert.strictEqual(fixed, seed('002').replace('[[customers’]] ', ''));
    });
    it('seed 002: [[breach,]] is removed', () => {
      assert.ok(!applyFix(seed('002'), 'tags.punctuation').includes('[[breach'));
    });
    it('seed 002: the last-but-one [[Threatpost]] goes with its space', () => {
      assert.strictEqual(applyFix(seed('002'), 'tags.case-variant'), seed('002').replace('[[Threatpost]] ', ''));
    });
    it('every preferred fix on the seeds, one at a time, leaves clean tags eventually', () => {
      for (const name of ['000', '001', '002']) {
        let text = seed(name);
        for (let round = 0; round < 20; round++) {
          const d = run(text).diagnostics.find((x) => x.code.startsWith('tags.') && x.fixes?.some((f) => f.preferred));
          if (!d) break;
          text = applyEdits(text, d.fixes!.find((f) => f.preferred)!.edits);
        }
        assert.deepStrictEqual(codes(text).filter((c) => c.startsWith('tags.')), [], name);
      }
      let text = seed('000');
      for (let i = 0; i < 10; i++) {
        const d = run(text).diagnostics.find((x) => x.code.startsWith('tags.'));
        if (!d) break;
        text = applyEdits(text, d.fixes!.find((f) => f.preferred)!.edits);
      }
      assert.strictEqual(tagLine(text), '[[T-Mobile]] [[Binns]] [[WSJ]] [[cybersecurity]] [[Sievert]] [[ThreatPost]]');
    });
  });

  describe('choices a writer would make', () => {
    it('of two spellings, keep the one the body writes, else the one with capitals', () => {
      const ps = withBody('The attackers ran PowerShell scripts.', '[[powershell]] [[PowerShell]]');
      assert.strictEqual(tagLine(applyFix(ps, 'tags.case-variant')), '[[PowerShell]]');
      // A file name is no spelling of the word: "powershell.exe" three times, PowerShell in prose twice.
      const exe = withBody('It ran PowerShell. Then powershell.exe, C:\\Windows\\powershell.exe and /usr/bin/powershell ran PowerShell again.', '[[powershell]] [[PowerShell]]');
      assert.strictEqual(tagLine(applyFix(exe, 'tags.case-variant')), '[[PowerShell]]');
      const dll = withBody('They loaded a library.', '[[dll]] [[DLL]]');
      assert.strictEqual(tagLine(applyFix(dll, 'tags.case-variant')), '[[DLL]]');
    });
    it('a file\'s extension is no use of the word: [[DLL]] stays over [[dll]] of "192145.dll," and "ntdll.dll+"', () => {
      // The DFIR report on Conti: its file names wrote "dll" more often than its prose wrote "DLL".
      const text = withBody('It dropped 192145.dll, then ntdll.dll+0x1c loaded it. The DLL ran.', '[[dll]] [[DLL]]');
      assert.deepStrictEqual(run(text).diagnostics.map((d) => [d.code, spanText(text, d)]), [['tags.case-variant', '[[dll]]']]);
      assert.strictEqual(tagLine(applyFix(text, 'tags.case-variant')), '[[DLL]]');
    });
    it('a tie goes to the spelling with more capitals, the brand\'s, wherever it stands: [[CrowdStrike]] over [[Crowdstrike]]', () => {
      const body = 'CrowdStrike beat estimates. Crowdstrike said revenue grew.';
      for (const line of ['[[Crowdstrike]] [[CrowdStrike]]', '[[CrowdStrike]] [[Crowdstrike]]']) {
        assert.strictEqual(tagLine(applyFix(withBody(body, line), 'tags.case-variant')), '[[CrowdStrike]]', line);
      }
    });
    it('an acronym in capitals is no common word: [[IT]], [[WHO]] stay', () => {
      assert.deepStrictEqual(findings('[[IT]] [[WHO]] [[it]]'), [['tags.stop-word', '[[it]]']]);
    });
    it('a contraction is a common word, with either apostrophe: [[couldn’t]], [[don\'t]]', () => {
      assert.deepStrictEqual(findings('[[couldn’t]] [[Acme]] [[don\'t]]'), [['tags.stop-word', '[[couldn’t]]'], ['tags.stop-word', '[[don\'t]]']]);
      assert.ok(!isSubjectTag('couldn’t'));
    });
    it('a word of the title keeps its tag, cleaned: [[fraud.]] of "Brazil advances efforts to tackle electronic fraud"', () => {
      // Cut from a sentence like "[[wrote.]]", but what the article is about: removing it left only [[ZDNet]].
      const text = withBody('The plan targets electronic fraud. Banks lose billions to fraud.', '[[fraud.]] [[ZDNet]]', 'Brazil advances efforts to tackle electronic fraud');
      const { diagnostic, fix } = fixFor(text, 'tags.punctuation');
      assert.strictEqual(diagnostic.message, '[[fraud.]] has punctuation stuck to it; the tag is [[fraud]], a word of the title.');
      assert.deepStrictEqual(diagnostic.fixes!.map((f) => [f.title, f.preferred ?? false]), [['Change to [[fraud]]', true], ['Remove [[fraud.]]', false]]);
      assert.strictEqual(tagLine(applyEdits(text, fix.edits)), '[[fraud]] [[ZDNet]]');
      // Any case, a word of its own or of a compound: "Cryptocurrency", "Catfishing-Malware" count, "frauds" does not.
      assert.strictEqual(tagLine(fixAll(withBody('Crooks love cryptocurrency. They cash out cryptocurrency.', '[[cryptocurrency.]]', 'Why Cryptocurrency is the Perfect Getaway Car'))), '[[cryptocurrency]]');
      assert.strictEqual(tagLine(fixAll(withBody('The lure delivered malware, then more malware.', '[[malware,]]', 'Iranian APT Lures Defense Contractor in Catfishing-Malware Scam'))), '[[malware]]');
      assert.strictEqual(tagLine(fixAll(withBody('The plan targets fraud. Banks lose billions to fraud.', '[[fraud.]] [[ZDNet]]', 'Banks fight frauds and fraudsters'))), '[[ZDNet]]');
    });
    it('a common word of the title is no subject for it: [[day,]] of "Mac Zero-Day Targets …", [[out.]] of "… out of date …" are removed', () => {
      // Both from the real corpus, where `--fix` made them [[day]] and [[out]].
      const day = withBody('The zero-day was used for a day, then patched.', '[[day,]] [[Apple]]', 'Mac Zero-Day Targets Apple Devices in Hong Kong');
      const { diagnostic } = fixFor(day, 'tags.punctuation');
      assert.deepStrictEqual(diagnostic.fixes!.map((f) => [f.title, f.preferred ?? false]), [['Remove [[day,]]', true], ['Change to [[day]]', false]]);
      assert.strictEqual(tagLine(fixAll(day)), '[[Apple]]');
      const out = withBody('Software that is out of date gets exploited, he pointed out.', '[[Atlassian]] [[out.]]', 'Some software on the internet is out of date and being exploited');
      assert.strictEqual(tagLine(fixAll(out)), '[[Atlassian]]');
      // The trade's own words stay, cleaned, as before: [[fraud.]] (above), [[data,]].
      assert.strictEqual(tagLine(fixAll(withBody('The data was sold. The data was old.', '[[data,]]', 'Data of millions leaked'))), '[[data]]');
    });
    it('a common word, a shout or a lone letter cleaned of its punctuation is removed, not renamed: [[Well,]], [[SEE:]], [[(please]], [[/c]]', () => {
      // All from the real corpus: a podcast's "Well, …", ZDNet's "**SEE:** …" links, a poll's "(please …", a command's "/c".
      const body = 'Well, that is fair. **SEE:** Hackers hit the firm.\n\nNext, run cmd /c whoami (please check). Overall, it worked.';
      const text = withBody(body, '[[Well,]] [[SEE:]] [[(please]] [[/c]] [[Next,]] [[Overall,]] [[Acme]]');
      assert.deepStrictEqual(run(text).diagnostics.filter((d) => d.code.startsWith('tags.')).map((d) => [d.code, spanText(text, d), d.fixes!.map((f) => [f.title, f.preferred ?? false])]), [
        ['tags.stop-word', '[[Well,]]', [['Remove [[Well,]]', true]]],
        ['tags.stop-word', '[[SEE:]]', [['Remove [[SEE:]]', true]]],
        ['tags.stop-word', '[[(please]]', [['Remove [[(please]]', true]]],
        ['tags.stop-word', '[[/c]]', [['Remove [[/c]]', true]]],
        ['tags.stop-word', '[[Next,]]', [['Remove [[Next,]]', true]]],
        ['tags.stop-word', '[[Overall,]]', [['Remove [[Overall,]]', true]]],
      ]);
      assert.strictEqual(tagLine(fixAll(text)), '[[Acme]]');
      assert.strictEqual(run(text).diagnostics.find((d) => spanText(text, d) === '[[SEE:]]')!.message,
        '[[SEE:]] is a common word, “SEE”, that ends in a colon: not a subject, it links this article to nothing useful.');
      // Written capitalised inside a sentence, the word is a name or an acronym, and is cleaned as before: [[Touch,]] of
      // "Touch ID", [[WHO,]] of "the WHO said"; two capitals are always an acronym ([[IT:]]).
      const names = withBody('Unlock it with Touch ID. The WHO said so, and IT: staff agreed.', '[[Touch,]] [[WHO,]] [[IT:]]');
      assert.strictEqual(tagLine(fixAll(names)), '[[Touch]] [[WHO]] [[IT]]');
    });
    it('a small word of the body with a sentence\'s punctuation on it is removed; a name keeps the fix that cleans it', () => {
      const text = withBody('The researcher wrote that Acme was hit.', '[[wrote.]] [[Acme,]]');
      assert.strictEqual(tagLine(applyFix(text, 'tags.punctuation', { on: '[[wrote.]]' })), '[[Acme,]]');
      assert.strictEqual(tagLine(applyFix(text, 'tags.punctuation', { on: '[[Acme,]]' })), '[[wrote.]] [[Acme]]');
    });
  });

  describe('a flood of one finding', () => {
    it('lists the first 200 of a kind in an article, then one that counts the rest', () => {
      const text = tagged(Array.from({ length: 350 }, () => '[[Acme]]').join(' '));
      const dups = diagnostics(text, 'tags.duplicate');
      assert.strictEqual(dups.length, 201);
      assert.match(dups[200].message, /^149 more findings like the ones before \(tags\.duplicate\) in this article are not listed\./);
      assert.strictEqual(dups[200].fixes, undefined);
    });
  });

  describe('tags.stop-word', () => {
    it('[[it’s]], [[It’s]], [[it\'s]]', () => {
      assert.deepStrictEqual(findings('[[it’s]] [[It’s]] [[it\'s]] [[Binns]]').map((f) => f[0]), ['tags.stop-word', 'tags.stop-word', 'tags.stop-word']);
    });
    it('[[said.]], [[“The]], [[However,]]: common words under punctuation', () => {
      assert.deepStrictEqual(findings('[[said.]] [[“The]] [[However,]] [[Binns]]').map((f) => f[0]), ['tags.stop-word', 'tags.stop-word', 'tags.stop-word']);
    });
    it('the message names the punctuation stuck to the common word, and the fix still removes the tag', () => {
      const messages = (line: string) => run(tagged(line)).diagnostics.filter((d) => d.code === 'tags.stop-word').map((d) => d.message);
      const useless = 'not a subject, it links this article to nothing useful.';
      assert.deepStrictEqual(messages('[[said.]] [[“The]] [[“However,]] [[“the”]] [[[a]]] [[said.”]] [[“What’s]] [[Binns]]'), [
        `[[said.]] is a common word, “said”, that ends in a full stop: ${useless}`,
        `[[“The]] is a common word, “The”, that opens on a quotation mark: ${useless}`,
        `[[“However,]] is a common word, “However”, that opens on a quotation mark and ends in a comma: ${useless}`,
        `[[“the”]] is a common word, “the”, that stands in quotation marks: ${useless}`,
        `[[[a]]] is a common word, “a”, that stands in brackets: ${useless}`,
        `[[said.”]] is a common word, “said”, that ends in a full stop and a quotation mark: ${useless}`,
        `[[“What’s]] is a common word, “What’s”, that opens on a quotation mark: ${useless}`,
      ]);
      // Without punctuation the message says no more than that.
      assert.deepStrictEqual(messages('[[it’s]] [[Binns]]'), ['[[it’s]] is a common word, not a subject: it links this article to nothing useful.']);
      // Cleaned, "[[said.]]" would be "[[said]]", still no subject: the fix removes it rather than offer that.
      assert.strictEqual(fixLine('[[Alpha]] [[said.]] [[Beta]]', 'tags.stop-word'), '[[Alpha]] [[Beta]]');
      assert.deepStrictEqual(fixFor(tagged('[[said.]] [[Beta]]'), 'tags.stop-word').diagnostic.fixes!.map((f) => f.title), ['Remove [[said.]]']);
    });
    it('[[What’s]] and [[there’s]] are contractions of common words, not possessives', () => {
      assert.deepStrictEqual(findings('[[What’s]] [[there’s]] [[Binns]]'), [['tags.stop-word', '[[What’s]]'], ['tags.stop-word', '[[there’s]]']]);
    });
    it('[[[a]]]: a bracketed common word', () => assert.deepStrictEqual(findings('[[Botnet]] [[[a]]] [[Apps]]'), [['tags.stop-word', '[[[a]]]']]));
    it('the fix removes the tag and one space', () => assert.strictEqual(fixLine('[[Alpha]] [[the]] [[Beta]]', 'tags.stop-word'), '[[Alpha]] [[Beta]]'));
    it('the fix on the first tag takes the space after it', () => assert.strictEqual(fixLine('[[the]] [[Beta]]', 'tags.stop-word'), '[[Beta]]'));
    it('the fix on the last tag takes the space before it', () => assert.strictEqual(fixLine('[[Alpha]] [[the]]', 'tags.stop-word'), '[[Alpha]]'));
    it('the fix on the only tag leaves an empty line', () => assert.strictEqual(fixLine('[[the]]', 'tags.stop-word'), ''));
  });

  describe('tags.punctuation', () => {
    it('[[numbers,]], [[names,]], [[breach,]]', () => {
      // Without a body to have cut it from, [[numbers,]] is a common word under punctuation, as [[said.]] is (below).
      assert.deepStrictEqual(findings('[[numbers,]] [[names,]] [[breach,]]').map((f) => f[0]), ['tags.stop-word', 'tags.punctuation', 'tags.punctuation']);
      assert.deepStrictEqual(findings('[[attacks,]] [[names,]] [[breach,]]').map((f) => f[0]), ['tags.punctuation', 'tags.punctuation', 'tags.punctuation']);
    });
    it('[[Aug.]] and [[wrote.]]', () => assert.deepStrictEqual(findings('[[Aug.]] [[wrote.]]').map((f) => f[0]), ['tags.punctuation', 'tags.stop-word']));
    it('quotes and brackets around a word: [[“BlackMatter]], [[(RCE)]], [["Squid]]', () => {
      assert.strictEqual(fixLine('[[“BlackMatter]]', 'tags.punctuation'), '[[BlackMatter]]');
      assert.strictEqual(fixLine('[[(RCE)]]', 'tags.punctuation'), '[[RCE]]');
      assert.strictEqual(fixLine('[["Squid]]', 'tags.punctuation'), '[[Squid]]');
    });
    it('the message names the clean tag', () => {
      assert.deepStrictEqual(check(tagged('[[names,]]')).map((f) => f[2]), ['[[names,]] has punctuation stuck to it; the tag is [[names]].']);
    });
    it('the fix removes the tag when the clean form is already there', () => {
      const { fix } = fixFor(tagged('[[Threatpost.]] [[ThreatPost]]'), 'tags.punctuation');
      assert.strictEqual(fix.title, 'Remove [[Threatpost.]] ([[Threatpost]] is already a tag)');
      assert.strictEqual(fixLine('[[Threatpost.]] [[ThreatPost]]', 'tags.punctuation'), '[[ThreatPost]]');
    });
    it('the fix rewrites the name otherwise', () => {
      const { fix } = fixFor(tagged('[[names,]]'), 'tags.punctuation');
      assert.strictEqual(fix.title, 'Change to [[names]]');
      assert.strictEqual(fix.preferred, true);
    });
    it('[[U.S.,]] keeps the abbreviation\'s dot', () => assert.strictEqual(fixLine('[[U.S.,]]', 'tags.punctuation'), '[[U.S.]]'));
    it('[[(e.g.,]] is removed, not cleaned into [[e.g.]]', () => assert.strictEqual(fixLine('[[Alpha]] [[(e.g.,]]', 'tags.stop-word'), '[[Alpha]]'));
    it('[[D8b3.dll.]] loses the sentence\'s dot, keeps the file name\'s', () => assert.strictEqual(fixLine('[[D8b3.dll.]]', 'tags.punctuation'), '[[D8b3.dll]]'));
    it('[[--]] is only punctuation, and the fix removes it', () => {
      assert.deepStrictEqual(check(tagged('[[Alpha]] [[--]]')).map((f) => [f[0], f[2]]), [['tags.punctuation', '[[--]] is only punctuation, not a subject.']]);
      assert.strictEqual(fixLine('[[Alpha]] [[--]]', 'tags.punctuation'), '[[Alpha]]');
    });
    it('a month, a weekday, an honorific, an initial or a statute\'s abbreviation is removed, not cleaned into a tag', () => {
      // All from the corpus: [[Sept.]] six times, [[Mr.]] four, [[B.]] of "B. Braun", [[Bus.]] of "Cal. Bus. & Prof. Code".
      const line = '[[Sept.]] [[Nov.]] [[Mr.]] [[Acme]] [[B.]] [[Bus.]] [[Civ.]] [[Stat.]] [[Prof.]] [[Monday,]] [[Wednesday.]]';
      const text = withBody('On Sept. 8 Mr. Smith of B. Braun read Cal. Bus. & Prof. Code § 22575.', line);
      // Each is offered for removal only: [[Sept]], [[Mr]] or [[Bus]] would be no better.
      assert.deepStrictEqual(run(text).diagnostics.filter((d) => d.code.startsWith('tags.')).map((d) => [d.code, d.fixes!.map((f) => f.title)]),
        line.split(' ').filter((t) => t !== '[[Acme]]').map((t) => ['tags.punctuation', [`Remove ${t}`]]));
      assert.strictEqual(tagLine(fixAll(text)), '[[Acme]]');
      assert.deepStrictEqual(check(tagged('[[Mr.]] [[Acme]]')).map((f) => f[2]), ['[[Mr.]] has punctuation stuck to it, but [[Mr]] would link this article to nothing useful: an honorific is no subject.']);
      // Without its dot "Bus" is a word like any other, and [[Bus,]] a bus.
      assert.strictEqual(fixLine('[[Bus,]] [[Acme]]', 'tags.punctuation'), '[[Bus]] [[Acme]]');
    });
    it('a short word the body writes only with its dot, with the sentence going on after it, is an abbreviation: [[Corp.]]', () => {
      assert.strictEqual(tagLine(fixAll(withBody('Acme Corp. said it was hit. Acme Corp. is big.', '[[Corp.]] [[Acme]]'))), '[[Acme]]');
      // A name at a sentence's end is no abbreviation, nor one the body also writes without the dot.
      assert.strictEqual(tagLine(fixAll(withBody('The flaw was found by Rivet. Then it was fixed.', '[[Rivet.]] [[Acme]]'))), '[[Rivet]] [[Acme]]');
      assert.strictEqual(tagLine(fixAll(withBody('Zoom said Zoom. is fine. Zoom is big.', '[[Zoom.]] [[Acme]]'))), '[[Zoom]] [[Acme]]');
    });
    it('one word of a longer name the body writes becomes that name: [[Hat:]] of Black Hat, [[Strike,]] of Cobalt Strike', () => {
      const hat = withBody('At Black Hat USA a talk drew a crowd.\n\n* [Black Hat: Hackers](https://x.test/1)\n* [Black Hat: When pen testers](https://x.test/2)', '[[Hat:]] [[NSA]]');
      assert.deepStrictEqual(check(hat).map((f) => f[2]), ['[[Hat:]] is one word of a longer name; the tag is [[Black Hat]].']);
      assert.strictEqual(tagLine(applyFix(hat, 'tags.punctuation')), '[[Black Hat]] [[NSA]]');
      assert.strictEqual(fixFor(hat, 'tags.punctuation', { title: 'Change to [[Hat]]' }).fix.preferred, undefined);
      // Two names: the more frequent one ("Vermilion Strike" is the Linux port, written less).
      const strike = withBody('A port of Cobalt Strike was found. It leans on Cobalt Strike code, and Vermilion Strike runs on Linux. Dubbed Vermilion Strike, the port is new. Unlike Cobalt Strike, it is not sold.', '[[Strike,]] [[Linux]]');
      assert.strictEqual(tagLine(applyFix(strike, 'tags.punctuation')), '[[Cobalt Strike]] [[Linux]]');
      // "New" and "Let's" open names; a quoted name is found in its quotes.
      assert.strictEqual(tagLine(fixAll(withBody('States like Texas, New York, California. Then New York, which had more.', '[[York,]] [[Texas]]'))), '[[New York]] [[Texas]]');
      assert.strictEqual(tagLine(fixAll(withBody('A certificate from Let\'s Encrypt, a nonprofit, expired. Let\'s Encrypt said so.', '[[Encrypt,]]'))), '[[Let\'s Encrypt]]');
      assert.strictEqual(tagLine(fixAll(withBody('They named it "Praying Mantis" in the report. "Praying Mantis" managed to hide.', '[[Mantis"]]'))), '[[Praying Mantis]]');
      // The full name is a tag already: the cut word goes.
      assert.strictEqual(tagLine(fixAll(withBody('A port of Cobalt Strike was found. Unlike Cobalt Strike, it is free.', '[[Cobalt Strike]] [[Strike,]]'))), '[[Cobalt Strike]]');
    });
    it('among names of one word, the one the title writes: [[Korea,]] of "North Korean hackers target the South\'s think tanks"', () => {
      const body = 'Topics pertaining to North Korea, China and Russia. Servers in South Korea, Japan and the US. Entities in South Korea were hit. North Korea, it said.';
      assert.strictEqual(tagLine(fixAll(withBody(body, '[[Korea,]]', 'North Korean hackers target the South\'s think tanks'))), '[[North Korea]]');
    });
    it('no longer name when the word stands alone as often, when two names are as likely, or when the word is a tag', () => {
      // The speaker's label of a podcast: "Vaas:" four times alone, once after "Lisa".
      assert.strictEqual(tagLine(fixAll(withBody('Lisa Vaas: Hi.\n\nVaas: Yes.\n\nVaas: No.\n\nVaas: Bye.', '[[Vaas:]]'))), '[[Vaas]]');
      // "Mozilla, MacArthur and Ford foundations": once each, neither in the title as a name; or each as often, both in it.
      assert.strictEqual(tagLine(fixAll(withBody('The Mozilla Foundation, the MacArthur and the Ford Foundation, all three.', '[[Foundation,]]'))), '[[Foundation]]');
      const both = 'The Mozilla Foundation, with the Ford Foundation and others, wrote. The Ford Foundation, with the Mozilla Foundation and others, too.';
      assert.strictEqual(tagLine(fixAll(withBody(both, '[[Foundation,]]', 'Mozilla Foundation and Ford Foundation unite'))), '[[Foundation]]');
      // Five Dallas roads, Hillcrest Road twice: no one of them is the tag.
      assert.strictEqual(tagLine(fixAll(withBody('Near Hillcrest Road, Inwood Road and Preston Road. Also Hillcrest Road, again.', '[[Road,]]'))), '[[Road]]');
      // A name written once is no proof: "Signal Launches Change Number" is a headline's words.
      assert.strictEqual(tagLine(fixAll(withBody('Signal Launches Change Number” Feature. The app lets users move.', '[[Number”]]'))), '[[Number]]');
      assert.strictEqual(tagLine(fixAll(withBody('Get Ivacy VPN: cheap. Ivacy VPN: again.', '[[VPN:]] [[VPN]]'))), '[[VPN]]');
      // A possessive of another name is no part of it ("Let's Encrypt" is: the body never writes "Let" alone).
      assert.strictEqual(tagLine(fixAll(withBody('They said Apple’s Siri listens. Apple said Siri is safe, but Apple’s Siri, again, listens.', '[[Siri,]]'))), '[[Siri]]');
    });
  });

  describe('tags.possessive', () => {
    it('[[T-Mobile’s]] alone: the fix rewrites it to [[T-Mobile]]', () => {
      assert.deepStrictEqual(findings('[[T-Mobile’s]] [[Binns]]'), [['tags.possessive', '[[T-Mobile’s]]']]);
      assert.strictEqual(fixLine('[[T-Mobile’s]] [[Binns]]', 'tags.possessive'), '[[T-Mobile]] [[Binns]]');
    });
    it('[[T-Mobile’s]] with [[T-Mobile]]: the fix removes it', () => {
      assert.strictEqual(fixLine('[[T-Mobile]] [[T-Mobile’s]] [[Binns]]', 'tags.possessive'), '[[T-Mobile]] [[Binns]]');
    });
    it('[[T-Mobile\'s]] with a straight apostrophe', () => assert.strictEqual(fixLine('[[T-Mobile\'s]]', 'tags.possessive'), '[[T-Mobile]]'));
    it('[[customers’]]: a plural possessive', () => {
      assert.deepStrictEqual(check(tagged('[[customers’]]')).map((f) => f[2]), ['[[customers’]] is a possessive; tag the name itself, [[customers]].']);
      assert.strictEqual(fixLine('[[customers’]]', 'tags.possessive'), '[[customers]]');
    });
    it('[[Sophos’s]] and [[Huntress’]]', () => {
      assert.strictEqual(fixLine('[[Sophos’s]]', 'tags.possessive'), '[[Sophos]]');
      assert.strictEqual(fixLine('[[Huntress’]]', 'tags.possessive'), '[[Huntress]]');
    });
    it('a possessive with a comma after it: [[Apple’s,]]', () => assert.strictEqual(fixLine('[[Apple’s,]]', 'tags.possessive'), '[[Apple]]'));
    it('a possessive whose base exists in another case is removed', () => assert.strictEqual(fixLine('[[apple]] [[Apple’s]]', 'tags.possessive'), '[[apple]]'));
    it('[[customers’]] cut from the body\'s "customers’ data" is removed, not turned into [[customers]]', () => {
      const text = withBody('The customers’ data was stolen.', '[[customers’]] [[Acme]]');
      assert.deepStrictEqual(check(text).map((f) => f[2]), ['[[customers’]] looks cut from a sentence of the article, not a subject.']);
      assert.strictEqual(tagLine(applyFix(text, 'tags.possessive')), '[[Acme]]');
    });
    it('[[Network’s]] cut from "Poly Network’s": the tag is the name the body writes, [[Poly Network]]', () => {
      // The body writes the name twice, as the real article does (ten times): once is no proof of a name.
      const text = withBody('Poly Network was robbed. The hacker returned Poly Network’s funds. In March Microsoft’s team looked.', '[[Network’s]] [[Microsoft’s]]');
      assert.deepStrictEqual(check(text).map((f) => f[2]), [
        '[[Network’s]] is a possessive; tag the name itself, [[Poly Network]].',
        // A month before the name is no part of it.
        '[[Microsoft’s]] is a possessive; tag the name itself, [[Microsoft]].',
      ]);
      assert.strictEqual(tagLine(applyFix(text, 'tags.possessive', { on: '[[Network’s]]' })), '[[Poly Network]] [[Microsoft’s]]');
    });
    it('the longer name stops at a sentence\'s end and an honorific, and a tagged name makes the possessive go', () => {
      // "… and ThroughTek. Mandiant’s Red Team": was [[ThroughTek. Mandiant]] even with [[Mandiant]] on the line.
      const mandiant = 'It was disclosed by Mandiant, CISA and ThroughTek. Mandiant’s Red Team found it. As Mandiant explained, it is bad.';
      assert.strictEqual(tagLine(fixAll(withBody(mandiant, '[[Mandiant]] [[Mandiant’s]] [[Kalay]]'))), '[[Mandiant]] [[Kalay]]');
      assert.strictEqual(tagLine(fixAll(withBody(mandiant, '[[Mandiant’s]] [[Kalay]]'))), '[[Mandiant]] [[Kalay]]');
      // "Mr. Schober’s computer": was [[Mr. Schober]].
      const schober = 'When Andrew Schober downloaded it, he lost all. “The theft of Mr. Schober’s cryptocurrency was devastating for Mr. Schober,” the suit said.';
      const text = withBody(schober, '[[Schober]] [[Schober’s]] [[Bitcoin]]');
      assert.deepStrictEqual(fixFor(text, 'tags.possessive').diagnostic.fixes!.map((f) => f.title), ['Remove [[Schober’s]] ([[Schober]] is already a tag)']);
      assert.strictEqual(tagLine(fixAll(text)), '[[Schober]] [[Bitcoin]]');
      assert.strictEqual(tagLine(fixAll(withBody(schober, '[[Schober’s]]'))), '[[Schober]]');
      // Where the body writes the name mostly so: "Synapse. Razer’s" was [[Synapse. Razer]], "Mr Schober’s" [[Mr Schober]].
      assert.strictEqual(tagLine(fixAll(withBody('It ships with Synapse. Razer’s software runs it. It needs Synapse. Razer’s installer has the bug.', '[[Razer’s]]'))), '[[Razer]]');
      assert.strictEqual(tagLine(fixAll(withBody('The theft of Mr Schober’s coins hit Mr Schober hard.', '[[Schober’s]]'))), '[[Schober]]');
    });
    it('a sentence\'s first word or a person\'s name before it once is no part of the name: [[FIN7’s]], [[Facebook’s]]', () => {
      // "Given FIN7’s increased interest": "Given" is no name, though both uses of "Acme" here follow it.
      assert.strictEqual(tagLine(fixAll(withBody('Given Acme’s increased interest in ransomware, it will go on. Given Acme’s record, nobody is surprised.', '[[Acme’s]]'))), '[[Acme]]');
      // "Santosh Janardhan Facebook’s vice president" (a comma missing): once, against Facebook alone three times.
      const fb = 'Facebook went down. Santosh Janardhan Facebook’s vice president of infrastructure, wrote that Facebook was sorry. Facebook’s users waited.';
      assert.strictEqual(tagLine(fixAll(withBody(fb, '[[Facebook]] [[Facebook’s]]'))), '[[Facebook]]');
    });
    it('[[Zealand’s]] of "New Zealand’s": "New" is part of the name', () => {
      const text = withBody('On Friday, New Zealand’s CERT warned. New Zealand’s telecoms sector was hit, and New Zealanders were told.', '[[Flubot]] [[Zealand’s]]');
      assert.strictEqual(tagLine(applyFix(text, 'tags.possessive')), '[[Flubot]] [[New Zealand]]');
    });
    it('a longer name found, with its last word already a tag: the possessive goes, and the name is offered', () => {
      const text = withBody('A John Deere harvester was hacked. John Deere’s platform was breached, said John Deere.', '[[Deere]] [[Deere’s]]');
      assert.deepStrictEqual(fixFor(text, 'tags.possessive').diagnostic.fixes!.map((f) => [f.title, f.preferred ?? false]), [
        ['Remove [[Deere’s]] ([[Deere]] is already a tag)', true], ['Change to [[John Deere]]', false],
      ]);
    });
    it('a name whose ’s is its own stays as it is: [[McDonald’s]], [[Demon’s]] (the "Demon’s Cries" bug)', () => {
      // The body never writes the name without its ’s, and once as a sentence's subject or each time before the same
      // name. A body that does not write it at all tells nothing: then it is a possessive like any other.
      assert.deepStrictEqual(findings('[[McDonald’s]] [[Binns]]').map((f) => f[0]), ['tags.possessive']);
      assert.deepStrictEqual(run(withBody('McDonald’s UK game kicked off. McDonald’s said it changed the password of a McDonald’s server.', '[[McDonald’s]] [[Monopoly]]')).diagnostics, []);
      assert.deepStrictEqual(run(withBody('Three bugs, codenamed Demon’s Cries and Draconian Fear. The Demon’s Cries bug is critical.', '[[Netgear]] [[Demon’s]]')).diagnostics, []);
      // A possessive the body writes often is still one: "Iran’s leadership", "Iran’s train system", never "Iran" alone.
      assert.strictEqual(tagLine(fixAll(withBody('Hackers taunted Iran’s leadership. The attack on Iran’s train system stopped trains.', '[[Iran’s]]'))), '[[Iran]]');
    });
    it('[[Monday’s]] of "Monday’s patch" names a day, no subject: it is removed', () => {
      assert.deepStrictEqual(check(tagged('[[iPad]] [[Monday’s]]')).map((f) => f[2]), ['[[Monday’s]] is a possessive of a weekday, not a subject.']);
      assert.strictEqual(fixLine('[[iPad]] [[Monday’s]]', 'tags.possessive'), '[[iPad]]');
    });
  });

  describe('tags that are no subject', () => {
    it('[[Million)]] cut from "($600 Million)" is removed', () => {
      assert.deepStrictEqual(findings('[[Million)]] [[Poly Network]]'), [['tags.stop-word', '[[Million)]]']]);
      assert.strictEqual(fixLine('[[Million)]] [[Poly Network]]', 'tags.stop-word'), '[[Poly Network]]');
    });
    it('code or data pasted into a tag is removed, not "cleaned" into a tag with quotes inside', () => {
      const line = '[[%windir%\\sysnative\\runonce.exe","Method]] [[Trickbot]]';
      assert.deepStrictEqual(check(tagged(line)).map((f) => [f[0], f[2]]), [['tags.punctuation', '[[%windir%\\sysnative\\runonce.exe","Method]] is code or data pasted into a tag, not a subject.']]);
      assert.strictEqual(fixLine(line, 'tags.punctuation'), '[[Trickbot]]');
    });
  });

  describe('tags.case-variant and tags.duplicate', () => {
    it('[[Threatpost]] / [[ThreatPost]] keeps the Source\'s spelling wherever it stands', () => {
      assert.deepStrictEqual(findings('[[ThreatPost]] [[Threatpost]]'), [['tags.case-variant', '[[Threatpost]]']]);
      assert.deepStrictEqual(findings('[[Threatpost]] [[ThreatPost]]'), [['tags.case-variant', '[[Threatpost]]']]);
    });
    it('with another Source, the more frequent spelling wins, else the first', () => {
      assert.deepStrictEqual(findings('[[cloud]] [[Cloud]] [[Cloud]]', 'ZDNet'), [['tags.case-variant', '[[cloud]]'], ['tags.duplicate', '[[Cloud]]']]);
      assert.deepStrictEqual(findings('[[Cloud]] [[cloud]]', 'ZDNet'), [['tags.case-variant', '[[cloud]]']]);
    });
    it('the message names the kept spelling', () => {
      assert.deepStrictEqual(check(tagged('[[Malware]] [[malware]]', 'ZDNet')).map((f) => f[2]), ['[[malware]] and [[Malware]] differ only in case; keep one spelling, [[Malware]].']);
    });
    it('the fix removes the variant', () => assert.strictEqual(fixLine('[[Zdnet]] [[Breach]] [[ZDNet]]', 'tags.case-variant', undefined, 'ZDNet'), '[[Breach]] [[ZDNet]]'));
    it('an exact duplicate is tags.duplicate, pointing at the kept one', () => {
      const text = tagged('[[Log4j]] [[RCE]] [[Log4j]]');
      const [d] = diagnostics(text, 'tags.duplicate');
      assert.strictEqual(d.message, '[[Log4j]] is already a tag.');
      assert.strictEqual(d.related![0].span.start, text.indexOf('[[Log4j]]'));
      assert.strictEqual(fixLine('[[Log4j]] [[RCE]] [[Log4j]]', 'tags.duplicate'), '[[Log4j]] [[RCE]]');
    });
    it('a tag written three times: every preferred fix applied together in one pass leaves one', () => {
      const text = tagged('[[Log4j]] [[Log4j]] [[Log4j]]');
      const edits = diagnostics(text, 'tags.duplicate').flatMap((d) => d.fixes!.filter((f) => f.preferred).flatMap((f) => f.edits));
      assert.strictEqual(edits.length, 2);
      const fixed = applyEdits(text, edits);
      assert.deepStrictEqual(codes(fixed), []);
      assert.ok(fixed.includes('\n[[Log4j]]\n'), JSON.stringify(fixed.slice(fixed.lastIndexOf('Tags'))));
      // So do two empty tags after it.
      const start = tagged('[[Log4j]] [[]] [[]]');
      const both = diagnostics(start, 'tags.empty').flatMap((d) => d.fixes!.filter((f) => f.preferred).flatMap((f) => f.edits));
      assert.ok(applyEdits(start, both).includes('\n[[Log4j]]\n'), JSON.stringify(applyEdits(start, both).slice(-40)));
    });
    it('the last tags of a line removed together leave no space at its end, and one between the tags kept', () => {
      // zdnet/Best-cybersecurity-schools-and-programs--ZDNet.md:91 and eleven more lines ended in "[[X]] ".
      assert.strictEqual(tagLine(fixAll(tagged('[[Acme]] [[Acme]] [[Acme]] [[Acme]]'))), '[[Acme]]');
      assert.strictEqual(tagLine(fixAll(tagged('[[the]] [[a]] [[Acme]] [[it’s]] [[an]] [[Acme]] [[Beta]] [[of]] [[Beta]] [[the]]'))), '[[Acme]] [[Beta]]');
      // The merge itself: three touching or overlapping deletions become one, reaching back to the space before them.
      const line = '[[X]] [[X]] [[X]] [[X]]';
      assert.deepStrictEqual(nonOverlapping([{ span: { start: 6, end: 12 }, newText: '' }, { span: { start: 12, end: 18 }, newText: '' }, { span: { start: 17, end: 23 }, newText: '' }], line),
        [{ span: { start: 5, end: 23 }, newText: '' }]);
    });
    it('duplicates across the plain and autogenerated groups of the new layout', () => {
      const text = newLayout('### Autogenerated Tags:\n[[Ransomware]] [[Ransomware]] [[Computerworld]]');
      assert.deepStrictEqual(codes(text), ['tags.duplicate']);
    });
    it('apostrophe styles are the same spelling', () => assert.deepStrictEqual(findings('[[O’Brien]] [[O\'Brien]]').map((f) => f[0]), ['tags.duplicate']));
  });

  describe('tags.empty', () => {
    it('[[]] is empty and the fix removes it', () => {
      assert.deepStrictEqual(check(tagged('[[]] [[ZDNet]]')).map((f) => [f[0], f[2]]), [['tags.empty', 'An empty tag.']]);
      assert.strictEqual(fixLine('[[]] [[ZDNet]]', 'tags.empty'), '[[ZDNet]]');
    });
    it('[[ ]] is empty too', () => assert.deepStrictEqual(findings('[[ ]] [[Alpha]]').map((f) => f[0]), ['tags.empty']));
  });

  describe('non-problems', () => {
    for (const tag of ['U.S.', 'C++', 'C#', '.NET', '@UnderTheBreach', 'D8b3.dll', 'T-Mobile', 'Log4j', 'CVE-2021-44228', 'AT&T', '$5', '#StopRansomware', '__kernel', '_meta.txt', 'Node.js', 'e.g.', 'Ph.D.', '2FA', 'Rosén', '🦇']) {
      it(`[[${tag}]] is fine`, () => assert.deepStrictEqual(findings(`[[${tag}]] [[Binns]]`), []));
    }
    it('coreOf leaves clean names alone', () => {
      for (const t of ['U.S.', 'C++', 'C#', '.NET', '@UnderTheBreach', 'D8b3.dll', 'T-Mobile']) assert.strictEqual(coreOf(t), t);
    });
    it('coreOf strips what scrapers leave', () => {
      assert.deepStrictEqual(['names,', '“I', '(PDF)', 'Aug.', 'percent),', 'World!”', '--'].map(coreOf), ['names', 'I', 'PDF', 'Aug', 'percent', 'World', '']);
    });
  });

  describe('key/value tags (new layout)', () => {
    it('[[victim.city.name=]] has no value, and the fix removes it', () => {
      const text = newLayout('#### Location:\n[[victim.country.name=Netherlands]] [[victim.city.name=]] [[victim.continent.name=Europe]]');
      assert.deepStrictEqual(check(text).map((f) => [f[0], f[2]]), [['tags.empty', '[[victim.city.name=]] has no value.']]);
      assert.strictEqual(applyFix(text, 'tags.empty'), newLayout('#### Location:\n[[victim.country.name=Netherlands]] [[victim.continent.name=Europe]]'));
    });
    it('[[victim.city.name=]] at the end of its line', () => {
      const text = newLayout('#### Location:\n[[victim.continent.name=Europe]] [[victim.city.name=]]');
      assert.strictEqual(applyFix(text, 'tags.empty'), newLayout('#### Location:\n[[victim.continent.name=Europe]]'));
    });
    it('an exact duplicate in a group, named with its group', () => {
      const text = newLayout('#### Location:\n[[victim.continent.name=Europe]] [[victim.country.name=Netherlands]] [[victim.continent.name=Europe]]');
      assert.deepStrictEqual(check(text).map((f) => [f[0], f[2]]), [['tags.duplicate', '[[victim.continent.name=Europe]] is already a tag in Location.']]);
      assert.strictEqual(applyFix(text, 'tags.duplicate'), newLayout('#### Location:\n[[victim.continent.name=Europe]] [[victim.country.name=Netherlands]]'));
    });
    it('the same tag in two groups is not a duplicate', () => {
      assert.deepStrictEqual(codes(newLayout('#### Action:\n[[x.name=Net]]\n\n#### Industry:\n[[x.name=Net]]')), []);
    });
    it('key/value tags are not checked for punctuation or case', () => {
      assert.deepStrictEqual(codes(newLayout('#### Location:\n[[victim.city.name=Washington, D.C.]] [[victim.city.name=washington, d.c.]]')), []);
    });
    it('an empty [[]] in a key/value group', () => assert.deepStrictEqual(codes(newLayout('#### Action:\n[[]]')), ['tags.empty']));
    it('the Computerworld example from the corpus: one empty, one duplicate', () => {
      const text = newLayout([
        '#### Action:', '[[action.malware.name=at]] [[action.malware.name=Net]]', '',
        '#### Industry:', '[[victim.industry.name=Education]]', '',
        '#### Location:', '[[victim.continent.name=Europe]] [[victim.country.name=Netherlands]] [[victim.continent.name=Europe]] [[victim.city.name=]] [[victim.country.name=Haiti]] [[victim.continent.name=North and Central America]]', '',
        '### Autogenerated Tags:', '[[Cybersecurity]] [[Computerworld]]',
      ].join('\n'));
      assert.deepStrictEqual(run(text).diagnostics.map((d) => [d.code, spanText(text, d)]), [
        ['tags.duplicate', '[[victim.continent.name=Europe]]'],
        ['tags.empty', '[[victim.city.name=]]'],
      ]);
    });
  });

  describe('data groups are not checked', () => {
    it('CVE\'s, urls, addresses, hashes and MITRE IDs', () => {
      const text = newLayout([
        '#### CVE\'s', '[[CVE-2021-44228]] [[CVE-2021-44228]]', '',
        '#### urls', '[[https://example.com/a,]] [[]]', '',
        '#### ipv4-adresses', '[[10.0.0.1.]]', '',
        '#### SHA256-hash', '[[d2c4]] [[D2C4]]', '',
        '#### MITRE IDs', '[[T1059]] [[T1059]]',
      ].join('\n'));
      assert.deepStrictEqual(codes(text), []);
    });
  });

  describe('damaged tag lines', () => {
    it('tags.unclosed', () => {
      assert.deepStrictEqual(check(tagged('[[Alpha]] [[T-Mob')).map((f) => [f[0], f[2]]), [['tags.unclosed', 'This tag has no closing `]]`.']]);
    });
    it('tags.stray-text', () => {
      const text = tagged('[[Alpha]] stray words [[Beta]]');
      const [d] = diagnostics(text, 'tags.stray-text');
      assert.strictEqual(spanText(text, d), 'stray words');
      assert.strictEqual(d.message, 'Text in the tags section that is not a `[[tag]]`.');
    });
    it('a stray `]` after a tag', () => {
      const text = tagged('[[Alpha]]] [[Beta]]');
      assert.deepStrictEqual(run(text).diagnostics.map((d) => [d.code, spanText(text, d)]), [['tags.stray-text', ']']]);
    });
  });
});

describe('an empty Tags section', () => {
  it('is said to be empty, on its header', () => {
    const text = article({ tags: '' });
    const d = diagnostics(text, 'tags.empty');
    assert.strictEqual(d.length, 1, JSON.stringify(run(text).diagnostics.map((x) => x.code)));
    assert.strictEqual(spanText(text, d[0]), '#### Tags:');
  });
});
