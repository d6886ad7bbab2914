import { escapeXml } from '../../content/contracts/escape.ts';

/** An Atom 1.0 feed (RFC 4287). Entries carry plain-text summaries; the page has the rest. */
export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  /** ISO date or date-time. */
  updated: string;
  summary: string;
  author: string;
  category?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  siteUrl: string;
  updated: string;
  entries: AtomEntry[];
}

/** `2025-07-16` → `2025-07-16T00:00:00+08:00` (Atom wants a date-time; the law counts Beijing days). */
export function atomTime(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value;
}

export function renderAtom(feed: AtomFeed): string {
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <updated>${escapeXml(atomTime(e.updated))}</updated>
    <author><name>${escapeXml(e.author)}</name></author>${e.category ? `\n    <category term="${escapeXml(e.category)}"/>` : ''}
    <summary type="text">${escapeXml(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>
  <updated>${escapeXml(atomTime(feed.updated))}</updated>
${entries.join('\n')}
</feed>
`;
}
