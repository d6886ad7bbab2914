import type { IncomingMessage, ServerResponse } from 'node:http';
import { WorkbenchError } from '../errors.ts';
import { WORKBENCH_CSP } from './html.ts';

export type Form = Record<string, string | string[]>;

const BODY_LIMIT = 32 * 1024;

/** A url-encoded form body (the only kind the workbench takes), repeated names as arrays. */
export async function readForm(req: IncomingMessage): Promise<Form> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new WorkbenchError(415, 'UNSUPPORTED_MEDIA_TYPE', '只接受网页表单提交');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new WorkbenchError(413, 'BODY_TOO_LARGE', '提交内容过长（最多 32 KB）');
    chunks.push(chunk as Buffer);
  }
  const form: Form = {};
  for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
    const known = form[k];
    form[k] = known === undefined ? v : Array.isArray(known) ? [...known, v] : [known, v];
  }
  return form;
}

export const text = (form: Form, name: string): string => {
  const v = form[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/**
 * Is this POST from one of our own pages? The Origin header (or, without one, the Referer's
 * origin) must be the configured site's origin or the origin the request itself was sent to; a
 * browser on another site cannot forge either header. A request with neither is refused too.
 */
export function sameOrigin(req: IncomingMessage, siteUrl: string): boolean {
  let origin = req.headers.origin;
  if (!origin && req.headers.referer) {
    try {
      origin = new URL(req.headers.referer).origin;
    } catch {
      return false;
    }
  }
  if (!origin || origin === 'null') return false;
  const host = req.headers.host;
  const scheme = siteUrl.startsWith('https:') ? 'https' : 'http';
  return origin === new URL(siteUrl).origin || (host !== undefined && origin === `${scheme}://${host}`);
}

export interface Answer {
  status: number;
  body?: string;
  location?: string;
  cookies?: string[];
}

export function send(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string | string[]> = {
    'cache-control': 'no-store',
    'content-security-policy': WORKBENCH_CSP,
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'x-content-type-options': 'nosniff',
    // Search engines have no business here even if a link leaks.
    'x-robots-tag': 'noindex, nofollow',
  };
  if (answer.cookies?.length) headers['set-cookie'] = answer.cookies;
  if (answer.location) headers.location = answer.location;
  if (answer.body !== undefined) headers['content-type'] = 'text/html; charset=utf-8';
  res.writeHead(answer.status, headers);
  res.end(answer.body ?? '');
}

export const redirect = (location: string, cookies?: string[]): Answer => ({
  status: 303,
  location,
  ...(cookies ? { cookies } : {}),
});

export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
