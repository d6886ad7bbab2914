import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoSnapshot } from '../../../support/fixtures/site.ts';

/** The pages ask the same merchant registry the donations API pays through (content/node/merchant-slugs.ts). */
describe('donate form and the merchant registry', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('a charity missing from ALIPAY_MERCHANTS_FILE gets no donate form, with the reason shown', async () => {
    const snapshot = demoSnapshot();
    const withForm = snapshot.charities[0]?.slug ?? '';
    const key = 'A'.repeat(120);
    const file = join(mkdtempSync(join(tmpdir(), 'xianjie-site-merchants-')), 'merchants.json');
    writeFileSync(
      file,
      JSON.stringify({
        [withForm]: { appId: '2021000000000001', sellerId: '2088000000000001', privateKey: key, alipayPublicKey: key },
      }),
    );
    vi.stubEnv('ALIPAY_MERCHANTS_FILE', file);
    vi.resetModules();
    const { buildSiteData } = await import('../../../../site/lib/site-data.ts');
    const site = buildSiteData(snapshot);

    const others = site.projects.filter((v) => v.charity.slug !== withForm);
    expect(others.length).toBeGreaterThan(0);
    for (const view of others) {
      expect(view.accepting).toBe(false);
      const reasons = view.eligibility.eligible ? [] : view.eligibility.reasons;
      expect(reasons.map((r) => r.code)).toContain('NO_MERCHANT');
    }
    const own = site.projects.filter((v) => v.charity.slug === withForm);
    expect(own.length).toBeGreaterThan(0);
    for (const view of own) {
      const reasons = view.eligibility.eligible ? [] : view.eligibility.reasons;
      expect(reasons.map((r) => r.code)).not.toContain('NO_MERCHANT');
    }
  });
});
