import { describe, expect, it } from 'vitest';
import {
  DONOR_LIST_DEFAULT_LIMIT,
  donorListQueryInput,
  donorListQuerySchema,
  encodeDonorListCursor,
} from '../../../../content/contracts/donor-list.ts';

const parse = (query: string) => donorListQuerySchema.safeParse(donorListQueryInput(new URLSearchParams(query)));

describe('the donor list query', () => {
  it('defaults the limit, reads a cursor back as it was written, and ignores empty parameters', () => {
    expect(parse('').data).toEqual({ limit: DONOR_LIST_DEFAULT_LIMIT });
    expect(parse('limit=&cursor=').data).toEqual({ limit: DONOR_LIST_DEFAULT_LIMIT });
    const cursor = { asOf: '2026-02-15T04:00:00.123Z', offset: 20 };
    expect(encodeDonorListCursor(cursor)).toBe('1771128000123-20');
    expect(parse(`limit=50&cursor=${encodeDonorListCursor(cursor)}`).data).toEqual({ limit: 50, cursor });
  });

  it('refuses limits outside 1–50 and cursors it did not write, with Chinese messages', () => {
    for (const query of ['limit=0', 'limit=51', 'limit=-1', 'limit=2.5', 'limit=1e1', 'limit=abc']) {
      const r = parse(query);
      expect(r.success, query).toBe(false);
      expect(r.error?.issues[0]?.message, query).toContain('limit 应为 1 到 50 之间的整数');
    }
    for (const query of ['cursor=abc', 'cursor=1771128000123-0', 'cursor=1771128000123-10001', 'cursor=177-1']) {
      const r = parse(query);
      expect(r.success, query).toBe(false);
      expect(r.error?.issues[0]?.message, query).toBe('cursor 无效，请从第一页重新读取');
    }
  });
});
