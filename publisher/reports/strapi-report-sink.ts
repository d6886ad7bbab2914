import { REPORT_INTAKE_PATH, reportIntakeAnswerSchema } from '../../content/index.ts';
import type { ReportSink } from '../../donations/index.ts';

/**
 * Where the report outbox delivers: the CMS's intake (content/schemas/report-intake.ts), with the
 * secret the CMS generated and the publisher reads (config.ts). Any answer but 200/201 is a
 * failure the outbox retries; the reference as `Idempotency-Key` makes a retry harmless.
 */
export interface StrapiReportSinkOptions {
  url: string;
  secret: () => string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function strapiReportSink(options: StrapiReportSinkOptions): ReportSink {
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${options.url.replace(/\/+$/, '')}${REPORT_INTAKE_PATH}`;
  return async (intake) => {
    const secret = options.secret();
    if (!secret) throw new Error('还没有举报转交密钥 XIANJIE_REPORT_SECRET（内容管理系统首次启动时生成）');
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${secret}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': intake.reference,
        },
        body: JSON.stringify(intake),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new Error(`无法连接内容管理系统：${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`内容管理系统答复 HTTP ${response.status}${text ? `：${text.slice(0, 300)}` : ''}`);
    }
    const answer = reportIntakeAnswerSchema.safeParse(JSON.parse(text || 'null'));
    if (!answer.success || answer.data.reference !== intake.reference) {
      throw new Error(`内容管理系统的答复无法识别：${text.slice(0, 300)}`);
    }
    return { documentId: answer.data.documentId };
  };
}
