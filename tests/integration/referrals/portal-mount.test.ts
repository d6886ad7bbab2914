import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseStore } from '../../../publisher/releases/release-store.ts';
import { startPortalServer } from '../../../publisher/serve/portal-server.ts';
import { writeFixtureSnapshot } from '../../support/fixture-snapshot.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

/**
 * The portal server mounts the workbench (publisher/serve/portal-server.ts → referrals/index.ts
 * `serveWorkbench`): /workbench/ is answered by the workbench's router, with its own CSP and
 * no-store, even before the first release exists — it is never a file of a release.
 */
const tmp = tempDirs();

describe('the portal serves the workbench', () => {
  let server: Server;
  let base: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    const dir = tmp('xj-portal-workbench-');
    // The portal's workbench reads its configuration from the environment, as in `npm start`.
    process.env.XIANJIE_DATA_DIR = dir;
    process.env.DONATIONS_SNAPSHOT = writeFixtureSnapshot(dir);
    server = await startPortalServer({
      store: new ReleaseStore(dir),
      host: '127.0.0.1',
      port: 0,
      status: async () => ({}),
      config: {
        statusToken: () => 'test-token',
        searchRateLimit: {
          max: 5,
          windowSeconds: 60,
          redisUrl: null,
          trustedProxies: [],
          ipv6PrefixBits: 64,
          maxKeys: 100,
        },
      },
      webhook: async (_req, res) => {
        res.writeHead(204);
        res.end();
      },
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    process.env = saved;
  });

  it('answers /workbench/ from its router, not from a release', async () => {
    const root = await fetch(`${base}/workbench/`, { redirect: 'manual' });
    expect(root.status).toBe(303);
    expect(root.headers.get('location')).toBe('/workbench/login');
    const login = await fetch(`${base}/workbench/login`);
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect(login.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(await login.text()).toContain('衔接工作台');
    // Everything else still goes the portal's way (no release yet: 503).
    expect((await fetch(`${base}/`)).status).toBe(503);
    expect((await fetch(`${base}/workbenchx`)).status).toBe(503);
  });
});
