import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, apiPath, routePattern } from '../../../../content/index.ts';

const API_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../site/pages/api');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** `site/pages/api/projects/[slug]/stats.ts` → `/api/projects/:slug/stats`; `…/index.ts` → its folder. */
function routeOf(file: string): string {
  const path = relative(API_DIR, file)
    .replace(/\\/g, '/')
    .replace(/\.ts$/, '')
    .replace(/(^|\/)index$/, '')
    .replace(/\[(\w+)\]/g, ':$1');
  return `/api${path ? `/${path}` : ''}`;
}

describe('API paths: one table (content/contracts/api-routes.ts)', () => {
  it('has exactly the Astro routes under site/pages/api/, with the same methods', () => {
    const onDisk = files(API_DIR)
      .map((file) => ({
        path: routeOf(file),
        methods: [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)]
          .map((m) => m[1])
          .sort(),
      }))
      .sort((a, b) => a.path.localeCompare(b.path));
    const table = Object.values(API_ROUTES)
      .map((r) => ({ path: r.path, methods: [...r.methods].sort() }))
      .sort((a, b) => a.path.localeCompare(b.path));
    expect(onDisk).toEqual(table);
  });

  it('builds URLs with encoded parameters and matches them back', () => {
    expect(apiPath('createDonation')).toBe('/api/donations');
    expect(apiPath('projectStats', { slug: 'gansu minxian' })).toBe('/api/projects/gansu%20minxian/stats');
    expect(() => apiPath('donation')).toThrow(/donationId/);
    const stats = routePattern(API_ROUTES.projectStats.path);
    expect(stats.exec('/api/projects/minxian/stats/')?.[1]).toBe('minxian');
    expect(stats.test('/api/projects/a/b/stats')).toBe(false);
    const csv = routePattern(API_ROUTES.receiptRequests.path);
    expect(csv.test('/api/charities/x/receipt-requests.csv')).toBe(true);
    expect(csv.test('/api/charities/x/receipt-requests.csv/')).toBe(false);
    expect(csv.test('/api/charities/x/receipt-requestsXcsv')).toBe(false);
  });
});
