import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { loadEnv } from '../../../../config/env.ts';
import { reportStats } from '../../../lib/content.ts';
import { INTAKE_STATE_FLAG } from '../../../reports/report-guard.ts';
import { intakeReport, secretMatches } from '../../../reports/report-intake.ts';
import { allReportTimes } from '../../../reports/report-rows.ts';

interface KoaContext {
  request: { headers: Record<string, string | undefined>; body?: unknown };
  state: Record<string, unknown>;
  status: number;
  body: unknown;
}

/**
 * The only Content API of reports (routes/report.ts): the portal's intake, and the counts per
 * quarter for the transparency page. No find/findOne: reports are never readable over the API.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async intake(ctx: KoaContext) {
    if (!secretMatches(ctx.request.headers.authorization, loadEnv().secrets.reportSecret)) {
      throw new errors.UnauthorizedError('只有门户网站可以转交举报（缺少或错误的 XIANJIE_REPORT_SECRET）');
    }
    const body = ctx.request.body as { reference?: unknown } | undefined;
    const key = ctx.request.headers['idempotency-key'];
    if (key !== undefined && key !== body?.reference) {
      throw new errors.ValidationError('Idempotency-Key 应与举报编号（reference）相同');
    }
    // The report guard lets exactly this request create a report.
    ctx.state[INTAKE_STATE_FLAG] = true;
    const answer = await intakeReport(strapi, body);
    ctx.status = answer.created ? 201 : 200;
    ctx.body = answer;
  },

  async stats(ctx: KoaContext) {
    ctx.body = { data: reportStats(await allReportTimes(strapi), new Date()) };
  },
});
