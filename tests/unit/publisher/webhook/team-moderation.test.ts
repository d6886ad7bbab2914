import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET_HEADER } from '../../../../content/contracts/webhook.ts';
import { teamModerationHandler } from '../../../../publisher/webhook/team-moderation.ts';

/** The CMS's 团队处理 call: only with the webhook secret, JSON handed to donations as it came. */
const SECRET = 'a-test-secret-of-enough-length';
const applied: unknown[] = [];
let configured = true;
let server: Server;
let url: string;

beforeAll(async () => {
  const handler = teamModerationHandler({
    secret: () => (configured ? SECRET : null),
    apply: async (body) => {
      applied.push(body);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ restored: true }) };
    },
  });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/strapi/team-moderation`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const restore = JSON.stringify({ action: 'restore', entry: 'k3j2h1' });
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('团队处理 route of the publisher', () => {
  it.each([
    ['no secret', {}],
    ['a wrong secret', { [WEBHOOK_SECRET_HEADER]: 'wrong-secret-of-same-lengthxx' }],
  ])('refuses %s, applying nothing', async (_label, headers) => {
    const before = applied.length;
    const res = await post(restore, headers);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('WEBHOOK_SECRET_INVALID');
    expect(applied.length).toBe(before);
  });

  it('refuses broken JSON and other methods in Chinese', async () => {
    const res = await post('{"action":', { [WEBHOOK_SECRET_HEADER]: SECRET });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await fetch(url, { headers: { [WEBHOOK_SECRET_HEADER]: SECRET } })).status).toBe(405);
  });

  it('answers 503 before the secret is known', async () => {
    configured = false;
    try {
      expect((await post(restore, { [WEBHOOK_SECRET_HEADER]: SECRET })).status).toBe(503);
    } finally {
      configured = true;
    }
  });

  it('hands the parsed body over and returns its answer', async () => {
    const res = await post(restore, { [WEBHOOK_SECRET_HEADER]: SECRET });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ restored: true });
    expect(applied.at(-1)).toEqual({ action: 'restore', entry: 'k3j2h1' });
  });
});
