/**
 * Strapi's admin API as an editor's browser calls it: login, the content-manager, a document's id
 * by slug. Shared by the journeys (tests/journeys/harness/strapi-admin.ts, which adds the admin
 * UI) and the publish benchmark (bench/publish.ts), which drives the same publish without a browser.
 */

/** What logging in needs of a demo account (cms/src/bootstrap/demo-accounts-file.ts). */
export interface AdminAccount {
  email: string;
  password: string;
}

/** POST /admin/login → the admin JWT the React app also holds. */
export async function adminToken(strapiUrl: string, who: AdminAccount): Promise<string> {
  const res = await fetch(`${strapiUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  const json = (await res.json()) as { data?: { token?: string } };
  if (!res.ok || !json.data?.token) throw new Error(`管理后台登录失败（${res.status}）`);
  return json.data.token;
}

export interface AdminResponse {
  status: number;
  body: Record<string, unknown>;
}

/** A call to the content-manager API with an editor's token. */
export async function contentManager(
  strapiUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<AdminResponse> {
  const res = await fetch(`${strapiUrl}/content-manager/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** documentId of the entry with `slug` in `uid`, as the admin sees it (drafts included). */
export async function documentIdOf(strapiUrl: string, token: string, uid: string, slug: string): Promise<string> {
  const res = await contentManager(
    strapiUrl,
    token,
    'GET',
    `collection-types/${uid}?filters[slug][$eq]=${encodeURIComponent(slug)}&pageSize=1`,
  );
  const results = (res.body.results ?? []) as { documentId: string }[];
  const first = results[0];
  if (res.status !== 200 || !first) throw new Error(`找不到 ${uid} ${slug}（${res.status}）`);
  return first.documentId;
}
