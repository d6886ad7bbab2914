import type { APIRoute, GetStaticPaths } from 'astro';
import { coverFiles, readCoverMedia } from '../../lib/cover-media.ts';
import { getSiteData } from '../../lib/site-data.ts';

/** Every size of every cover picture, copied into the release (lib/cover-media.ts says why). */
export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return [...coverFiles(site.snapshot)].map(([file, url]) => ({ params: { file }, props: { url } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ url: string }> = async ({ props }) => new Response(await readCoverMedia(props.url));
