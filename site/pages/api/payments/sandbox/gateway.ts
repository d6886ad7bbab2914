import type { APIRoute } from 'astro';
import { sandboxGateway, withDonations } from '../../../../../donations/index.ts';

/** The sandbox's fake Alipay gateway (only when no real merchant is configured). */
export const prerender = false;

export const GET: APIRoute = ({ request }) => withDonations((ctx, req) => sandboxGateway(ctx, req), request);
export const POST: APIRoute = ({ request }) => withDonations((ctx, req) => sandboxGateway(ctx, req), request);
