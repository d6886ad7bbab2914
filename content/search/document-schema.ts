import { z } from 'zod';
import { isoDate } from '../index.ts';
import type { SearchDocument } from './documents.ts';
import { SEARCH_TYPES, type SearchType } from './settings.ts';

/**
 * A search document as read back from a file (search/index/release-documents.ts). The type annotation
 * ties it to the `SearchDocument` interface documents.ts builds, so the two cannot drift apart
 * unnoticed: a field added there and not here fails the type check.
 */
const strings = z.array(z.string());

export const searchDocumentSchema: z.ZodType<SearchDocument> = z.object({
  id: z.string().min(1),
  type: z.enum(Object.keys(SEARCH_TYPES) as [SearchType, ...SearchType[]]),
  slug: z.string().min(1),
  url: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  keywords: strings,
  province: strings,
  region: strings,
  targetGroup: strings,
  serviceType: strings,
  status: z.string().nullable(),
  acceptingDonations: z.boolean().nullable(),
  overdue: z.boolean().optional(),
  keyCounty: z.boolean(),
  charity: strings,
  project: z.string().nullable(),
  projectSlug: z.string().nullable(),
  publishedOn: isoDate,
  typeRank: z.number().int(),
});
