import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET_HEADER } from '../../../../content/contracts/webhook.ts';
import { strapiWebhookHandler } from '../../../../publisher/webhook/strapi-webhook.ts';

const SECRET = 'a-test-secret-of-enough-length';
const events: string[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  const handler = strapiWebhookHandler({ secret: () => SECRET, onEvent: (e) => events.push(e) });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/strapi`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
const publish = JSON.stringify({ event: 'entry.publish', uid: 'api::project.project', entry: { id: 1 } });

describe('Strapi webhook receiver', () => {
  it.each([
    ['no secret', {}, 401, 'WEBHOOK_SECRET_INVALID'],
    ['a wrong secret', { [WEBHOOK_SECRET_HEADER]: 'wrong-secret-of-same-lengthxx' }, 401, 'WEBHOOK_SECRET_INVALID'],
    ['a secret of another length', { [WEBHOOK_SECRET_HEADER]: 'short' }, 401, 'WEBHOOK_SECRET_INVALID'],
  ])('refuses %s and triggers nothing', async (_label, headers, status, code) => {
    const before = events.length;
    const res = await post(publish, headers);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(events.length).toBe(before);
  });

  it.each([
    ['broken JSON', '{"event":', 400, 'INVALID_JSON'],
    ['an event we do not handle', JSON.stringify({ event: 'media.create' }), 400, 'UNSUPPORTED_EVENT'],
    ['an oversize body', JSON.stringify({ event: 'entry.publish', pad: 'x'.repeat(1_100_000) }), 413, 'BODY_TOO_LARGE'],
  ])('answers %s with a code', async (_label, body, status, code) => {
    const res = await post(body, { [WEBHOOK_SECRET_HEADER]: SECRET });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('accepts a publish with the secret and reports the event', async () => {
    const res = await post(publish, { [WEBHOOK_SECRET_HEADER]: SECRET });
    expect(res.status).toBe(202);
    expect(events.at(-1)).toBe('entry.publish api::project.project');
  });

  it('refuses GET', async () => {
    expect((await fetch(url)).status).toBe(405);
  });
});
