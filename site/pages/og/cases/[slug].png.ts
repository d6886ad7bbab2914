import type { APIRoute, GetStaticPaths } from 'astro';
import type { TypicalCase } from '../../../../content/index.ts';
import { typicalCaseShareCard } from '../../../lib/share-image/share-cards.ts';
import { shareImageResponse } from '../../../lib/share-image/share-image-response.ts';
import { getSiteData } from '../../../lib/site-data.ts';

/** The share image of each typical case page (its og:image). */
export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return site.typicalCases.map((item) => ({ params: { slug: item.slug }, props: { item } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ item: TypicalCase }> = ({ props }) => shareImageResponse(typicalCaseShareCard(props.item));
