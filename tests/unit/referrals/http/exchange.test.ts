import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { sameOrigin } from '../../../../referrals/http/exchange.ts';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('sameOrigin', () => {
  const site = 'https://xianjie.example.org';
  it.each([
    [{ origin: 'https://xianjie.example.org' }, true],
    [{ origin: 'http://127.0.0.1:4321', host: '127.0.0.1:4321' }, false],
    [{ origin: 'https://127.0.0.1:4321', host: '127.0.0.1:4321' }, true],
    [{ origin: 'https://evil.example', host: 'xianjie.example.org' }, false],
    [{ referer: 'https://xianjie.example.org/workbench/queue' }, true],
    [{ referer: 'https://evil.example/x' }, false],
    [{ origin: 'null' }, false],
    [{}, false],
  ])('%o → %s', (headers, ok) => {
    expect(sameOrigin(req(headers), site)).toBe(ok);
  });
});
