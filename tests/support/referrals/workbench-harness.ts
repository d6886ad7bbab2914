import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAccount, type NewAccount } from '../../../referrals/accounts/accounts.ts';
import { readReferralsConfig } from '../../../referrals/config.ts';
import type { Workbench } from '../../../referrals/context.ts';
import { handleWorkbench } from '../../../referrals/http/router.ts';
import { ownsWorkbenchPath } from '../../../referrals/http/serve.ts';
import { openWorkbench } from '../../../referrals/runtime.ts';
import { createPgSchema, type DatabaseTarget } from '../databases.ts';
import { twoCharitySnapshot } from './two-charity-snapshot.ts';

/**
 * A real workbench for tests: its own database (a SQLite file, or a fresh PostgreSQL schema),
 * a snapshot in which two charities run eligible projects in 岷县 (621126), the router on a free
 * loopback port, a clock the test moves, and a browser-like client that keeps cookies and the
 * page's CSRF token.
 */
export { COUNTY_A, COUNTY_B, twoCharitySnapshot } from './two-charity-snapshot.ts';

export interface Harness {
  ctx: Workbench;
  url: string;
  clock: { now: Date };
  client(): Client;
  account(a: Omit<NewAccount, 'password'>): Promise<{ username: string; password: string }>;
  close(): Promise<void>;
}

export async function startHarness(target: DatabaseTarget, dir: string): Promise<Harness> {
  const snapshotPath = join(dir, 'snapshot.json');
  writeFileSync(snapshotPath, JSON.stringify(twoCharitySnapshot()));
  const pg = target.kind === 'postgres' ? await createPgSchema(target.url) : null;
  const env: NodeJS.ProcessEnv = {
    XIANJIE_DATA_DIR: dir,
    DONATIONS_SNAPSHOT: snapshotPath,
    ...(pg && target.kind === 'postgres' ? { REFERRALS_DATABASE_URL: target.url, REFERRALS_PG_SCHEMA: pg.schema } : {}),
  };
  const config = readReferralsConfig(env, dir);
  const clock = { now: new Date('2026-06-10T02:00:00Z') };
  const ctx = await openWorkbench(config, () => clock.now);
  const server: Server = createServer((req, res) => {
    if (!ownsWorkbenchPath((req.url ?? '/').split('?')[0] ?? '/')) {
      res.writeHead(404);
      res.end();
      return;
    }
    handleWorkbench(ctx, req, res).catch((e: unknown) => {
      res.writeHead(500);
      res.end(String((e as Error).stack));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ctx,
    url,
    clock,
    client: () => new Client(url),
    async account(a) {
      const password = `pw-${a.username}-long-enough`;
      await createAccount(ctx.wb, { ...a, password });
      return { username: a.username, password };
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await ctx.wb.close();
      await pg?.drop();
    },
  };
}

export interface Reply {
  status: number;
  body: string;
  location: string | null;
  setCookies: string[];
}

/** Keeps cookies like a browser and remembers the last page's CSRF token. */
export class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  private remember(res: Response): string[] {
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair = ''] = c.split(';');
      const [k = '', ...v] = pair.split('=');
      if (/Max-Age=0/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v.join('='));
    }
    return set;
  }

  private header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<Reply> {
    const res = await fetch(this.base + path, { redirect: 'manual', headers: { cookie: this.header() } });
    const setCookies = this.remember(res);
    const body = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, body, location: res.headers.get('location'), setCookies };
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    opts: { origin?: string | null; csrf?: string | null } = {},
  ): Promise<Reply> {
    const params = new URLSearchParams();
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf !== null) params.append('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    const origin = opts.origin === undefined ? this.base : opts.origin;
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: this.header(),
        'content-type': 'application/x-www-form-urlencoded',
        ...(origin ? { origin } : {}),
      },
      body: params.toString(),
    });
    const setCookies = this.remember(res);
    return { status: res.status, body: await res.text(), location: res.headers.get('location'), setCookies };
  }

  async login(username: string, password: string): Promise<Reply> {
    await this.get('/workbench/login');
    const reply = await this.post('/workbench/login', { username, password });
    if (reply.status === 303) await this.get('/workbench/queue');
    return reply;
  }
}
