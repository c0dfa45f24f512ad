/**
 * Who a person is, as a sentence says it (`roleAt`): the role written right
 * before the name or in apposition after it, and nothing where a sentence
 * gives none or gives another person's; what an organisation is
 * (`kindAt`), read the same way; and what a thing is (`thingAt`), which
 * also reads the noun after its name ("the Emotet botnet").
 */
import * as assert from 'assert';
import { kindAt, roleAt, thingAt } from '../server/src/core/features/roles';

/** What `read` makes of the name `name` in `sentence` (its first occurrence). */
function readAt(read: typeof roleAt, sentence: string, name: string): string | undefined {
  const at = sentence.indexOf(name);
  assert.ok(at >= 0, `${name} in ${sentence}`);
  return read(sentence, at, name.length);
}

/** The role `sentence` gives the person named `name`; what it says the organisation named `name` is. */
const role = (sentence: string, name: string) => readAt(roleAt, sentence, name);
const kind = (sentence: string, name: string) => readAt(kindAt, sentence, name);
const thing = (sentence: string, name: string) => readAt(thingAt, sentence, name);

describe('a person\'s role, as a sentence gives it', function () {
  it('before the name: the role\'s words and the organisation before them', function () {
    assert.strictEqual(role('"We owe it to our customers," said Robinhood chief security officer Caleb Sima.', 'Caleb Sima'), 'Robinhood chief security officer');
    assert.strictEqual(role('Mandiant Chief Technology Officer Charles Carmakal told Bloomberg that they believe it.', 'Charles Carmakal'), 'Mandiant Chief Technology Officer');
    assert.strictEqual(role('According to T-Mobile CEO Mike Sievert, the breach was contained.', 'Mike Sievert'), 'T-Mobile CEO');
    assert.strictEqual(role('In a blog post, Microsoft 365 product marketing manager Jon Maunder said so.', 'Jon Maunder'), 'Microsoft 365 product marketing manager');
    assert.strictEqual(role('Emsisoft threat analyst Brett Callow noted that it is likely a rebrand.', 'Brett Callow'), 'Emsisoft threat analyst');
    assert.strictEqual(role('"Keep customers safe," STG managing partner William Chisholm said.', 'William Chisholm'), 'STG managing partner');
    assert.strictEqual(role('AWS claimed that then-President Donald Trump had a vendetta.', 'Donald Trump'), 'then-President');
    assert.strictEqual(role('The wife of former UK Prime Minister Tony Blair works there.', 'Tony Blair'), 'former UK Prime Minister');
    // An organisation's name with a small word inside: its whole name.
    assert.strictEqual(role('A similar view was shared by Commonwealth Bank of Australia chief Matt Comyn on Thursday.', 'Matt Comyn'), 'Commonwealth Bank of Australia chief');
    assert.strictEqual(role('Centre for Cybersecurity Belgium spokesperson Katrien Eggers told ZDNet so.', 'Katrien Eggers'), 'Centre for Cybersecurity Belgium spokesperson');
    // An abbreviation's point does not end the role; a sentence's comma does.
    assert.strictEqual(role('"Be careful online," Manhattan U.S. Attorney Audrey Strauss said.', 'Audrey Strauss'), 'Manhattan U.S. Attorney');
  });

  it('before the name and set off by a comma: "Mandiant SVP and CTO, Charles Carmakal"', function () {
    assert.strictEqual(role('In a statement, Mandiant SVP and CTO, Charles Carmakal said the firm has investigated.', 'Charles Carmakal'), 'Mandiant SVP and CTO');
  });

  it('in apposition after the name, up to where the sentence goes on', function () {
    assert.strictEqual(role('"This is bad," said Satnam Narang, staff research engineer at Tenable, in an email.', 'Satnam Narang'), 'staff research engineer at Tenable');
    assert.strictEqual(role('Alon Gal, co-founder and CTO of Hudson Rock, said the data was real.', 'Alon Gal'), 'co-founder and CTO of Hudson Rock');
    assert.strictEqual(role('According to Jeremy Fuchs, a cybersecurity researcher at Avanan.', 'Jeremy Fuchs'), 'cybersecurity researcher at Avanan');
    // No closing comma: the role ends at the verb.
    assert.strictEqual(role('As Eric Brewer, Google VP of Infrastructure pointed out, it is hard.', 'Eric Brewer'), 'Google VP of Infrastructure');
    assert.strictEqual(role('Helen Poitevin, VP analyst at Gartner focusing on management technologies, said so.', 'Helen Poitevin'), 'VP analyst at Gartner');
  });

  it('read as rendered: no Markdown link syntax around the organisation or the name', function () {
    assert.strictEqual(role('The seller told Alon Gal, CTO of cybercrime intelligence firm [Hudson Rock](https://www.hudsonrock.com/), that it was done.', 'Alon Gal'), 'CTO of cybercrime intelligence firm Hudson Rock');
    const linked = 'Said [Caleb Sima](https://example.com/sima), CSO at Robinhood, in a post.';
    assert.strictEqual(roleAt(linked, linked.indexOf('Caleb Sima'), 'Caleb Sima'.length), 'CSO at Robinhood');
  });

  it('none where the sentence gives none; nothing of the clause around the name or of another person\'s role', function () {
    assert.strictEqual(role('Jane Doe, who leads research at Acme, said so.', 'Jane Doe'), undefined);
    assert.strictEqual(role('Yesterday Jane Doe said so.', 'Jane Doe'), undefined);
    // A title of address alone says nothing of who someone is.
    assert.strictEqual(role('Dr Jane Doe said so.', 'Jane Doe'), undefined);
    // "As President Joseph Biden's order": the sentence's opening word is no organisation's.
    assert.strictEqual(role('As President Joseph Biden\'s order says, agencies must act.', 'Joseph Biden'), 'President');
    assert.strictEqual(role('"While Governor Mike Parson said so, the reporter disagreed."', 'Mike Parson'), 'Governor');
    // Researchers are a group; "including" is not a role.
    assert.strictEqual(role('Researchers at Acme, including Jane Doe, found it.', 'Jane Doe'), undefined);
    // The CEO is Vlad Tenev's role, not Caleb Sima's.
    assert.strictEqual(role('Robinhood CEO Vlad Tenev and chief security officer Caleb Sima spoke.', 'Caleb Sima'), 'chief security officer');
    assert.strictEqual(role('Robinhood CEO Vlad Tenev and chief security officer Caleb Sima spoke.', 'Vlad Tenev'), 'Robinhood CEO');
    // A verb between the role and the name: "hired researcher" is the researcher's role, "the hackers targeted" is not.
    assert.strictEqual(role('The hackers targeted security researcher Jane Doe.', 'Jane Doe'), 'security researcher');
    assert.strictEqual(role('It spoke about malware analyst Jane Doe.', 'Jane Doe'), 'malware analyst');
    assert.strictEqual(role('The committee refuses to accept Minister Linda Reynolds\' claim.', 'Linda Reynolds'), 'Minister');
    // Not the writer's own words ("I’m your host, Lisa Vaas": host), nor a photo's credit glued to a caption.
    assert.strictEqual(role('Hello, I’m your host, Lisa Vaas, and this is the podcast.', 'Lisa Vaas'), 'host');
    assert.strictEqual(role('GettyImages US President Joe Biden signed the order.', 'Joe Biden'), 'US President');
  });
});

describe('what an organisation is, as a sentence says it', function () {
  it('before the name: the noun of a firm and the words of what kind', function () {
    assert.strictEqual(kind('The seller told Alon Gal, CTO of cybercrime intelligence firm [Hudson Rock](https://www.hudsonrock.com/), that it was done.', 'Hudson Rock'), 'cybercrime intelligence firm');
    assert.strictEqual(kind('Israeli spyware maker NSO Group denied it.', 'NSO Group'), 'Israeli spyware maker');
    assert.strictEqual(kind('The ride-hailing giant Uber paid.', 'Uber'), 'ride-hailing giant');
    assert.strictEqual(kind('Swedish grocery chain Coop was unable to take card payments.', 'Coop'), 'Swedish grocery chain');
  });

  it('in apposition after the name', function () {
    assert.strictEqual(kind('Brightline, a ticketing firm, confirmed the breach.', 'Brightline'), 'ticketing firm');
    assert.strictEqual(kind('Hudson Rock, a cybercrime intelligence firm based in Tel Aviv, said so.', 'Hudson Rock'), 'cybercrime intelligence firm');
    assert.strictEqual(kind('The keys came from the servers of REvil, the Russia-based criminal gang that was hit.', 'REvil'), 'Russia-based criminal gang');
  });

  it('none where the words before are a clause\'s, another name, or the next of a list', function () {
    assert.strictEqual(kind('The firm Acme said so.', 'Acme'), undefined);
    assert.strictEqual(kind('Rapid7 buys outside-the-perimeter security firm IntSights for $335 million.', 'IntSights'), 'outside-the-perimeter security firm');
    assert.strictEqual(kind('Deloitte scoops up digital risk protection company Terbium Labs.', 'Terbium Labs'), 'digital risk protection company');
    assert.strictEqual(kind('It ordered Chinese ride-sharing platform Didi to remove its app.', 'Didi'), 'Chinese ride-sharing platform');
    assert.strictEqual(kind('For the first time, we have seen global logistics company DHL top the rankings.', 'DHL'), 'global logistics company');
    assert.strictEqual(kind('The ruling was made with the Defense Department, the State Department, and others.', 'Defense Department'), undefined);
    assert.strictEqual(kind('For Acme, the payments company is a distraction.', 'Acme'), undefined);
  });
});

describe('what a thing is (software, malware, a flaw), as a sentence says it', function () {
  it('before the name, where the noun alone says it after "the"', function () {
    assert.strictEqual(thing('The abuse of legitimate penetration testing tool Cobalt Strike is rising.', 'Cobalt Strike'), 'legitimate penetration testing tool');
    assert.strictEqual(thing('It is resident in the ubiquitous Java logging library Apache Log4j and could allow RCE.', 'Apache Log4j'), 'logging library');
    assert.strictEqual(thing('We analyze the ransomware White Rabbit and its evasion.', 'White Rabbit'), 'ransomware');
    assert.strictEqual(thing('They tried Kerberoasting using the tool Rubeus.', 'Rubeus'), 'tool');
    // A link around the description and the name: its text's first word is the description's.
    assert.strictEqual(thing('Credential dumping using the [penetration testing tool Mimikatz](https://example.com/m) came next.', 'Mimikatz'), 'penetration testing tool');
  });

  it('in apposition after the name', function () {
    assert.strictEqual(thing('Next, they installed AnyDesk, a remote access application for RDP connections.', 'AnyDesk'), 'remote access application');
    assert.strictEqual(thing('They have been using FiveSys, a rootkit that somehow made its way through.', 'FiveSys'), 'rootkit');
  });

  it('after the name, with "the" before it: the malware\'s noun, a browser, an operating system', function () {
    assert.strictEqual(thing('The Emotet botnet has returned.', 'Emotet'), 'botnet');
    assert.strictEqual(thing('The cybercriminals behind the infamous [TrickBot](https://example.com/trickbot) trojan have signed two affiliates.', 'TrickBot'), 'trojan');
    assert.strictEqual(thing('It only needs users to open a web page in the Apple Safari browser.', 'Apple Safari'), 'browser');
    assert.strictEqual(thing('The flaw is between the Teams app and the underlying Android operating system.', 'Android'), 'operating system');
  });

  it('none where the noun says what the thing runs on, carries or loads, or another name is described', function () {
    // What malware runs on or spreads through is no malware.
    assert.strictEqual(thing('The Android trojan tries to trick recipients.', 'Android'), undefined);
    assert.strictEqual(thing('The emergence of a Log4j worm is not the worst case.', 'Log4j'), undefined);
    // A loader of it, not it.
    assert.strictEqual(thing('TrickBot launched what appears to be the Cobalt Strike loader.', 'Cobalt Strike'), undefined);
    // Plural: things around it ("the Exchange servers"); no "the" before: a compound of another noun ("Conti ransomware attacks" stays, read by the gang's card).
    assert.strictEqual(thing('Attackers hit the Mirai botnets again.', 'Mirai'), undefined);
    assert.strictEqual(thing('Mirai botnet operators moved on.', 'Mirai'), undefined);
    // The name starts a clause of its own: the malware is what it created.
    assert.strictEqual(thing('We built protections against the unique malware Sourgum created.', 'Sourgum'), undefined);
    // Part of a longer name, or an acronym\'s expansion.
    assert.strictEqual(thing('Will 2022 be the year of the Software Bill of Materials?', 'Bill of Materials'), undefined);
    assert.strictEqual(thing('Hence its name, BRATA: Brazilian RAT Android.', 'Android'), undefined);
    // After a preposition, what follows the comma is the sentence's subject.
    assert.strictEqual(thing('In Cayla, a vulnerability lets anyone connect over Bluetooth.', 'Cayla'), undefined);
  });
});
