import type { Core } from '@strapi/strapi';
import { loadEnv } from '../../config/env.ts';

/**
 * One webhook (Strapi's built-in store, visible under Settings → Webhooks) tells the publisher
 * that published content changed. Idempotent: found by name, corrected if its URL, events or
 * secret header drifted, duplicates removed.
 */
export const WEBHOOK_NAME = '衔接发布服务';
export const WEBHOOK_SECRET_HEADER = 'x-xianjie-webhook-secret';
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
 * Runs `work` with every webhook detached from the runner, so a bulk import does not send one
 * request per entry. Strapi emits `entry.*` events after commit and after one more query (it
 * re-reads the entry for the payload), so the webhooks come back only once no such event has
 * been seen for a moment.
 */
export async function withWebhooksPaused<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const hooks = (await store.findWebhooks()).filter((w) => w.isEnabled);
  let lastEvent = Date.now();
  const unsubscribe = strapi.eventHub.subscribe(async (name: string) => {
    if (name.startsWith('entry.')) lastEvent = Date.now();
  });
  for (const w of hooks) runner.remove(w);
  try {
    return await work();
  } finally {
    const deadline = Date.now() + 10_000;
    while (Date.now() - lastEvent < QUIET_MS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 4));
    }
    unsubscribe();
    for (const w of hooks) runner.add(w);
  }
}

const QUIET_MS = 500;
