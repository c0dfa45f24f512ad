/**
 * Small word lists the entity extractor leans on. They are deliberately
 * short: they decide the kind of a name when the text gives no cue, they
 * keep sentence-initial function words ("The", "On") out of names, and they
 * keep the trade's jargon ("DDoS", "IoT") from passing for organisations.
 */

// Only the English names: the package's other 70-odd languages stay out of the bundle.
import COUNTRY_NAMES from 'i18n-iso-countries/langs/en.json';
import CITIES from 'city-timezones/data/cityMap.json';
// Its English adjectives of the countries ("Bahraini", "South African", "Greek"), 7 kB; not its code.
import NATIONALITY_NAMES from 'i18n-nationality/langs/en.json';
import { COMMON_FIRST_NAMES } from './firstnames';

/** Capitalised words that start sentences but never start names. */
export const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'on', 'in', 'at', 'as', 'by', 'if', 'it', 'its', 'this', 'that', 'these', 'those', 'when', 'while',
  'who', 'what', 'why', 'how', 'where', 'which', 'but', 'and', 'or', 'so', 'some', 'many', 'most', 'still', 'then',
  'moreover', 'granted', 'nonetheless', 'however', 'according', 'even', 'his', 'her', 'their', 'our', 'we', 'they',
  'he', 'she', 'i', 'you', 'one', 'another', 'after', 'before', 'during', 'since', 'until', 'with', 'without',
  'from', 'for', 'to', 'of', 'also', 'both', 'each', 'every', 'all', 'any', 'no', 'not', 'yes', 'there', 'here',
  'well', 'now', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'first', 'second', 'third', 'finally', 'meanwhile',
  'specifically', 'instead', 'though', 'although', 'because', 'once', 'just', 'only', 'other', 'such', 'through',
  'via', 'into', 'about', 'above', 'below', 'over', 'under', 'again', 'further', 'my', 'your', 'me', 'him', 'them',
  'us', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'can', 'could',
  'would', 'should', 'will', 'may', 'might', 'must', 'let', 'like', 'unlike', 'despite', 'given', 'including',
  'fresh', 'check', 'join', 'worried', 'read', 'related', 'see', 'update', 'note', 'editor', 'image', 'photo',
  "i'm", "i'd", "i've", "it's", "we're", "we've", "that's", "there's", "here's", "what's", "they're", "you're", "he's", "she's", "let's",
  'later', 'earlier', 'recently', 'currently', 'previously', 'additionally', 'furthermore', 'separately',
  'ultimately', 'initially', 'eventually', 'overall', 'indeed', 'yet', 'thus', 'hence', 'therefore', 'otherwise',
  'perhaps', 'maybe', 'apparently', 'reportedly', 'allegedly', 'notably', 'importantly', 'unfortunately', 'luckily',
  'source', 'sources', 'click', 'here', 'more', 'new', 'register', 'infosec', 'insiders', 'newsletter', 'webinar',
  // "Former FBI agent", "Former Uber CSO": a past role's word before the organisation, not part of its name.
  'former',
]);

export const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  // "play on Fridays, weekends and public holidays".
  'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays',
]);

/**
 * Units written with a capital ("1.2 Tbps", "433 MHz"): never a name (each was an entity of the real corpus).
 * Not the two-letter ones ("GB", "MW", "TB"): "GB News", and no byte unit was ever taken for a name.
 */
export const CAPITAL_UNITS = new Set([
  'bps', 'kbps', 'mbps', 'gbps', 'tbps', 'pbps', 'khz', 'mhz', 'ghz', 'thz', 'kwh', 'mwh', 'gwh', 'twh',
  'mbit', 'gbit', 'tbit', 'kib', 'mib', 'gib', 'tib',
]);

/** Job titles and roles: they separate a company from a person ("T-Mobile CEO Mike Sievert"). */
export const ROLE_WORDS = new Set([
  'ceo', 'cto', 'cfo', 'coo', 'ciso', 'cso', 'cio', 'cmo', 'president', 'vice', 'vp', 'director', 'founder',
  'co-founder', 'cofounder', 'chief', 'officer', 'analyst', 'researcher', 'senator', 'judge', 'dr', 'mr', 'ms',
  'mrs', 'prof', 'professor', 'head', 'manager', 'chairman', 'chairwoman', 'spokesperson', 'spokesman',
  'spokeswoman', 'secretary', 'minister', 'attorney', 'general', 'counsel', 'engineer', 'lead', 'principal',
  'partner', 'executive', 'agent', 'detective', 'commissioner', 'representative', 'rep', 'sen', 'gov', 'governor',
  'mayor', 'field', 'senior', 'junior', 'deputy', 'assistant', 'associate', 'editor', 'reporter', 'author',
  'hacker', 'researchers', 'expert', 'experts', 'consultant', 'inspector', 'advocate', 'evangelist', 'strategist',
  'architect', 'scientist', 'ambassador', 'chancellor', 'premier', 'journalist', 'columnist', 'host',
]);

/** Words that make a name an organisation when they end it. */
export const ORG_SUFFIXES = new Set([
  'inc', 'corp', 'corporation', 'llc', 'llp', 'ltd', 'limited', 'plc', 'gmbh', 'ag', 'sa', 'co', 'company', 'group',
  // "Morley Companies said" was a person.
  'companies', 'enterprises', 'industries',
  'agency', 'commission', 'department', 'bureau', 'institute', 'university', 'college', 'bank', 'network',
  'networks', 'labs', 'lab', 'systems', 'technologies', 'technology', 'software', 'security', 'solutions',
  'services', 'journal', 'times', 'post', 'news', 'foundation', 'association', 'council', 'office', 'ministry',
  'police', 'court', 'administration', 'authority', 'center', 'centre', 'team', 'alliance', 'forum', 'party',
  'force', 'command', 'consortium', 'hospital', 'health', 'insurance', 'airlines', 'airways', 'motors',
  'communications', 'telecom', 'media', 'entertainment', 'games', 'studios', 'partners', 'capital', 'holdings',
  'intelligence', 'research', 'project', 'federation', 'union', 'house', 'senate', 'congress', 'parliament',
  'directorate', 'committee', 'agencies', 'ministries', 'cooperative', 'coop', 'co-op', 'coalition', 'campaign', 'initiative',
  // "Home Affairs says", "Veterans Affairs", "US Treasury": a department's name.
  'affairs', 'treasury', 'cabinet', 'secretariat', 'organization', 'organisation',
  // "the Western District of Washington said": a court's district, not a person.
  'district',
]);

/**
 * Last words that make a name an organisation ("Amnesty International", "the
 * Australian Government", "Cream Finance") but, unlike `ORG_SUFFIXES`, never
 * join or split a run of capitalised words: "Forbidden Stories and Amnesty
 * International" stays two names, "Digital Government Office" one.
 */
export const ORG_LAST_WORDS = new Set(['international', 'government', 'finance']);

/** Words before a name that say what it is ("security firm Mandiant"). */
export const ORG_CUES = new Set([
  'firm', 'company', 'vendor', 'provider', 'carrier', 'giant', 'startup', 'start-up', 'outfit', 'maker',
  'manufacturer', 'retailer', 'bank', 'agency', 'group', 'gang', 'operator', 'operators', 'platform', 'service',
  'app', 'organization', 'organisation', 'university', 'hospital', 'airline', 'insurer', 'developer', 'publisher',
  // "fashion label Guess", "restaurant chain Chipotle", "crypto exchange BitMart", "payment processor Stripe".
  'label', 'brand', 'chain', 'lender', 'broker', 'exchange', 'processor', 'supplier', 'contractor', 'subsidiary',
  'conglomerate', 'distributor', 'nonprofit', 'non-profit', 'charity', 'cooperative', 'automaker', 'carmaker', 'chipmaker',
]);

export const OUTLET_CUES = new Set(['outlet', 'newspaper', 'publication', 'magazine', 'site', 'blog', 'journal']);

/** Verbs of saying: a name before one is a speaker, usually a person or an organisation. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'tweeted', 'wrote', 'added', 'noted', 'explained', 'warned', 'claimed',
  'claims', 'confirmed', 'confirms', 'stated', 'reported', 'announced', 'alleged', 'argued', 'observed',
  'predicted', 'advised', 'continued', 'pointed', 'described', 'acknowledged', 'admitted', 'denied', 'insisted',
  'emailed', 'shared', 'posted', 'sued', 'filed', 'repeated', 'thinks', 'believes', 'agreed', 'estimated',
]);

/**
 * Words that end the names of things (laws, reports, programs, tools): a run
 * that contains one is not a person, whatever cue stands around it
 * ("the General Data Protection Regulation", "Consumer Reports said").
 */
export const THING_WORDS = new Set([
  'act', 'acts', 'regulation', 'regulations', 'directive', 'law', 'laws', 'bill', 'program', 'programme', 'report',
  'reports', 'protocol', 'framework', 'standard', 'initiative', 'plan', 'policy', 'tool', 'tools', 'suite', 'platform',
  'store', 'edition', 'update', 'campaign', 'operation', 'botnet', 'server', 'service', 'protection', 'privacy',
  'security', 'data', 'cloud', 'network', 'day', 'week', 'summit', 'conference', 'award', 'awards', 'index', 'series',
  'strike', 'web', 'app', 'apps', 'online', 'digital', 'cyber', 'threat', 'labs', 'talos', 'unit',
]);

/**
 * Words after a name in camel case or capitals that call it a thing: "the
 * SysJoker backdoor", "the ConfuserEx tool", "the OnMessage callback", "the UPnP
 * protocol". Not words a company's name stands before as often ("VMware
 * vulnerability", "BrewDog app", "SolarWinds software", "HP devices"), nor
 * "ransomware", which names a gang as often as its malware ("REvil ransomware").
 */
export const THING_CUES_AFTER = new Set([
  'malware', 'trojan', 'trojans', 'backdoor', 'backdoors', 'botnet', 'loader', 'loaders', 'stealer', 'infostealer', 'dropper',
  'droppers', 'downloader', 'implant', 'implants', 'rootkit', 'spyware', 'keylogger', 'worm', 'payload', 'payloads',
  'beacon', 'beacons', 'strain', 'sample', 'samples', 'variant', 'variants', 'exploit', 'exploits',
  'cmdlet', 'cmdlets', 'function', 'functions', 'callback', 'method', 'class', 'object', 'module', 'component', 'binary',
  'binaries', 'utility', 'command', 'commands', 'driver', 'script', 'library', 'libraries', 'plugin', 'plug-in', 'plugins',
  'extension', 'extensions', 'protocol', 'protocols', 'framework', 'wallet', 'wallets', 'attribute', 'parameter', 'property',
  'header', 'flag', 'firmware', 'kernel', 'interface', 'tool', 'tools', 'file', 'files',
]);
/**
 * Words after a name that make it a gang or a group of people, whatever else
 * the article calls it: "REvil ransomware", "the LockBit gang", "DarkSide
 * affiliates". A name the article writes before one is never taken for a thing.
 */
export const ACTOR_CUES_AFTER = new Set([
  'gang', 'gangs', 'group', 'groups', 'operators', 'operator', 'affiliates', 'affiliate', 'crew', 'actor', 'actors',
  'members', 'hackers', 'ransomware', 'cartel', 'syndicate', 'team', 'apt',
]);
/**
 * Words that make a name an organisation's whatever kind the entity
 * extractor gave it: "Corvane Wireless" and "Pellam Credit" are read as
 * people when nothing else in the article says otherwise, yet no person is
 * called Wireless or Credit.
 */
export const ORG_WORDS = new Set([
  'wireless', 'mobile', 'telecom', 'telecommunications', 'communications', 'bank', 'banking', 'health', 'healthcare',
  'hospital', 'hospitals', 'clinic', 'medical', 'energy', 'power', 'insurance', 'credit', 'capital', 'financial', 'finance',
  'retail', 'stores', 'games', 'gaming', 'studios', 'pharmacy', 'pharma', 'university', 'college', 'school', 'schools',
  'council', 'county', 'city', 'district', 'department', 'ministry', 'agency', 'authority', 'logistics', 'airlines',
  'airways', 'airport', 'outfitters', 'cosmetics', 'group', 'holdings', 'inc', 'corp', 'corporation', 'company', 'co',
  'ltd', 'llc', 'plc', 'gmbh', 'labs', 'systems', 'software', 'technologies', 'technology', 'tech', 'networks', 'network',
  'media', 'motors', 'foods', 'partners', 'services', 'solutions', 'security', 'cloud', 'data', 'digital', 'electric', 'electronics',
  'utilities', 'water', 'gas', 'oil', 'motor', 'automotive', 'hotels', 'resorts', 'entertainment', 'airline', 'rail',
  'railway', 'trust', 'foundation', 'association', 'union', 'brands', 'apparel', 'fashion', 'beauty', 'markets',
  'supermarkets', 'shipping', 'freight', 'express', 'post', 'telco', 'cable', 'broadband', 'internet',
  'dental', 'care', 'pharmaceuticals', 'rail', 'railways', 'transit', 'transport', 'exchange', 'payments', 'lending',
]);

/**
 * Well-known companies and institutions of the trade, lower-case: a name that
 * is (or starts with) one of them is an organisation, never a person
 * ("Cisco Talos said").
 */
export const KNOWN_ORGS = new Set([
  'microsoft', 'trend micro', 'google', 'apple', 'facebook', 'meta', 'amazon', 'twitter', 'cisco', 'kaseya', 'kaspersky', 'ibm',
  // Named in capitals, often only in a tag ([[ZTE]]): a tag in capitals that no list knows and the body never writes is a
  // term (`addTags`).
  'zte', 'ntt', 'owasp', 'ikea', 'lego', 'jbs', 'wago', 'kela', 'anz', 'nbn',
  'intel', 'intel 471', 'oracle', 'adobe', 'vmware', 'citrix', 'fortinet', 'sophos', 'mandiant', 'fireeye', 'crowdstrike',
  'proofpoint', 'symantec', 'mcafee', 'eset', 'avast', 'malwarebytes', 'bitdefender', 'huawei', 'samsung', 'zoom',
  'verizon', 'sprint', 'comcast', 'deutsche telekom', 'at&t', 'hp', 'hpe', 'netflix', 'paypal', 'visa', 'mastercard', 'telstra', 'optus', 'accenture', 'deloitte', 'kpmg',
  'gartner', 'forrester', 'solarwinds', 'okta', 'cloudflare', 'akamai', 'github', 'gitlab', 'atlassian', 'salesforce',
  'dropbox', 'reddit', 'tiktok', 'telegram', 'whatsapp', 'instagram', 'linkedin', 'yahoo', 'mozilla', 'nvidia', 'dell',
  'lenovo', 'sonicwall', 'check point', 'palo alto networks', 'sentinelone', 'rapid7', 'tenable', 'qualys',
  'recorded future', 'chainalysis', 'coinbase', 'binance', 'colonial pipeline', 'accellion', 't-mobile', 'knowbe4',
  'uptycs', 'specops', 'huntress', 'wordfence', 'emsisoft', 'zoho', 'alibaba', 'tencent', 'baidu', 'uber', 'tesla',
  'equifax', 'experian', 'marriott', 'target', 'walmart', 'fedex', 'ups', 'sony', 'nintendo', 'discord', 'twitch',
  'intezer', 'zimperium', 'egress', 'cyble', 'immuniweb', 'digital shadows', 'group-ib', 'trustwave', 'imperva',
  'coveware', 'peckshield', 'certik', 'certus one', 'nso group', 'citizen lab', 'bugcrowd', 'hackerone', 'darktrace', 'tanium', 'varonis', 'netskope', 'zscaler',
  'secret service', 'postal service', 'us postal service', 'federal reserve', 'royal mail',
  // Written as people are ("Bad Packets said", "Morgan Stanley"): firms, banks and newsrooms.
  'palo alto', 'bad packets', 'safety detectives', 'munich re', 'forbidden stories', 'morgan stanley', 'neiman marcus',
  'royal dutch shell', 'northrop grumman', 'booz allen hamilton', 'welch allyn',
  // Offices whose name goes on after "and" (they were cut there: "Department of Housing", "National Center for Missing").
  'department of housing and urban development', 'office of management and budget', 'national center for missing and exploited children',
  'institute for security and technology', 'department of health and human services', 'centers for disease control and prevention',
  'immigration and customs enforcement', 'customs and border protection', 'food and drug administration',
  'national institute of standards and technology', 'global research and analysis team', 'department of science and technology',
  'ministry of electronics and information technology', 'federal office for information security',
]);

/**
 * Software, platforms and vulnerabilities the trade writes about like names:
 * not organisations, whatever the cues around them say ("Windows users",
 * "Log4j"); lower-case. Their makers are in `KNOWN_ORGS`.
 */
export const PRODUCTS = new Set([
  // Laws the trade names like products.
  'computer fraud and abuse act',
  'windows', 'windows server', 'linux', 'android', 'ios', 'ipados', 'macos', 'chrome', 'chromium', 'firefox', 'safari',
  'microsoft office', 'office 365', 'microsoft 365', 'outlook', 'exchange server', 'microsoft exchange', 'sharepoint',
  'onedrive', 'active directory', 'azure', 'azure ad', 'log4j', 'log4shell', 'log4j2', 'wordpress', 'java', 'javascript',
  'python', 'powershell', 'kubernetes', 'docker', 'cobalt strike', 'mimikatz', 'metasploit', 'pegasus', 'ubuntu', 'debian',
  'red hat enterprise linux', 'vcenter', 'esxi', 'jenkins', 'apache struts', 'struts', 'spring4shell', 'printnightmare',
  // Malware and apps with names like people's ("Purple Fox", "White Rabbit").
  'purple fox', 'white rabbit', 'hotspot shield', 'qbot', 'flubot', 'lokibot', 'abcbot', 'polkit',
  // Malware, tools, exploits and products written like companies ("WannaCry", "XMRig", "PsExec", "PlayStation"): the
  // shape rule would make them organisations. The ones named in five or more articles of the real corpus.
  'wannacry', 'notpetya', 'xmrig', 'poshc2', 'icedid', 'adfind', 'blastdoor', 'forcedentry', 'psexec', 'bloodhound',
  'powersploit', 'powerview', 'rundll32', 'petitpotam', 'eternalblue', 'whispergate', 'moonbounce', 'badalloc', 'gandcrab',
  'netwalker', 'hyper-v', 'powerpoint', 'playstation', 'facetime', 'airtag', 'airtags', 'yubikey', 'activex', 'mysql',
  'fortios', 'openssl', 'websocket', 'webrtc', 'webview', 'centos', 'woocommerce', 'teamviewer', 'anydesk', 'openvpn',
  // Currencies and botnet malware the shape rule made organisations on cards ("Bitcoin · organisation", 31 articles).
  'bitcoin', 'ethereum', 'monero', 'dogecoin', 'litecoin', 'emotet', 'trickbot', 'qakbot', 'dridex', 'zloader', 'bazarloader',
  'mirai', 'ryuk', 'baron samedit',
]);

/**
 * The trade's jargon: words that look like names (camel case, capitals) but
 * name no one. Lower-case; a hyphenated word whose first part is here counts
 * too ("DDoS-ers").
 */
export const JARGON = new Set([
  'ddos', 'dos', 'iot', 'iiot', 'raas', 'saas', 'paas', 'iaas', 'maas', 'poc', 'pocs', 'vpn', 'vpns', 'c2', 'c&c', 'cnc',
  'http', 'https', 'devops', 'devsecops', 'secops', 'defi', 'nft', 'nfts', 'mitm', 'mitb', 'rce', 'lpe', 'api', 'apis', 'sms',
  'dns', 'ip', 'ips', 'ioc', 'iocs', 'voip', 'wifi', 'wi-fi', 'pos', 'c-suite', 'macos', 'ios', 'ipados', 'ipv4', 'ipv6',
  'vm', 'vms', 'mfa', '2fa', 'otp', 'sql', 'nosql', 'xss', 'csrf', 'ssrf', 'url', 'urls', 'pdf', 'html', 'css', 'usb',
  'usb-c', 'usb-a', 'nfc', 'ai', 'ml', 'cve', 'cves', 'cvss', 'cvssv3', 'os', 'pc', 'pcs', 'ssn', 'ssns', 'pii', 'phi',
  'ssh', 'rdp', 'smb', 'tls', 'ssl', 'vnc', 'ceo', 'cto', 'ciso', 'ceos', 'cisos', 'it', 'ot', 'ics', 'scada', 'apts',
  'ttps', 'edr', 'xdr', 'siem', 'soc', 'socs', 'soar', 'mdr', 'dlp', 'iam', 'pam', 'sso', 'vpc', 'dll', 'dlls',
  'exe', 'json', 'xml', 'yaml', 'javascript', 'powershell', 'appdata', 'programdata', 'system32', 'base64', 'id',
  'ids', 'faq', 'faqs', 'sim', 'esim', 'imei', 'imsi', 'pin', 'pins', 'gps', 'lte', '5g', '4g', 'b2b', 'b2c', 'ecommerce',
  'e-commerce', 'appsec', 'infosec', 'opsec', 'osint', 'ransomware', 'malware', 'spyware', 'adware', 'phishing',
  'vishing', 'smishing', 'cryptojacking', 'cybersecurity', 'cyberattack', 'cyberattacks', 'zero-day', 'zero-days',
  'trojan', 'trojans', 'backdoor', 'botnet', 'rootkit', 'keylogger', 'infostealer', 'cryptominer', 'proxyware',
  'dga', 'dgas', 'aslr', 'sase', 'plc', 'plcs', 'rat', 'rats',
  // Abbreviations of ordinary language, which nothing in the text tells from a body's initials ("NATO") when the
  // article never spells them out: "QoQ" (quarter on quarter) owned 14 figures of a Cloudflare report ("a surge of
  // 289% QoQ"), "DIY" 17 of 4 reviews of home security ("DIY systems"), "BIPOC" 19 of a survey ("23 percent of
  // BIPOC respondents").
  'qoq', 'yoy', 'ytd', 'diy', 'bipoc',
]);

/** News outlets, by canonical name. Matched case-insensitively; the Source fields of the corpus add more. */
export const OUTLETS = new Map<string, string>([
  ['wall street journal', 'Wall Street Journal'], ['new york times', 'New York Times'], ['washington post', 'Washington Post'],
  ['reuters', 'Reuters'], ['bloomberg', 'Bloomberg'], ['motherboard', 'Motherboard'], ['vice', 'Vice'],
  ['bleepingcomputer', 'BleepingComputer'], ['threatpost', 'Threatpost'], ['zdnet', 'ZDNet'], ['techcrunch', 'TechCrunch'],
  ['the record', 'The Record'], ['engadget', 'Engadget'], ['guardian', 'Guardian'], ['bbc', 'BBC'], ['cnn', 'CNN'],
  ['forbes', 'Forbes'], ['krebsonsecurity', 'KrebsOnSecurity'], ['ars technica', 'Ars Technica'], ['the verge', 'The Verge'],
  ['wired', 'Wired'], ['computerworld', 'Computerworld'], ['cnet', 'CNET'], ['the register', 'The Register'],
  ['dark reading', 'Dark Reading'], ['securityweek', 'SecurityWeek'], ['the hacker news', 'The Hacker News'],
  ['databreaches.net', 'DataBreaches.net'], ['associated press', 'Associated Press'], ['cbs news', 'CBS News'],
  ['nbc news', 'NBC News'], ['financial times', 'Financial Times'], ['the dfir report', 'The DFIR Report'],
  ['trend micro', 'Trend Micro'], ['latest hacking news', 'Latest Hacking News'], ['bleeping computer', 'BleepingComputer'],
  ['techrepublic', 'TechRepublic'], ['gizmodo', 'Gizmodo'], ['the intercept', 'The Intercept'], ['axios', 'Axios'],
  ['politico', 'Politico'], ['cyberscoop', 'CyberScoop'], ['the daily beast', 'The Daily Beast'], ['fox news', 'Fox News'],
  // Cited in the real corpus and read as organisations, things or people (an entity audit, December 5).
  ['techradar', 'TechRadar'], ['pcmag', 'PCMag'], ['cnbc', 'CNBC'], ['macrumors', 'MacRumors'],
  ['south china morning post', 'South China Morning Post'], ['der spiegel', 'Der Spiegel'], ['venturebeat', 'VentureBeat'],
  ['venture beat', 'VentureBeat'], ['the hill', 'The Hill'], ['business insider', 'Business Insider'],
]);

/** Acronyms with one well-known expansion, so "WSJ" and "Wall Street Journal" are one entity in every article. */
export const ACRONYMS = new Map<string, string>([
  ['wsj', 'Wall Street Journal'], ['nyt', 'New York Times'], ['fbi', 'Federal Bureau of Investigation'],
  ['cia', 'Central Intelligence Agency'], ['nsa', 'National Security Agency'], ['fcc', 'Federal Communications Commission'],
  ['ftc', 'Federal Trade Commission'], ['sec', 'Securities and Exchange Commission'], ['doj', 'Department of Justice'],
  ['dhs', 'Department of Homeland Security'], ['cisa', 'Cybersecurity and Infrastructure Security Agency'],
  ['ncsc', 'National Cyber Security Centre'], ['gchq', 'Government Communications Headquarters'],
  ['us', 'United States'], ['u.s', 'United States'], ['u.s.', 'United States'], ['usa', 'United States'],
  ['u.s.a', 'United States'], ['uk', 'United Kingdom'], ['u.k', 'United Kingdom'], ['u.k.', 'United Kingdom'], ['eu', 'European Union'], ['un', 'United Nations'],
  ['nato', 'NATO'], ['enisa', 'ENISA'], ['europol', 'Europol'], ['interpol', 'Interpol'],
  // Agencies named "Service" (no organisation suffix says what they are).
  ['irs', 'Internal Revenue Service'], ['usps', 'United States Postal Service'], ['nhs', 'National Health Service'],
  // Written alone after the full name far more often than as anything else (22 real articles give both).
  ['nso', 'NSO Group'],
]);

/**
 * Publishers that are also companies the news is about: Trend Micro's blog is
 * a source of the corpus, and in ZDNet's and Threatpost's stories Trend Micro
 * is a security vendor ("Trend Micro researchers found …"). An outlet only in
 * its own articles, an organisation elsewhere.
 */
export const PUBLISHING_COMPANIES = new Set(['trend micro']);

/**
 * Other ways of writing a name, by lower case → the name: "Justice Department" (35 real articles) is the
 * Department of Justice (72); "Home Affairs" in an Australian story is its Department of Home Affairs.
 */
export const NAME_FORMS = new Map<string, string>([
  ['justice department', 'Department of Justice'], ['state department', 'Department of State'],
  ['defense department', 'Department of Defense'], ['treasury department', 'Department of the Treasury'],
  ['commerce department', 'Department of Commerce'], ['energy department', 'Department of Energy'],
  ['homeland security department', 'Department of Homeland Security'], ['home affairs', 'Department of Home Affairs'],
  ['home affairs department', 'Department of Home Affairs'], ['health and human services department', 'Department of Health and Human Services'],
]);

/** The states of the US, lower-case (in `PLACES`; after a town's name and a comma they place it: "Ashburn, Virginia"). */
export const US_STATES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada',
  'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma',
  'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah',
  'vermont', 'virginia', 'washington', 'west virginia', 'wisconsin', 'wyoming',
]);

/** The states' abbreviations of the newswires, lower-case without their last period ("La Puente, Calif.", "Albany, N.Y."). */
export const US_STATE_ABBREVIATIONS = new Set([
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'n.h', 'n.j', 'n.m', 'n.y', 'n.c', 'n.d', 'okla', 'ore', 'pa', 'r.i',
  's.c', 's.d', 'tenn', 'vt', 'va', 'wash', 'w.va', 'wis', 'wyo', 'd.c',
]);

/**
 * Places the package data lacks or that predate it, by lower-case name: regions, the US states, the provinces and
 * cities of a smaller size. `PLACES` adds the world's countries and large cities to these.
 */
const HAND_PLACES = [
  'district of columbia', 'afghanistan', 'albania', 'algeria', 'argentina', 'armenia', 'australia', 'austria', 'azerbaijan', 'bahrain',
  'bangladesh', 'belarus', 'belgium', 'bolivia', 'bosnia', 'brazil', 'bulgaria', 'cambodia', 'canada', 'chile',
  'china', 'colombia', 'costa rica', 'croatia', 'cuba', 'cyprus', 'czechia', 'czech republic', 'denmark', 'ecuador', 'egypt',
  'estonia', 'ethiopia', 'finland', 'france', 'georgia', 'germany', 'ghana', 'greece', 'hong kong', 'hungary',
  'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland', 'israel', 'italy', 'japan', 'jordan', 'kazakhstan',
  'kenya', 'korea', 'north korea', 'south korea', 'kuwait', 'latvia', 'lebanon', 'libya', 'lithuania', 'luxembourg',
  'malaysia', 'mexico', 'moldova', 'morocco', 'myanmar', 'nepal', 'netherlands', 'the netherlands', 'new zealand',
  'nigeria', 'norway', 'oman', 'pakistan', 'palestine', 'panama', 'peru', 'philippines', 'poland', 'portugal', 'qatar',
  'romania', 'russia', 'saudi arabia', 'serbia', 'singapore', 'slovakia', 'slovenia', 'south africa', 'spain',
  'sri lanka', 'sweden', 'switzerland', 'syria', 'taiwan', 'thailand', 'tunisia', 'turkey', 'ukraine',
  'united arab emirates', 'uae', 'united kingdom', 'united states', 'america', 'uruguay', 'uzbekistan', 'venezuela',
  'vietnam', 'yemen', 'zimbabwe', 'europe', 'asia', 'africa', 'asia-pacific', 'asia pacific', 'apac', 'emea', 'americas', 'latin america', 'middle east', 'southeast asia', 'south east asia', 'north america', 'south america', 'central america', 'eastern europe', 'western europe', 'haiti', 'chad', 'mali',
  ...US_STATES,
  // The nations of the UK, the states and territories of Australia and the provinces of Canada, with their capitals
  // ("South Australia announced …" was a person in a real article).
  'england', 'scotland', 'wales', 'northern ireland', 'new south wales', 'victoria', 'queensland', 'south australia',
  'western australia', 'tasmania', 'northern territory', 'australian capital territory', 'ontario', 'quebec',
  'british columbia', 'alberta', 'manitoba', 'saskatchewan', 'nova scotia', 'melbourne', 'brisbane', 'perth',
  'adelaide', 'canberra', 'hobart', 'auckland', 'wellington', 'vancouver', 'montreal', 'ottawa', 'edinburgh',
  'glasgow', 'cardiff', 'belfast', 'manchester', 'birmingham',
  'london', 'paris', 'berlin', 'moscow', 'beijing', 'shanghai', 'tokyo', 'seoul', 'sydney', 'toronto', 'seattle',
  'san francisco', 'san diego', 'los angeles', 'chicago', 'boston', 'atlanta', 'dallas', 'houston', 'miami', 'istanbul',
  'izmir', 'ankara', 'kyiv', 'kiev', 'tel aviv', 'dubai', 'mumbai', 'delhi', 'new delhi', 'bangalore', 'amsterdam',
  'brussels', 'dublin', 'madrid', 'rome', 'vienna', 'zurich', 'geneva', 'stockholm', 'oslo', 'helsinki', 'warsaw',
  'prague', 'budapest', 'singapore', 'bangkok', 'jakarta', 'manila', 'taipei', 'hong kong', 'east wenatchee',
  'silicon valley', 'east coast', 'west coast',
  // Written "St." in the text: the dot does not break the name (`saintsDot` in entities.ts).
  'st louis', 'st petersburg',
  // Written alone beside a body they name ("Andorra" beside "Andorra Telecom", "Lazio" beside "Lazio region", "the
  // Pyeongchang Games"), they were things or that body.
  'andorra', 'lazio', 'pyeongchang', 'vilnius',
  'new york city',
];


/** Common first names: two capitalised words starting with one are a person unless the text says otherwise. */
export const FIRST_NAMES = new Set([
  'aaron', 'adam', 'adrian', 'alan', 'albert', 'alex', 'alexander', 'alexandra', 'alice', 'alison', 'allison', 'alon',
  'amanda', 'amit', 'amy', 'andrea', 'andrew', 'andy', 'angela', 'ann', 'anna', 'anne', 'anthony', 'ashwin', 'ashley',
  'barbara', 'bart', 'becky', 'ben', 'benjamin', 'bill', 'bob', 'brad', 'brandon', 'brian', 'bruce', 'carl', 'carlos',
  'carol', 'catherine', 'charles', 'charlie', 'chris', 'christian', 'christina', 'christine', 'christopher', 'claire',
  'craig', 'dan', 'daniel', 'danny', 'dave', 'david', 'deborah', 'dennis', 'derek', 'diana', 'donald', 'doug',
  'douglas', 'dustin', 'ed', 'edward', 'elena', 'elizabeth', 'emily', 'emma', 'eric', 'erik', 'erin', 'eugene',
  'frank', 'gary', 'george', 'glenn', 'graham', 'greg', 'gregory', 'hannah', 'harry', 'heather', 'helen', 'henry',
  'ian', 'ilia', 'ivan', 'jack', 'jacob', 'jake', 'james', 'jamie', 'jan', 'jane', 'janet', 'jason', 'jeff', 'jeffrey',
  'jennifer', 'jeremy', 'jessica', 'jim', 'joe', 'joel', 'john', 'jon', 'jonathan', 'jordan', 'jose', 'joseph',
  'josh', 'joshua', 'juan', 'julia', 'julie', 'justin', 'karen', 'kate', 'katherine', 'kathy', 'keith', 'kelly',
  'ken', 'kevin', 'kim', 'kyle', 'larry', 'laura', 'lauren', 'lawrence', 'leo', 'linda', 'lisa', 'liz', 'lucas',
  'luke', 'marc', 'maria', 'mark', 'martin', 'mary', 'matt', 'matthew', 'max', 'melanie', 'melissa', 'michael',
  'michelle', 'mike', 'mikhail', 'nancy', 'nathan', 'nicholas', 'nick', 'nicole', 'oliver', 'olivia', 'omer', 'pam',
  'patricia', 'patrick', 'paul', 'peter', 'phil', 'philip', 'rachel', 'randy', 'raj', 'ravi', 'rebecca', 'richard',
  'rick', 'rob', 'robert', 'roger', 'ron', 'ronald', 'ross', 'ruth', 'ryan', 'sam', 'samuel', 'sandra', 'sarah',
  'scott', 'sean', 'sergey', 'sharon', 'simon', 'sophie', 'stephanie', 'stephen', 'steve', 'steven', 'susan',
  'tara', 'ted', 'thomas', 'tim', 'timothy', 'tom', 'tony', 'tyler', 'victor', 'victoria', 'vladimir', 'walter',
  'william', 'yuri', 'zach', 'zack', 'joseph', 'ilya', 'dmitry', 'alexey', 'andrey', 'oleg', 'igor', 'chen', 'wei',
  'li', 'ahmed', 'mohammed', 'muhammad', 'ali', 'yossi', 'tal', 'noam', 'lior', 'gil', 'amir', 'jake', 'dustin',
]);

/** A city of the gazetteer with at least this many people (its urban area's, as Natural Earth counts them). */
export const CITY_POPULATION = 1_000_000;

/**
 * A name of the packages as the text writes it, lower-case: "Falkland Islands (Malvinas)" → "falkland islands",
 * "Korea, Republic of" → "korea", "St. Petersburg" → "st petersburg" (a dot after "St" does not break a name,
 * `saintsDot` in entities.ts). Acronyms ("USA", "U.S.", "UK") and other dotted forms are left to `ACRONYMS`, whose
 * expansions make them places without making the pronoun "us" one; undefined for those.
 */
function gazetteerName(name: string): string | undefined {
  let end = name.length;
  const paren = name.indexOf(' (');
  if (paren > 0) end = paren;
  const comma = name.indexOf(',');
  if (comma > 0 && comma < end) end = comma;
  let lower = name.slice(0, end).toLowerCase();
  if (lower.startsWith('st. ')) lower = `st ${lower.slice(4)}`;
  if (lower.includes('.') || name.slice(0, end) === name.slice(0, end).toUpperCase()) return undefined;
  return lower;
}

/**
 * Names of the gazetteer left out. A first name of the lists before a surname is a person far more often in this
 * news than the place it also names ("Sofia", "Leon", "Alexandria", "Salvador", "Santiago"); the hand list keeps
 * the few such places that the news names alone ("Georgia", "Jordan", "Chad", "Victoria"), and `personLike` still
 * reads "researcher Chad Anderson" as a person.
 */
function gazetteerKeeps(lower: string): boolean {
  return !(FIRST_NAMES.has(lower) || COMMON_FIRST_NAMES.has(lower) || NOT_PLACES.has(lower));
}

/**
 * Places whose names the real corpus uses for something else, each seen there and never for the place: surnames
 * ("Deputy Attorney General Monaco", "Doel Santos" of Palo Alto Networks in 4 articles), companies ("Aruba"
 * is HPE's networking arm in all 4 articles that name it, "Kawasaki" the heavy-industries firm), a given name
 * ("Jinan Budge" of Forrester in 3 articles, "Meng Wanzhou" of Huawei in 2, where "Wanxian" is the same city),
 * and a word ("'Friends' Reunion").
 */
const NOT_PLACES = new Set(['monaco', 'santos', 'aruba', 'kawasaki', 'jinan', 'wanzhou', 'wanxian', 'reunion']);

/**
 * Places, by lower-case name: the world's countries in English with their other names (i18n-iso-countries: "Nauru",
 * "El Salvador", "Ivory Coast", "Türkiye"), its cities of a million people or more (city-timezones, from Natural
 * Earth: "Tampa", "Kuala Lumpur", "Ho Chi Minh City"), and `HAND_PLACES`.
 */
export const PLACES: ReadonlySet<string> = (() => {
  const places = new Set(HAND_PLACES);
  const add = (name: string) => {
    const lower = gazetteerName(name);
    if (lower && !places.has(lower) && gazetteerKeeps(lower)) places.add(lower);
  };
  for (const names of Object.values(COUNTRY_NAMES.countries as Record<string, string | string[]>)) {
    if (typeof names === 'string') add(names);
    else for (const name of names) add(name);
  }
  // The bundle holds only these rows and fields (esbuild.mjs, `cityRows`): the full table is 1.9 MB.
  for (const city of CITIES as { city: string; city_ascii: string; pop: number }[]) {
    if (city.pop < CITY_POPULATION) continue;
    add(city.city);
    if (city.city_ascii !== city.city) add(city.city_ascii);
  }
  return places;
})();

// A country's other names, written in full, name the country its shortest name does: "United States of America"
// and "U.S." are the United States, "Islamic Republic of Iran" is Iran, "Russian Federation" Russia (the acronyms'
// own expansion first: "UK" makes "Great Britain" the United Kingdom). Not a name two countries share ("Congo"), nor
// one the hand list had, whose key stays ("Czech Republic" beside "Czechia").
{
  const shared = new Set<string>();
  const seen = new Set<string>();
  for (const names of Object.values(COUNTRY_NAMES.countries as Record<string, string | string[]>)) {
    if (typeof names === 'string') continue;
    const forms = names.filter((n) => n.indexOf(',') < 0 && n.indexOf('(') < 0 && gazetteerName(n) !== undefined);
    for (const n of forms) (seen.has(n) ? shared : seen).add(n);
  }
  for (const names of Object.values(COUNTRY_NAMES.countries as Record<string, string | string[]>)) {
    if (typeof names === 'string') continue;
    const forms = names.filter((n) => n.indexOf(',') < 0 && n.indexOf('(') < 0 && gazetteerName(n) !== undefined && !shared.has(n));
    if (forms.length < 2) continue;
    let main = '';
    for (const n of names) main ||= ACRONYMS.get(n.toLowerCase()) ?? '';
    if (!main) for (const n of forms) if (!main || n.length < main.length) main = n;
    for (const n of forms) {
      const lower = gazetteerName(n)!;
      if (n !== main && lower.includes(' ') && PLACES.has(lower) && !HAND_PLACES.includes(lower) && !NAME_FORMS.has(lower)) NAME_FORMS.set(lower, main);
    }
  }
}

/**
 * The adjectives of the world's countries, lower case, from i18n-nationality ("bahraini", "south african", "greek",
 * "swiss", "czech", "afghan": the ones no ending of `isDemonym` in entities.ts tells), which are where people or
 * things are from, never a name: "Bahraini activists" are people of Bahrain, not an organisation's (5 real articles
 * made "Bahraini" an entity that owned their figures). Not an entry that is a country's own name (the package gives
 * "Bermuda", "Hong Kong" or "Guam" for territories), one with a comma, or two joined by a dash
 * ("Bosnian - Herzegovinian"); "French (French Guiana)" is "french".
 */
export const NATIONALITIES: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const countries = COUNTRY_NAMES.countries as Record<string, string | string[]>;
  for (const [code, adjective] of Object.entries(NATIONALITY_NAMES.nationalities as Record<string, string>)) {
    const bracket = adjective.indexOf(' (');
    const name = bracket < 0 ? adjective : adjective.slice(0, bracket);
    if (name.indexOf(',') >= 0 || name.indexOf(' - ') >= 0) continue;
    const own = countries[code];
    if (own === name || (Array.isArray(own) && own.includes(name)) || PLACES.has(name.toLowerCase())) continue;
    out.add(name.toLowerCase());
  }
  return out;
})();

