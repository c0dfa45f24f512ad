/**
 * Every diagnostic code Breach Desk reports, with its default severity and
 * one sentence on what it means. Codes are stable, dotted and lower-case:
 * settings, suppressions, SARIF rule ids and quick fixes all key on them.
 * README lists every code; a test keeps the two in step.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface CodeInfo {
  severity: Severity;
  /** Shown as the SARIF rule's description and in README. */
  summary: string;
}

export const CODES = {
  'file.unreadable': { severity: 'error', summary: 'The file could not be read (permissions, or it vanished while being read).' },
  'file.binary': { severity: 'warning', summary: 'The file holds binary data, not text; it is skipped.' },
  'file.encoding': { severity: 'warning', summary: 'The file is not valid UTF-8; it is skipped.' },
  'file.too-large': { severity: 'warning', summary: 'The file is larger than the size limit; it is skipped.' },
  'file.unwritable': { severity: 'error', summary: '`--fix` could not write the file (it is left as it was).' },
  'config.invalid': { severity: 'error', summary: 'A mistake in `.breachdesk/entities.json` (the entry is ignored; the rest applies).' },
  'layout.missing-title': { severity: 'error', summary: 'The article has no `# Title` line.' },
  'layout.duplicate-title': { severity: 'warning', summary: 'A second `# Title` line before the first section.' },
  'layout.missing-section': { severity: 'error', summary: 'A required section (`## Information:`, `## Article:`, or a Tags section) is missing.' },
  'layout.duplicate-section': { severity: 'error', summary: 'A section header appears twice; only the first one is read.' },
  'layout.section-order': { severity: 'warning', summary: 'Sections are out of order (Information, then Article, then Tags).' },
  'layout.header-format': { severity: 'information', summary: 'A section header is recognised but not written the usual way (for example `## information` for `## Information:`).' },
  'layout.stray-text': { severity: 'warning', summary: 'Text outside any section, between the title and `## Information:`.' },
  'title.empty': { severity: 'warning', summary: 'The `# Title` line has no text.' },
  'title.empty-subtitle': { severity: 'information', summary: 'The `###` subtitle line has no text.' },
  'info.malformed-line': { severity: 'warning', summary: 'A line in the Information section is not a `+ Name: value` field.' },
  'info.missing-field': { severity: 'warning', summary: 'One of Source, Link, Date or Author is missing.' },
  'info.empty-field': { severity: 'warning', summary: 'A field has no value.' },
  'info.duplicate-field': { severity: 'warning', summary: 'A field appears twice; only the first is used.' },
  'info.unknown-field': { severity: 'information', summary: 'A field other than Source, Link, Date and Author (often a misspelling).' },
  'info.bad-link': { severity: 'warning', summary: 'The Link is not an http(s) URL.' },
  'info.bad-date': { severity: 'warning', summary: 'The Date cannot be read as a date.' },
  'info.date-unknown': { severity: 'warning', summary: 'The Date is a placeholder such as `Unknown` or `None`.' },
  'info.date-epoch': { severity: 'warning', summary: 'The Date is Unix time zero (1 January 1970): the source had no date.' },
  'info.date-future': { severity: 'warning', summary: 'The Date lies in the future.' },
  'info.author-unknown': { severity: 'information', summary: 'The Author is a placeholder such as `Unknown`.' },
  'article.placeholder': { severity: 'warning', summary: 'A placeholder article (`# Unknown`): the scraper saved no real content.' },
  'article.stray-unknown': { severity: 'warning', summary: 'The body opens with a stray `Unknown` line left by the scraper.' },
  'article.empty': { severity: 'warning', summary: 'The `## Article:` section has no text.' },
  'article.unclosed-fence': { severity: 'warning', summary: 'A code block in the article is never closed and swallows the sections after it.' },
  'date.weekday': { severity: 'warning', summary: 'A weekday that does not fit its date (`Thursday, Sept. 8` where Sept. 8, 2021 was a Wednesday).' },
  'article.repeated-word': { severity: 'warning', summary: 'A word written twice in a row (`the the`, `were were`).' },
  'figure.separator': { severity: 'warning', summary: 'A number whose comma does not stand before three digits (`300,00`, `1,5000`), or a decimal comma before a scale (`$3,38 million`).' },
  'cve.malformed': { severity: 'warning', summary: 'A string written as a CVE identifier that is none (`CVE-2021-08-25`, `CVE-21-44228`): one is `CVE-`, a year of four digits and a number of four or more.' },
  'article.indefinite': { severity: 'information', summary: '"a" before a vowel\'s sound or "an" before a consonant\'s (`a ongoing`, `an company`).' },
  'tags.unclosed': { severity: 'warning', summary: 'A `[[tag` without its closing `]]`.' },
  'tags.stray-text': { severity: 'warning', summary: 'Text in a tags section that is not a `[[tag]]`.' },
  'tags.empty': { severity: 'warning', summary: 'An empty tag (`[[]]`, or `[[key=]]` with no value).' },
  'tags.punctuation': { severity: 'information', summary: 'Punctuation stuck to a tag (`[[names,]]`, `[[Aug.]]`, `[[“BlackMatter]]`).' },
  'tags.possessive': { severity: 'information', summary: 'A possessive tag (`[[T-Mobile’s]]`, `[[customers’]]`).' },
  'tags.stop-word': { severity: 'information', summary: 'A tag that is a common word rather than a subject, also with punctuation stuck to it (`[[it’s]]`, `[[the]]`, `[[said.]]`, `[[“I]]`).' },
  'tags.case-variant': { severity: 'information', summary: 'Two tags that differ only in case (`[[Threatpost]]` and `[[ThreatPost]]`).' },
  'tags.duplicate': { severity: 'information', summary: 'The same tag twice.' },
  'figure.conflict': { severity: 'warning', summary: 'A figure disagrees with what this or another article says about the same measure, at the same time, from the same side.' },
  'figure.revision': { severity: 'information', summary: 'A figure was revised over time (explicit dates): shown as a revision, not a conflict.' },
  'figure.disputed': { severity: 'information', summary: 'Different parties give different values (the seller claims, the company confirms), or the source a figure is cited to disagrees with others, or two sources one article names give two values.' },
  'figure.reconciled': { severity: 'information', summary: 'A total that equals parts stated in another article.' },
  'corpus.duplicate': { severity: 'warning', summary: 'The same article (same Link) is saved in two files.' },
  'name.variant': { severity: 'information', summary: 'A name written otherwise than the corpus writes it, one letter or space apart (`Kasperksy` where 66 articles write Kaspersky): a likely misspelling.' },
  'quote.altered': { severity: 'warning', summary: 'The same quotation is worded differently in two articles.' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(value: unknown): value is Code {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CODES, value);
}
