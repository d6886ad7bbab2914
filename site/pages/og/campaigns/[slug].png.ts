import type { APIRoute, GetStaticPaths } from 'astro';
import type { Campaign } from '../../../../content/index.ts';
import { campaignShareCard } from '../../../lib/share-image/share-cards.ts';
import { shareImageResponse } from '../../../lib/share-image/share-image-response.ts';
import { getSiteData } from '../../../lib/site-data.ts';

/** The share image of each campaign (every page of its project list shares it). */
export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return site.campaigns.map((campaign) => ({
    params: { slug: campaign.slug },
    props: { campaign, projectCount: site.campaignProjects.get(campaign.slug)?.length ?? 0 },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ campaign: Campaign; projectCount: number }> = ({ props }) =>
  shareImageResponse(campaignShareCard(props.campaign, props.projectCount));
