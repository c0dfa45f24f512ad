/**
 * One canonical form per article URL, so a link in one article can be matched
 * to the `+ Link:` of another. ThreatPost is published under two addresses:
 * `threatpost.com/<slug>/168689/` and `kasperskycontenthub.com/threatpost-global/?p=168689`
 * are the same article, and both become `threatpost:168689`.
 */

import { trimEndWhere } from '../text';

const TRACKING = /^(?:utm_|mod$|ref$|ref_src$|fbclid$|gclid$|mc_|cmp$|ftag$|taid$)/;

/** Hosts that publish one site under several names ("blogs.computerworld.com" is Computerworld). */
const SAME_SITE: Record<string, string> = { 'blogs.computerworld.com': 'computerworld.com' };

/** An http(s) address, parsed, with its host as one name per site (no "www.", `SAME_SITE`); undefined for anything else. */
function httpUrl(raw: string): { u: URL; host: string } | undefined {
  // An article's own address is read twice (`siteOf`, then `canonicalUrl`): the second reading costs nothing.
  if (raw === lastRaw) return lastUrl;
  lastRaw = raw;
  return (lastUrl = readHttpUrl(raw));
}

let lastRaw: string | undefined;
let lastUrl: { u: URL; host: string } | undefined;

function readHttpUrl(raw: string): { u: URL; host: string } | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const bare = u.hostname.toLowerCase().replace(/^www\./, '');
  return { u, host: SAME_SITE[bare] ?? bare };
}

/**
 * The site a web address belongs to: its host without "www.", one name per
 * site (`SAME_SITE`; ThreatPost's copies on kasperskycontenthub.com are
 * threatpost.com). Undefined for what is not an http(s) address.
 */
export function siteOf(raw: string): string | undefined {
  const h = httpUrl(raw);
  if (!h) return undefined;
  return h.host === 'kasperskycontenthub.com' && h.u.pathname.startsWith('/threatpost-global') ? 'threatpost.com' : h.host;
}

/** Other names a site's addresses may carry instead of its own (see `siteOf`). */
const OTHER_NAMES = new Map<string, string[]>([['threatpost.com', ['kasperskycontenthub.com']]]);
for (const [other, site] of Object.entries(SAME_SITE)) OTHER_NAMES.set(site, [...(OTHER_NAMES.get(site) ?? []), other]);

/**
 * Whether `raw` is an address on `site` (`siteOf(raw) === site`). An
 * article links to dozens of addresses, and parsing each costs more than
 * the rest of its links' handling: one that names neither the site nor any
 * other name of it, in plain ASCII without escapes or breaks, is on another
 * site, and is not parsed.
 */
export function onSite(raw: string, site: string): boolean {
  // An IP address is written many ways ("http://2130706433/" is 127.0.0.1): only the parser says.
  if (/^[\d.]+$|^\[/.test(site)) return siteOf(raw) === site;
  // (An address that names the site as written is parsed without lower-casing it first.)
  if (!raw.includes(site)) {
    const lower = raw.toLowerCase();
    if (!lower.includes(site) && !OTHER_NAMES.get(site)?.some((n) => lower.includes(n)) && !/[^\x21-\x7e]|%/.test(raw.trim())) return false;
  }
  return siteOf(raw) === site;
}

export function canonicalUrl(raw: string): string | undefined {
  const h = httpUrl(raw);
  if (!h) return undefined;
  const { u, host } = h;
  if (host === 'kasperskycontenthub.com' && u.pathname.startsWith('/threatpost-global')) {
    const p = u.searchParams.get('p');
    if (p && /^\d+$/.test(p)) return `threatpost:${p}`;
  }
  if (host === 'threatpost.com') {
    const m = /\/(\d{4,})\/?$/.exec(u.pathname);
    if (m) return `threatpost:${m[1]}`;
  }
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  // Trend Micro serves one article under each locale ("/en_us/research/…", "/en_no/research/…").
  const path = trimEndWhere(host === 'trendmicro.com' ? u.pathname.replace(/^\/[a-z]{2}_[a-z]{2}\//, '/') : u.pathname, /\//);
  return `${host}${path}${query}`;
}
