import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, counts, type Harness, startHarness } from '../../support/donations/harness.ts';
import { malformedCases } from '../../support/donations/malformed-bodies.ts';

/**
 * ≥ 1,000 generated malformed donation requests over HTTP: each gets a 4xx with an error code and
 * a Chinese message, none a 5xx, and not one row reaches the ledger.
 */
const CASES = malformedCases(1_200);

describe.each(BACKENDS)('malformed donation bodies on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (!skip) h = await startHarness(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(skip)(`${CASES.length} malformed requests → 4xx with a code, no row written, no 5xx`, async () => {
    const before = await counts(h.ctx);
    const byCode = new Map<string, number>();
    const failures: string[] = [];
    const started = performance.now();
    for (let i = 0; i < CASES.length; i += 25) {
      await Promise.all(
        CASES.slice(i, i + 25).map(async (c) => {
          const response = await fetch(`${h.url}/api/donations`, {
            method: 'POST',
            headers: { 'content-type': c.contentType },
            body: c.body,
          });
          const text = await response.text();
          let code = '';
          let message = '';
          try {
            const json = JSON.parse(text) as { error?: { code?: string; message?: string } };
            code = json.error?.code ?? '';
            message = json.error?.message ?? '';
          } catch {
            // not JSON
          }
          const ok =
            response.status >= 400 &&
            response.status < 500 &&
            /^[A-Z_]+$/.test(code) &&
            /\p{Script=Han}/u.test(message);
          if (!ok) failures.push(`${c.label} → ${response.status} ${text.slice(0, 200)}`);
          byCode.set(`${response.status} ${code}`, (byCode.get(`${response.status} ${code}`) ?? 0) + 1);
        }),
      );
    }
    const ms = performance.now() - started;
    process.stdout.write(
      `[${name}] ${CASES.length} malformed bodies in ${ms.toFixed(0)} ms: ${[...byCode]
        .sort()
        .map(([k, n]) => `${k}×${n}`)
        .join(', ')}\n`,
    );
    expect(failures).toEqual([]);
    expect(await counts(h.ctx)).toEqual(before);
    expect(before.orders).toBe(0);
    expect(h.logs.filter((l) => l.includes('内部错误'))).toEqual([]);
  });
});
