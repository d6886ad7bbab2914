import type { Core } from '@strapi/types';
import {
  type DemoAccount,
  demoAccountsPath,
  readDemoAccountsFile,
} from '../../cms/src/bootstrap/demo-accounts-file.ts';

/** Real HTTP against the booted CMS: JSON in, status and JSON out. */
export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
}

export async function request<T = Record<string, unknown>>(
  url: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, text };
}

export type { DemoAccount };

/** The demo accounts the CMS generated on first start (fails loudly when there are none yet). */
export function demoAccounts(dataDir: string): DemoAccount[] {
  const path = demoAccountsPath(dataDir);
  const accounts = readDemoAccountsFile(path);
  if (accounts.length === 0) throw new Error(`${path} holds no demo accounts: did the CMS finish its first start?`);
  return accounts;
}

/** POST /admin/login with a demo account; returns the admin access token. */
export async function adminLogin(baseUrl: string, account: DemoAccount): Promise<string> {
  const res = await request<{ data?: { token?: string } }>(`${baseUrl}/admin/login`, {
    method: 'POST',
    body: { email: account.email, password: account.password },
  });
  const token = res.body.data?.token;
  if (res.status !== 200 || !token) throw new Error(`管理后台登录失败（${res.status}）：${res.text}`);
  return token;
}

/** A full-access Content API token (what a trusted integration would hold). */
export async function fullAccessApiToken(strapi: Core.Strapi): Promise<string> {
  const tokens = strapi.service('admin::api-token') as unknown as {
    create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  };
  const token = await tokens.create({
    name: `test-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    description: '集成测试',
    type: 'full-access',
    kind: 'content-api',
    lifespan: null,
  });
  return token.accessKey;
}

/** Content-manager admin API base for a content type. */
export const contentManager = (baseUrl: string, uid: string) => `${baseUrl}/content-manager/collection-types/${uid}`;

/** Strapi-style query string for nested objects: `{ populate: { charity: { fields: ['slug'] } } }` → `populate[charity][fields][0]=slug`. */
export function toQuery(params: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(`${prefix}[${k}]`, v);
    } else {
      parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return parts.join('&');
}
