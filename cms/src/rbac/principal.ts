import type { Core } from '@strapi/strapi';
import { ROLES } from '../bootstrap/roles.ts';
import { charitiesEditedBy, charityOfToken } from './charity-access.ts';

/**
 * Who is behind a Document Service call, as far as charity ownership goes. Read from the Koa
 * context of the current request (`strapi.requestContext`, an AsyncLocalStorage): Strapi's auth
 * middleware records the strategy that authenticated the request in `ctx.state.auth`.
 *
 * - no request (bootstrap, seed, scripts, tests calling the Document Service): trusted;
 * - admin panel (`admin` session or `admin-token`, both set `ctx.state.user`): super admins are
 *   trusted, everybody else may write only the charities they are an editor of — whatever their
 *   role says, so a role widened in Settings → Roles still cannot touch other charities. Holders
 *   of the ministry editor role are `regulator`s: they maintain every charity's regulatory
 *   record (regulatory-fields.ts), and only they do;
 * - Content API token (`content-api-token`; the Strapi 5.54 name, formerly `api-token`): bound to
 *   a charity (api-token-binding.ts) → that charity only, drafts included; unbound full-access
 *   → trusted (only super admins create those); any other unbound token → no writes;
 * - `data-transfer` (strapi transfer, super admins only): trusted;
 * - anything else (public role, users-permissions users): no writes to charity-owned types.
 */

export type Principal =
  | { kind: 'trusted'; why: string }
  | { kind: 'editor'; userId: number | string; charities: string[]; regulator: boolean }
  | { kind: 'charity-token'; tokenId: number | string; charities: string[] }
  | { kind: 'no-writes'; why: string };

interface AuthState {
  strategy?: { name?: string };
  credentials?: { id?: number | string; type?: string } | null;
}

interface AdminUser {
  id: number | string;
  roles?: { code?: string }[];
}

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** The auth strategy of the current request (`admin`, `content-api-token`, …), without any look-up. */
export function requestAuthStrategy(strapi: Core.Strapi): string | undefined {
  const ctx = strapi.requestContext.get() as { state?: { auth?: AuthState } } | undefined;
  return ctx?.state?.auth?.strategy?.name;
}

export async function currentPrincipal(strapi: Core.Strapi): Promise<Principal> {
  const ctx = strapi.requestContext.get() as { state?: Record<string, unknown> } | undefined;
  if (!ctx) return { kind: 'trusted', why: 'internal' };
  const state = ctx.state ?? {};
  const auth = state.auth as AuthState | undefined;
  const strategy = auth?.strategy?.name;

  if (strategy === 'admin' || strategy === 'admin-token') {
    const user = state.user as AdminUser | undefined;
    if (!user) return { kind: 'no-writes', why: 'admin request without user' };
    if (user.roles?.some((r) => r.code === SUPER_ADMIN_CODE)) return { kind: 'trusted', why: 'super admin' };
    return {
      kind: 'editor',
      userId: user.id,
      charities: await charitiesEditedBy(strapi, user.id),
      regulator: user.roles?.some((r) => r.code === ROLES.ministryEditor.code) ?? false,
    };
  }
  if (strategy === 'content-api-token') {
    const token = auth?.credentials;
    if (!token || token.id === undefined) return { kind: 'no-writes', why: 'token without id' };
    const charity = await charityOfToken(strapi, token.id);
    if (charity) return { kind: 'charity-token', tokenId: token.id, charities: [charity] };
    if (token.type === 'full-access') return { kind: 'trusted', why: 'unbound full-access token' };
    return { kind: 'no-writes', why: `unbound ${token.type ?? ''} token` };
  }
  if (strategy === 'data-transfer') return { kind: 'trusted', why: 'data transfer' };
  return { kind: 'no-writes', why: strategy ?? 'anonymous' };
}
