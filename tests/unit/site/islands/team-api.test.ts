import { describe, expect, it } from 'vitest';
import { leaderKeyFromHash, leaderLink } from '../../../../site/islands/team-api.ts';

describe("the leader's private link", () => {
  const key = 'Q2x7-Hk_9aZ0bC1dE2fG3hI4jK5lM6nO';

  it('carries the key in the fragment of the share link, and gives it back', () => {
    const url = leaderLink('https://xianjie.example/teams/?id=abcdefgh2345', key);
    expect(url).toBe(`https://xianjie.example/teams/?id=abcdefgh2345#leader=${key}`);
    expect(leaderKeyFromHash(new URL(url).hash)).toBe(key);
  });

  it.each(['', '#', '#leader=', '#leader=short', `#leader=${key}&x=1`, `#other=${key}`, `#leader=${key}<script>`])(
    'takes nothing from %j',
    (hash) => expect(leaderKeyFromHash(hash)).toBeNull(),
  );
});
