import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { type AdminResponse, contentManager } from '../../../bench/harness/strapi-admin-api.ts';
import { REPO_ROOT } from '../../../publisher/config.ts';
import type { DemoAccount } from './journey-context.ts';

// The admin API calls live with the publish benchmark, which uses them too; the journeys import them from here.
export {
  type AdminResponse,
  adminToken,
  contentManager,
  documentIdOf,
} from '../../../bench/harness/strapi-admin-api.ts';

/**
 * The Strapi admin as an editor uses it (Chromium), plus its JSON API (the same endpoints the
 * admin's React app calls) for checks that are about the server, not the screen.
 */
export async function adminLoginUi(page: Page, strapiUrl: string, who: DemoAccount): Promise<void> {
  await page.goto(`${strapiUrl}/admin/auth/login`);
  await page.getByLabel(/^(Email|邮箱|电子邮件)/).fill(who.email);
  await page.getByLabel(/^(Password|密码)/).fill(who.password);
  await page.getByRole('button', { name: /^(Login|登录)$/ }).click();
  await expect(page).not.toHaveURL(/\/auth\/login/, { timeout: 60_000 });
}

/** A form field by its label (cms/src/edit-views: the Chinese label, plus `*` when required). */
export function field(page: Page, name: string): Locator {
  return page.getByLabel(new RegExp(`^${name}\\s*\\*?$`));
}

/** The select or relation combobox labelled `name`. */
export function combobox(page: Page, name: string): Locator {
  return page.getByRole('combobox', { name: new RegExp(`^${name}\\s*\\*?$`) });
}

/** An option of the open select or relation list. */
export function option(page: Page, name: string | RegExp): Locator {
  return page.getByRole('option', { name }).first();
}

/** Picks `option` in the select or relation combobox labelled `name`, typing `search` first. */
export async function pickOption(page: Page, name: string, search: string | null, option: string | RegExp) {
  await page.getByRole('combobox', { name: new RegExp(`^${name}\\s*\\*?$`) }).click();
  if (search) await page.keyboard.type(search);
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * The "Published" toast Strapi shows after a successful publish (its labels are English); when
 * Strapi shows an error instead (a refused publish names the field), the failure says what it said.
 */
export async function expectPublished(page: Page): Promise<void> {
  const published = page.getByText(/Published document|已发布/).first();
  const alert = page.getByRole('alert').first();
  await expect(published.or(alert).first()).toBeVisible({ timeout: 60_000 });
  if (await published.isVisible()) return;
  await failWithForm(page, 'unpublished', 'Strapi 没有发布', alert);
}

/**
 * After 保存 on a new entry: the admin moves to the saved entry's URL (`saved` says when it has).
 * When Strapi refuses instead (a unique slug taken, a required field empty), the failure says
 * what it said, with the form's field errors and a screenshot, rather than a bare timeout.
 */
export async function expectSaved(page: Page, saved: (url: URL) => boolean): Promise<void> {
  const alert = page.getByRole('alert').first();
  const moved = page.waitForURL(saved, { timeout: 60_000 }).then(() => true);
  const refused = alert.waitFor({ state: 'visible', timeout: 60_000 }).then(() => false);
  const ok = await Promise.race([moved, refused]).catch(() => false);
  moved.catch(() => undefined);
  refused.catch(() => undefined);
  if (ok || saved(new URL(page.url()))) return;
  await failWithForm(page, 'unsaved', 'Strapi 没有保存', alert);
}

/** Throws with Strapi's toast, the form's field errors and a full-page screenshot. */
async function failWithForm(page: Page, kind: string, what: string, alert: Locator): Promise<never> {
  const said = ((await alert.textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim() || '（无文字）';
  // Field errors are shown under each field, not in the toast: keep the whole form for whoever reads the failure.
  const shot = join(REPO_ROOT, '.data', 'journeys', `${kind}-${Date.now()}.png`);
  await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
  const fieldErrors = await page
    .locator('[id$="-error"], [data-strapi-field-error]')
    .allInnerTexts()
    .catch(() => []);
  throw new Error(`${what}，提示：${said}；字段错误：${fieldErrors.join(' / ') || '（未找到）'}；截图 ${shot}`);
}

/** Saves `data` into the draft of a document (when given), then publishes it, as the admin's 保存 + 发布 do. */
export async function saveAndPublish(
  strapiUrl: string,
  token: string,
  uid: string,
  documentId: string,
  data?: Record<string, unknown>,
): Promise<{ saved: AdminResponse | null; published: AdminResponse }> {
  const path = `collection-types/${uid}/${documentId}`;
  const saved = data ? await contentManager(strapiUrl, token, 'PUT', path, data) : null;
  if (saved && saved.status !== 200) return { saved, published: saved };
  return { saved, published: await contentManager(strapiUrl, token, 'POST', `${path}/actions/publish`, {}) };
}
