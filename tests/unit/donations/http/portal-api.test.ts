import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, apiPath } from '../../../../content/index.ts';
import { servePortalApi } from '../../../../donations/http/portal-api.ts';
import { ownsPath } from '../../../../donations/http/router.ts';

/** A request nobody may read: leaving a path to Astro must not touch its body or the context. */
function untouchable(url: string): IncomingMessage {
  return new Proxy({ url, method: 'POST' } as IncomingMessage, {
    get(target, key) {
      if (key === 'url' || key === 'method') return target[key];
      throw new Error(`读取了 req.${String(key)}`);
    },
  });
}
const noAnswer = new Proxy({} as ServerResponse, {
  get(_t, key) {
    throw new Error(`写了 res.${String(key)}`);
  },
});

describe('servePortalApi: what the portal answers itself, and what it leaves to Astro', () => {
  it('leaves the report form (its answer is a page the site renders) and unknown paths alone, unread', async () => {
    expect(await servePortalApi(untouchable(apiPath('report')), noAnswer)).toBe(false);
    expect(await servePortalApi(untouchable('/api/reports/?x=1'), noAnswer)).toBe(false);
    expect(await servePortalApi(untouchable('/api/nothing-here'), noAnswer)).toBe(false);
    expect(await servePortalApi(untouchable('/search/results/'), noAnswer)).toBe(false);
    expect(await servePortalApi(untouchable(apiPath('teamPoster', { teamId: 'abcdefghijkm' })), noAnswer)).toBe(false);
  });

  it('owns every other path of the API table', () => {
    const filled = { donationId: 'x1', slug: 'a-b', teamId: 'abcdefghijkm', code: 'c1', id: 'c-d', token: 't0' };
    for (const name of Object.keys(API_ROUTES) as (keyof typeof API_ROUTES)[]) {
      // A team's poster is drawn by the site's renderer: Astro serves it (its route file).
      expect(ownsPath(apiPath(name, filled)), name).toBe(name !== 'teamPoster');
    }
    expect(ownsPath('/api/projects/a/b/stats')).toBe(false);
  });
});
