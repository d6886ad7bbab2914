import type { APIRoute } from 'astro';
import { REPORT_ANSWER_LOCAL, REPORT_ANSWER_PAGE } from '../../../../content/index.ts';
import { receiveReport, socketAddressOf, withDonations } from '../../../../donations/index.ts';

/**
 * POST /api/reports — a report (举报/投诉) from a fundraising page. JSON in, JSON out; the plain
 * HTML form of the pages (no JavaScript) gets a page: the handler's answer is handed to
 * reports/answer.astro through `locals` and rendered there with the site's layout (an Astro
 * rewrite: same request, no redirect, so nothing of the report travels in a URL).
 */
export const prerender = false;

export const POST: APIRoute = (context) =>
  withDonations(async (ctx, request) => {
    const outcome = await receiveReport(ctx, request, {
      socketAddress: socketAddressOf(context.locals, context.request, () => context.clientAddress),
    });
    if (outcome.kind === 'json') return outcome.response;
    (context.locals as Record<string, unknown>)[REPORT_ANSWER_LOCAL] = { answer: outcome.answer, demo: outcome.demo };
    return context.rewrite(new Request(new URL(REPORT_ANSWER_PAGE, context.url)));
  }, context.request);
