import type Mail from 'nodemailer/lib/mailer/index.js';
import {
  DISCLOSURE_KINDS,
  fillPath,
  formatRange,
  formatYuan,
  labelOf,
  SUBSCRIPTION_PAGES,
  SUBSCRIPTION_UNSUBSCRIBE_PATH,
} from '../../content/index.ts';
import { paths } from '../../content/paths.ts';
import type { MailKeys } from './mail-keys.ts';
import type { MailPayload } from './payload.ts';

/**
 * A queued message as nodemailer's message object: plain text only (no HTML, so nothing to load,
 * no tracking pixel, nothing a client fetches), UTF-8. News carries RFC 8058 one-click unsubscribe
 * (`List-Unsubscribe` with the HTTPS URL the mail client POSTs `List-Unsubscribe=One-Click` to,
 * and `List-Unsubscribe-Post`) and the same unsubscribe as a plain link in the text, which opens
 * a page with a button (a link a mail scanner fetches must not unsubscribe anyone).
 */
export interface ComposeInput {
  payload: MailPayload;
  subscriptionId: string;
  to: string;
  from: string;
  messageId: string;
  siteUrl: string;
  keys: MailKeys;
  confirmHours: number;
}

const link = (siteUrl: string, path: string, query: Record<string, string> = {}): string => {
  const url = new URL(path, `${siteUrl}/`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.href;
};

export function unsubscribeUrls(siteUrl: string, subscriptionId: string, keys: MailKeys) {
  const token = keys.unsubscribeToken(subscriptionId);
  return {
    /** For the mail client's one-click POST (RFC 8058). */
    oneClick: link(siteUrl, fillPath(SUBSCRIPTION_UNSUBSCRIBE_PATH, { id: subscriptionId }), { token }),
    /** For a person: a page that asks before it acts. */
    page: link(siteUrl, SUBSCRIPTION_PAGES.unsubscribe, { id: subscriptionId, token }),
  };
}

export function composeMessage(input: ComposeInput): Mail.Options {
  const { payload, siteUrl, subscriptionId } = input;
  const projectUrl = link(siteUrl, paths.project(payload.project.slug));
  const base: Mail.Options = {
    from: input.from,
    to: input.to,
    messageId: input.messageId,
    // Plain text says everything; no HTML part means no remote content and no pixel.
    textEncoding: 'base64',
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
  if (payload.kind === 'confirm') {
    const confirm = link(siteUrl, SUBSCRIPTION_PAGES.confirm, {
      id: subscriptionId,
      token: input.keys.confirmToken(subscriptionId, payload.confirmSentAt),
    });
    return {
      ...base,
      subject: `请确认订阅「${payload.project.title}」的项目进展`,
      text: [
        '您好：',
        '',
        `有人（希望是您）在衔接网站上用这个邮箱订阅了「${payload.project.title}」的项目进展。`,
        `请在 ${input.confirmHours} 小时内打开下面的链接并点击「确认订阅」：`,
        confirm,
        '',
        '如果不是您本人操作，请忽略这封邮件：不确认就不会再收到任何邮件。',
        '',
        '项目页面：',
        projectUrl,
        '— 衔接（本邮件由系统发出，请勿回复）',
      ].join('\n'),
    };
  }
  const urls = unsubscribeUrls(siteUrl, subscriptionId, input.keys);
  const lines = payload.disclosures.flatMap((d, i) => [
    `${i + 1}. ${d.title}（${labelOf(DISCLOSURE_KINDS, d.kind)}）`,
    `   涵盖期间：${formatRange(d.period)}`,
    `   本期支出合计：${formatYuan(d.expenseFen)}`,
    `   ${link(siteUrl, paths.disclosureAnchor(payload.project.slug, d.slug))}`,
    '',
  ]);
  return {
    ...base,
    subject: `「${payload.project.title}」有 ${payload.disclosures.length} 条新的信息公开`,
    headers: {
      ...(base.headers as Record<string, string>),
      'List-Unsubscribe': `<${urls.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    text: [
      '您好：',
      '',
      `您订阅的「${payload.project.title}」公开了新的信息：`,
      '',
      ...lines,
      '项目页面：',
      projectUrl,
      '',
      // Links on lines of their own: some mail clients do not find a link that follows CJK text.
      '退订（不再收到该项目的邮件）：',
      urls.page,
      '— 衔接（本邮件由系统发出，请勿回复）',
    ].join('\n'),
  };
}
