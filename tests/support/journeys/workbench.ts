import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { z } from 'zod';
import { todayIso } from '../../../content/rules/dates.ts';
import { suggestCharities } from '../../../referrals/cases/suggest.ts';
import { journeyPortal, liveSnapshot } from './journey-context.ts';

/**
 * The 衔接 workbench as its caseworkers use it in a journey: the demo accounts `npm start` wrote
 * (`<data>/referrals/demo-accounts.json`, as the start banner tells people), the login form, and
 * what the workbench will suggest for a household (the same rule on the same snapshot file).
 */
const demoFileSchema = z.object({
  login: z.string(),
  accounts: z.array(
    z.object({
      username: z.string(),
      password: z.string(),
      role: z.enum(['civil-affairs', 'charity', 'ministry']),
      label: z.string(),
    }),
  ),
});
export type WorkbenchAccount = z.infer<typeof demoFileSchema>['accounts'][number];

export function workbenchAccounts(): WorkbenchAccount[] {
  const path = join(journeyPortal().dataDir, 'referrals', 'demo-accounts.json');
  return demoFileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).accounts;
}

/** The demo's county caseworker (`county.<code>`), its county, and the demo charities' caseworkers by slug. */
export function demoCaseworkers(): {
  county: WorkbenchAccount;
  countyCode: string;
  charities: Map<string, WorkbenchAccount>;
} {
  const accounts = workbenchAccounts();
  const county = accounts.find((a) => a.role === 'civil-affairs' && /^county\.\d{6}$/.test(a.username));
  if (!county) throw new Error('衔接工作台的演示账号中没有县级民政经办人员');
  const charities = new Map<string, WorkbenchAccount>();
  for (const a of accounts) {
    const slug = /（([a-z0-9-]+)）$/.exec(a.label)?.[1];
    if (a.role === 'charity' && slug) charities.set(slug, a);
  }
  return { county, countyCode: county.username.slice('county.'.length), charities };
}

/**
 * A hardship (target group and service) in `countyCode` for which the workbench suggests one of
 * `charities` first, by the workbench's own rule on the snapshot it reads.
 */
export function hardshipSuggesting(
  countyCode: string,
  charities: ReadonlySet<string>,
): { targetGroup: string; serviceType: string; charitySlug: string; charityName: string } {
  // The portal's workbench suggests from the live release's snapshot (publisher/portal.ts).
  const snapshot = liveSnapshot();
  const today = todayIso(new Date());
  for (const project of snapshot.projects) {
    for (const targetGroup of project.targetGroups) {
      for (const serviceType of project.serviceTypes) {
        const [first] = suggestCharities(snapshot, { countyCode, targetGroup, serviceType }, today);
        if (first && charities.has(first.charitySlug)) {
          return { targetGroup, serviceType, charitySlug: first.charitySlug, charityName: first.charityName };
        }
      }
    }
  }
  throw new Error(`在 ${countyCode} 找不到会首先推荐演示慈善组织的困难情形`);
}

export async function workbenchLogin(page: Page, baseUrl: string, who: WorkbenchAccount): Promise<void> {
  await page.goto(`${baseUrl}/workbench/login`);
  await page.getByLabel('用户名').fill(who.username);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/workbench\/queue$/);
}

/** The notice a workbench action leaves on the page it returns to. */
export function notice(page: Page): Locator {
  return page.locator('.notice').first();
}

/** The reference (ZJ-… / BG-…) on a referral's page. */
export async function referenceOn(page: Page): Promise<string> {
  const text = (await page.locator('dt:text-is("编号") + dd').textContent()) ?? '';
  expect(text).toMatch(/^(ZJ|BG)-/);
  return text.trim();
}
