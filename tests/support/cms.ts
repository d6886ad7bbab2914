import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/types';
import { buildServer, ensureUploadsDir } from '../../cms/scripts/lib/build-server.ts';
import { resolveFromCmsNodeModules } from '../../cms/scripts/lib/module-paths.ts';
import { createPgSchema, type DatabaseTarget } from './databases.ts';
import { writeFixtureSnapshot } from './fixture-snapshot.ts';

/**
 * Boots a real Strapi in-process on the compiled CMS (cms/dist, rebuilt with esbuild when stale;
 * no admin panel), on a temp SQLite file or a fresh PostgreSQL schema, seeded with the fixture
 * snapshot by the normal first-start path. A little HTTP server stands in for the publisher and
 * records the webhooks it receives.
 */

export const CMS_DIR = fileURLToPath(new URL('../../cms', import.meta.url));

export interface ReceivedWebhook {
  headers: IncomingMessage['headers'];
  body: { event?: string; model?: string; uid?: string; entry?: Record<string, unknown> };
}

export interface BootedCms {
  /** The running Strapi (replaced by `restart`). */
  strapi: Core.Strapi;
  /** Base URL of the running server, e.g. `http://127.0.0.1:40123` (changes on `restart`). */
  url: string;
  database: DatabaseTarget['kind'];
  dataDir: string;
  snapshotPath: string;
  webhooks: ReceivedWebhook[];
  /**
   * Answers the CMS's other calls to the publisher (e.g. 团队处理's, a real handler over a real
   * ledger); unset, the stub answers them 204.
   */
  publisherRoutes: Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>;
  /**
   * Stops Strapi and starts it again on the same database and data directory — "the next start" —
   * with `env` added for that start. Rejects with the start-up error; `stop()` still cleans up.
   */
  restart(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

type PublisherRoute = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function startPublisherStub(received: ReceivedWebhook[], routes: Map<string, PublisherRoute>): Promise<Server> {
  const server = createServer((req, res) => {
    const route = routes.get((req.url ?? '').split('?')[0] ?? '');
    if (route) {
      route(req, res).catch(() => res.writeHead(500).end());
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      if (req.url === '/webhooks/strapi') received.push({ headers: req.headers, body: JSON.parse(body || '{}') });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const ENV_KEYS = [
  'NODE_ENV',
  'LOG_LEVEL',
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'PUBLISHER_URL',
  'XIANJIE_DATA_DIR',
  'XIANJIE_SEED',
  'XIANJIE_SEED_SNAPSHOT',
  'XIANJIE_DEMO_ACCOUNTS',
  'XIANJIE_RESET_ROLES',
] as const;

/** `adminPanel`: serve the built admin (cms/dist/build, `buildAdmin`) for a Chromium check. */
export async function bootCms(target: DatabaseTarget, options: { adminPanel?: boolean } = {}): Promise<BootedCms> {
  await buildServer(CMS_DIR);
  ensureUploadsDir(CMS_DIR);
  resolveFromCmsNodeModules(CMS_DIR);

  const dataDir = mkdtempSync(join(tmpdir(), `xianjie-cms-${target.kind}-`));
  const snapshotPath = writeFixtureSnapshot(dataDir);
  const webhooks: ReceivedWebhook[] = [];
  const publisherRoutes = new Map<string, PublisherRoute>();
  const publisher = await startPublisherStub(webhooks, publisherRoutes);
  const pgUrl = target.kind === 'postgres' ? target.url : undefined;
  const pg = pgUrl ? await createPgSchema(pgUrl) : undefined;

  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.XIANJIE_TEST_LOG_LEVEL ?? 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLISHER_URL: `http://127.0.0.1:${(publisher.address() as AddressInfo).port}`,
    XIANJIE_DATA_DIR: dataDir,
    XIANJIE_SEED: 'on',
    XIANJIE_SEED_SNAPSHOT: snapshotPath,
    XIANJIE_DEMO_ACCOUNTS: 'on',
  });
  // A reset is asked for per start (`restart`), never inherited from the shell.
  delete process.env.XIANJIE_RESET_ROLES;
  if (pg && pgUrl) Object.assign(process.env, { DATABASE_URL: pgUrl, DATABASE_SCHEMA: pg.schema });
  else delete process.env.DATABASE_URL;

  const restoreEnv = () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };

  const start = async (): Promise<{ strapi: Core.Strapi; url: string }> => {
    const require = createRequire(join(CMS_DIR, 'package.json'));
    const { createStrapi } = require('@strapi/strapi') as {
      createStrapi(options: Record<string, unknown>): { load(): Promise<Core.Strapi> };
    };
    const loaded = await createStrapi({
      appDir: CMS_DIR,
      distDir: join(CMS_DIR, 'dist'),
      autoReload: false,
      serveAdminPanel: options.adminPanel ?? false,
    }).load();
    await new Promise<void>((resolve) => loaded.server.listen(0, '127.0.0.1', () => resolve()));
    const port = (loaded.server.httpServer.address() as AddressInfo).port;
    return { strapi: loaded, url: `http://127.0.0.1:${port}` };
  };
  /** A failed load leaves a half-started Strapi behind: Strapi's `strapi` global is the one to destroy. */
  const destroyHalfStarted = async () => {
    const global = (globalThis as { strapi?: Core.Strapi }).strapi;
    await global?.destroy().catch(() => undefined);
  };

  let running: Core.Strapi | undefined;
  try {
    const first = await start();
    running = first.strapi;
    const cms: BootedCms = {
      strapi: first.strapi,
      url: first.url,
      database: target.kind,
      dataDir,
      snapshotPath,
      webhooks,
      publisherRoutes,
      async restart(env = {}) {
        await running?.destroy();
        running = undefined;
        const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
        Object.assign(process.env, env);
        try {
          const next = await start();
          running = next.strapi;
          cms.strapi = next.strapi;
          cms.url = next.url;
        } catch (error) {
          await destroyHalfStarted();
          throw error;
        } finally {
          for (const [k, v] of Object.entries(previous)) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
          }
        }
      },
      async stop() {
        // destroy() closes the HTTP server and the database, and removes process listeners
        // (the reason integration tests run in threads, STACK.md).
        await running?.destroy();
        await new Promise((resolve) => publisher.close(resolve));
        await pg?.drop();
        restoreEnv();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return cms;
  } catch (error) {
    await (running ?? (globalThis as { strapi?: Core.Strapi }).strapi)?.destroy().catch(() => undefined);
    publisher.close();
    await pg?.drop();
    restoreEnv();
    throw error;
  }
}
