import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Meilisearch server: the slice of the HTTP API our adapter and browser engine use, with
 * in-memory indexes, asynchronous tasks (each is `processing` on the first poll, then done), keys,
 * and a record of every request so tests can check order and payloads. It is not Meilisearch:
 * search here is a substring match on the title, enough to exercise request building.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | null;
}

interface FakeIndex {
  primaryKey: string | null;
  docs: Map<string, Record<string, unknown>>;
  settings: Record<string, unknown>;
}

interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed';
  polls: number;
  run: () => void;
  error: { message: string; code: string; type: string; link: string } | null;
}

export interface FakeKey {
  uid: string;
  key: string;
  name: string | null;
  description: string;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FakeMeilisearch {
  url: string;
  masterKey: string;
  requests: RecordedRequest[];
  indexes: Map<string, FakeIndex>;
  keys: FakeKey[];
  /** Makes the next task of this type fail (e.g. 'documentAdditionOrUpdate'). */
  failNext(type: string): void;
  close(): Promise<void>;
}

const notFound = (uid: string) => ({
  message: `Index \`${uid}\` not found.`,
  code: 'index_not_found',
  type: 'invalid_request',
  link: 'https://docs.meilisearch.com/errors#index_not_found',
});

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}

export async function startFakeMeilisearch(masterKey = 'fake-master-key'): Promise<FakeMeilisearch> {
  const requests: RecordedRequest[] = [];
  const indexes = new Map<string, FakeIndex>();
  const keys: FakeKey[] = [];
  const tasks: FakeTask[] = [];
  const failing = new Set<string>();

  const enqueue = (res: ServerResponse, indexUid: string | null, type: string, run: () => void) => {
    const task: FakeTask = { uid: tasks.length, indexUid, type, status: 'enqueued', polls: 0, run, error: null };
    if (failing.delete(type)) {
      task.run = () => {
        throw Object.assign(new Error(`injected failure of ${type}`), { code: 'internal' });
      };
    }
    tasks.push(task);
    send(res, 202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() });
  };
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
  };
  const index = (uid: string) => indexes.get(uid);

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    const authorization = req.headers.authorization ?? null;
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization,
    });
    const token = authorization?.replace(/^Bearer /, '');
    const key = keys.find((k) => k.key === token);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const route = `${req.method} /${parts.map((p, i) => (i % 2 === 1 && parts[0] !== 'swap-indexes' ? ':id' : p)).join('/')}`;
    // Search keys may search their indexes and nothing else.
    if (token !== masterKey) {
      const allowed =
        key?.actions.includes('search') && route === 'POST /indexes/:id/search' && key.indexes.includes(parts[1] ?? '');
      if (!allowed)
        return send(res, key ? 403 : 401, { message: 'The provided API key is invalid.', code: 'invalid_api_key' });
    }
    switch (route) {
      case 'POST /indexes': {
        const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
        return enqueue(res, uid, 'indexCreation', () => {
          if (indexes.has(uid)) throw Object.assign(new Error('exists'), { code: 'index_already_exists' });
          indexes.set(uid, { primaryKey: primaryKey ?? null, docs: new Map(), settings: {} });
        });
      }
      case 'GET /indexes/:id': {
        const i = index(parts[1] as string);
        if (!i) return send(res, 404, notFound(parts[1] as string));
        return send(res, 200, { uid: parts[1], primaryKey: i.primaryKey, createdAt: '', updatedAt: '' });
      }
      case 'DELETE /indexes/:id': {
        const uid = parts[1] as string;
        if (!indexes.has(uid)) return send(res, 404, notFound(uid));
        return enqueue(res, uid, 'indexDeletion', () => indexes.delete(uid));
      }
      case 'PATCH /indexes/:id/settings': {
        const uid = parts[1] as string;
        return enqueue(res, uid, 'settingsUpdate', () => {
          const i = index(uid);
          if (!i) throw Object.assign(new Error('no index'), { code: 'index_not_found' });
          Object.assign(i.settings, body);
        });
      }
      case 'POST /indexes/:id/documents': {
        const uid = parts[1] as string;
        return enqueue(res, uid, 'documentAdditionOrUpdate', () => {
          const i = index(uid);
          if (!i) throw Object.assign(new Error('no index'), { code: 'index_not_found' });
          const pk = url.searchParams.get('primaryKey') ?? i.primaryKey ?? 'id';
          for (const d of body as Record<string, unknown>[]) i.docs.set(String(d[pk]), d);
        });
      }
      case 'DELETE /indexes/:id/documents/:id': {
        const uid = parts[1] as string;
        return enqueue(res, uid, 'documentDeletion', () => index(uid)?.docs.delete(parts[3] as string));
      }
      case 'POST /indexes/:id/search': {
        const i = index(parts[1] as string);
        if (!i) return send(res, 404, notFound(parts[1] as string));
        const { q = '', hitsPerPage = 20 } = body as { q?: string; hitsPerPage?: number };
        const hits = [...i.docs.values()].filter((d) => String(d.title ?? '').includes(q));
        return send(res, 200, {
          hits: hits
            .slice(0, hitsPerPage)
            .map((d) => ({ ...d, _formatted: { body: String(d.body ?? ''), summary: String(d.summary ?? '') } })),
          totalHits: hits.length,
          facetDistribution: {
            type: Object.fromEntries(
              [...new Set(hits.map((h) => String(h.type)))].map((t) => [t, hits.filter((h) => h.type === t).length]),
            ),
          },
        });
      }
      case 'POST /swap-indexes': {
        return enqueue(res, null, 'indexSwap', () => {
          for (const {
            indexes: [a, b],
          } of body as { indexes: [string, string] }[]) {
            const ia = index(a);
            const ib = index(b);
            if (!ia || !ib) throw Object.assign(new Error('swap needs both'), { code: 'index_not_found' });
            indexes.set(a, ib);
            indexes.set(b, ia);
          }
        });
      }
      case 'GET /tasks/:id': {
        const task = tasks[Number(parts[1])];
        if (!task) return send(res, 404, { message: 'task not found', code: 'task_not_found' });
        task.polls++;
        if (task.status === 'enqueued') task.status = 'processing';
        else if (task.status === 'processing') {
          try {
            task.run();
            task.status = 'succeeded';
          } catch (error) {
            task.status = 'failed';
            task.error = {
              message: (error as Error).message,
              code: (error as { code?: string }).code ?? 'internal',
              type: 'internal',
              link: '',
            };
          }
        }
        return send(res, 200, {
          uid: task.uid,
          indexUid: task.indexUid,
          status: task.status,
          type: task.type,
          error: task.error,
          batchUid: null,
          canceledBy: null,
          duration: null,
          enqueuedAt: '',
          startedAt: null,
          finishedAt: null,
        });
      }
      case 'GET /keys':
        return send(res, 200, { results: keys, offset: 0, limit: 1000, total: keys.length });
      case 'POST /keys': {
        const b = body as Omit<FakeKey, 'uid' | 'key' | 'createdAt' | 'updatedAt'>;
        const now = new Date().toISOString();
        const created: FakeKey = {
          ...b,
          name: b.name ?? null,
          uid: randomUUID(),
          key: randomUUID().replace(/-/g, ''),
          createdAt: now,
          updatedAt: now,
        };
        keys.push(created);
        return send(res, 201, created);
      }
      case 'DELETE /keys/:id': {
        const at = keys.findIndex((k) => k.uid === parts[1]);
        if (at >= 0) keys.splice(at, 1);
        return send(res, 204);
      }
    }
    // The two POST routes under documents/ (delete by ids, delete by filter).
    if (req.method === 'POST' && parts[0] === 'indexes' && parts[2] === 'documents' && parts[3]?.startsWith('delete')) {
      const uid = parts[1] as string;
      return enqueue(res, uid, 'documentDeletion', () => {
        const i = index(uid);
        if (!i) return;
        if (Array.isArray(body)) for (const id of body) i.docs.delete(String(id));
        else {
          const m = /^(\w+) = "(.*)"$/.exec((body as { filter: string }).filter);
          if (!m)
            throw Object.assign(new Error('filter not understood by the fake'), { code: 'invalid_document_filter' });
          for (const [id, d] of i.docs) if (d[m[1] as string] === m[2]) i.docs.delete(id);
        }
      });
    }
    return send(res, 404, { message: `fake has no route ${route}`, code: 'not_found' });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    masterKey,
    requests,
    indexes,
    keys,
    failNext: (type) => failing.add(type),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
