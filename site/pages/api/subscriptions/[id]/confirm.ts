import type { APIRoute } from 'astro';
import { postSubscriptionChange, withDonations } from '../../../../../donations/index.ts';

/** POST /api/subscriptions/{id}/confirm?token= — the confirmation page's button. */
export const prerender = false;

export const POST: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => postSubscriptionChange(ctx, 'confirm', params.id ?? '', req), request);
