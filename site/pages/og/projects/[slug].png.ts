import type { APIRoute, GetStaticPaths } from 'astro';
import { projectShareCard } from '../../../lib/share-image/share-cards.ts';
import { shareImageResponse } from '../../../lib/share-image/share-image-response.ts';
import { getSiteData, type ProjectView } from '../../../lib/site-data.ts';

/** The share image of each project page (its og:image). */
export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return site.projects.map((view) => ({ params: { slug: view.project.slug }, props: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: ProjectView }> = ({ props }) => shareImageResponse(projectShareCard(props.view));
