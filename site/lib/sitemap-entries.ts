import { z } from 'zod';
import { isoDate } from '../../content/schemas/common.ts';

/**
 * What the build hands to the sitemap integration (site/integrations/sitemap.ts): the pages a
 * search engine should know and the day each last changed. The site's data decides which pages
 * those are (site/lib/sitemap.ts), which @astrojs/sitemap alone cannot know, so a prerendered
 * route writes this file and the integration reads it, lists exactly these pages and deletes it.
 */
export const SITEMAP_ENTRIES_FILE = 'sitemap-entries.json';

export const sitemapEntrySchema = z.object({
  /** Absolute URL of a built page. */
  url: z.url(),
  /** The day the page last changed, when the page says (projects, typical cases). */
  lastmod: isoDate.optional(),
});
export type SitemapEntry = z.infer<typeof sitemapEntrySchema>;

export const sitemapEntriesSchema = z.object({
  version: z.literal(1),
  entries: z.array(sitemapEntrySchema),
});
export type SitemapEntries = z.infer<typeof sitemapEntriesSchema>;
