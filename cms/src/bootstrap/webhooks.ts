import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../config/env.ts';
import { WEBHOOK_SECRET_HEADER } from '../lib/content.ts';

/**
 * One webhook (Strapi's built-in store, visible under Settings → Webhooks) tells the publisher
 * that published content changed. Idempotent: found by name, corrected if its URL, events or
 * secret header drifted, duplicates removed.
 */
export const WEBHOOK_NAME = '衔接发布服务';
export const WEBHOOK_EVENTS = ['entry.publish', 'entry.unpublish', 'entry.delete'];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook | null>;
  deleteWebhook(id: string): Promise<Webhook | null>;
}

export interface WebhookRunner {
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
  remove(webhook: Webhook): void;
}

function same(a: Webhook, b: Omit<Webhook, 'id'>): boolean {
  return (
    a.url === b.url &&
    a.isEnabled === b.isEnabled &&
    JSON.stringify(a.headers) === JSON.stringify(b.headers) &&
    JSON.stringify([...a.events].sort()) === JSON.stringify([...b.events].sort())
  );
}

export async function ensurePublisherWebhook(strapi: Core.Strapi): Promise<Webhook> {
  const env = loadEnv();
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const wanted = {
    name: WEBHOOK_NAME,
    url: env.webhookUrl,
    headers: { [WEBHOOK_SECRET_HEADER]: env.secrets.webhookSecret },
    events: WEBHOOK_EVENTS,
    isEnabled: true,
  };

  const [first, ...duplicates] = (await store.findWebhooks()).filter((w) => w.name === WEBHOOK_NAME);
  for (const dup of duplicates) {
    await store.deleteWebhook(dup.id);
    runner.remove(dup);
  }
  if (!first) {
    const created = await store.createWebhook(wanted);
    runner.add(created);
    return created;
  }
  if (same(first, wanted)) return first;
  const updated = await store.updateWebhook(first.id, wanted);
  if (!updated) throw new Error(`无法更新 webhook ${first.id}`);
  runner.update(updated);
  return updated;
}

/**
 * Runs `work` (a bulk import) so that the `entry.*` events it causes reach nobody: no webhook is
 * sent for a seed, during it or after it.
 *
 * Detaching the webhooks from the runner for the duration is not enough: the Document Service
 * emits `entry.*` only after the commit, from a callback that first re-reads the entry, so the
 * events of the last batches arrive after `work` has returned — and any webhook attached by then
 * (the first start adds the publisher's right after the seed) would fire. Instead, `work` runs in
 * an async context, and the event hub drops `entry.*` events emitted from that context. The
 * commit callbacks run inside the context of the transaction that registered them, so the late
 * events are recognised however late they come; an editor's publish at the same time (another
 * request, another context) still goes out.
 */
export function withEntryEventsMuted<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  installEntryEventFilter(strapi);
  return muted.run(true, work);
}

const muted = new AsyncLocalStorage<true>();
const filteredHubs = new WeakSet<object>();

type Emit = (name: string, ...args: unknown[]) => Promise<void>;

/** Wraps the event hub's `emit` once per Strapi instance (Strapi's only listener of `entry.*` is the webhook runner). */
function installEntryEventFilter(strapi: Core.Strapi): void {
  const hub = strapi.eventHub as unknown as { emit: Emit };
  if (filteredHubs.has(hub)) return;
  const emit = hub.emit.bind(hub);
  hub.emit = async (name, ...args) => {
    if (name.startsWith('entry.') && muted.getStore()) return;
    return emit(name, ...args);
  };
  filteredHubs.add(hub);
}
