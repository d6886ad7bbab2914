import { describe, expect, it } from 'vitest';
import { loadSearchConfig, SearchConfigError } from '../../../../search/index/config.ts';

describe('loadSearchConfig', () => {
  it('没有 MEILI_HOST：只用 Pagefind', () => {
    expect(loadSearchConfig({})).toEqual({ meilisearch: null });
    expect(loadSearchConfig({ MEILI_HOST: '  ', MEILI_MASTER_KEY: 'm' })).toEqual({ meilisearch: null });
  });

  it('有 MEILI_HOST：管理密钥优先于主密钥，索引名用前缀', () => {
    const c = loadSearchConfig({
      MEILI_HOST: 'http://127.0.0.1:7700/',
      MEILI_MASTER_KEY: 'master',
      MEILI_ADMIN_KEY: 'admin',
      MEILI_INDEX: 'xj_test',
      MEILI_SEARCH_KEY_TTL_DAYS: '7',
    });
    expect(c.meilisearch).toEqual({
      host: 'http://127.0.0.1:7700',
      adminKey: 'admin',
      indexPrefix: 'xj_test',
      indexUid: 'xj_test-content',
      searchKeyTtlMs: 7 * 86_400_000,
      batchSize: 1000,
      taskTimeoutMs: 120_000,
    });
    expect(loadSearchConfig({ MEILI_HOST: 'https://m.example', MEILI_MASTER_KEY: 'master' }).meilisearch).toMatchObject(
      { adminKey: 'master', indexUid: 'xianjie-content' },
    );
  });

  it.each([
    [{ MEILI_HOST: 'http://h' }, 'MEILI_ADMIN_KEY'],
    [{ MEILI_HOST: 'ftp://h', MEILI_MASTER_KEY: 'k' }, 'MEILI_HOST'],
    [{ MEILI_HOST: 'http://h', MEILI_MASTER_KEY: 'k', MEILI_INDEX: 'a b' }, 'MEILI_INDEX'],
    [{ MEILI_HOST: 'http://h', MEILI_MASTER_KEY: 'k', MEILI_BATCH_SIZE: '0' }, 'MEILI_BATCH_SIZE'],
    [{ MEILI_HOST: 'http://h', MEILI_MASTER_KEY: 'k', MEILI_SEARCH_KEY_TTL_DAYS: '1.5' }, 'MEILI_SEARCH_KEY_TTL_DAYS'],
  ])('%j 报错并指出 %s', (env, name) => {
    expect(() => loadSearchConfig(env)).toThrow(SearchConfigError);
    expect(() => loadSearchConfig(env)).toThrow(name);
  });
});
