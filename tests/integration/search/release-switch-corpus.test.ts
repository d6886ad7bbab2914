import { mkdir, mkdtemp, rename, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceDataset } from '../../../bench/relevance/demo-documents.ts';
import { SEARCH_DOCUMENTS_FILE, writeReleaseDocuments } from '../../../search/index/release-documents.ts';
import { prepareCorpus } from '../../../search/server/corpus.ts';
import { SEARCH_CORPUS_FILE, writeCorpusFile } from '../../../search/server/corpus-file.ts';
import { isPrebuilt } from '../../../search/server/corpus-load.ts';
import {
  createServerSearch,
  type DocumentSource,
  type DocumentsView,
  releaseDocumentSource,
} from '../../../search/server/index.ts';
import { watchRelease } from '../../../search/server/runtime.ts';
import { StoredPreparedDocument } from '../../../search/server/stored-document.ts';
import { projectDocument } from '../../support/search/project-document.ts';

/**
 * A release switch as the portal does it (a rename of the `current` link, release-store.ts), with
 * the server search reading `releases/current/` as in the portal (runtime.ts): from an old release
 * without a corpus file (the corpus is built in this process, the fallback) to a new one whose
 * index stage wrote `search-corpus.bin`. The watcher loads the new corpus before any query asks,
 * and the first query after the switch is answered from that file's corpus — not built, and no
 * document parsed up front.
 */
const RULE_DAY = '2025-06-15';
let root: string;

async function release(id: string, prebuilt: boolean, documents = relevanceDataset().documents) {
  const dir = join(root, id);
  await mkdir(dir, { recursive: true });
  const bytes = await writeReleaseDocuments(join(dir, SEARCH_DOCUMENTS_FILE), {
    demo: true,
    ruleDay: RULE_DAY,
    documents,
  });
  if (prebuilt)
    await writeCorpusFile(
      join(dir, SEARCH_CORPUS_FILE),
      prepareCorpus(documents),
      { demo: true, ruleDay: RULE_DAY },
      bytes,
    );
}

/** Points `current` at `id` the way release-store.ts does: a fresh link renamed over it. */
async function switchTo(id: string) {
  const temp = join(root, `.current-${id}`);
  await symlink(id, temp);
  await rename(temp, join(root, 'current'));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'release-switch-'));
  await release('old', false, [projectDocument('old-only', '旧版本里的失能老人项目')]);
  await release('new', true);
  await switchTo('old');
}, 60_000);
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('发布切换后的第一个查询用预先构建的语料', () => {
  it('旧发布（无语料文件）在本进程内构建；切换后监视器先载入新发布的语料文件，第一个查询就用它', {
    timeout: 60_000,
  }, async () => {
    const logs: string[] = [];
    const source = releaseDocumentSource({
      path: join(root, 'current', SEARCH_DOCUMENTS_FILE),
      fallback: { current: () => Promise.reject(new Error('不应读快照')), demo: async () => true },
      log: (m) => logs.push(m),
    });
    // Every view the source hands out, in order: who loaded what, and when.
    const views: DocumentsView[] = [];
    const recording: DocumentSource = {
      current: async () => {
        const view = await source.current();
        if (views.at(-1) !== view) views.push(view);
        return view;
      },
      demo: () => source.demo(),
    };
    const search = createServerSearch({ documents: recording, log: (m) => logs.push(m) });

    const before = await search.search({ query: '失能老人' });
    expect(before.engine).toBe('in-process');
    expect(before.hits.map((h) => h.id)).toEqual(['project-old-only']);
    expect(isPrebuilt(await search.corpus())).toBe(false);

    const stop = watchRelease(search, 20);
    try {
      await switchTo('new');
      // No query yet: the watcher notices the switch and loads the new release's corpus file.
      const deadline = Date.now() + 30_000;
      while (!views.at(-1)?.corpus && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const loaded = views.at(-1);
      expect(loaded?.corpus).toBeDefined();
      const corpus = await search.corpus();
      expect(corpus).toBe(loaded?.corpus);
      expect(isPrebuilt(corpus)).toBe(true);
      expect(corpus.documents[0]).toBeInstanceOf(StoredPreparedDocument);

      const first = await search.search({ query: '失能老人' });
      expect(first.engine).toBe('in-process');
      expect(first.state).toBe('results');
      expect(first.hits.map((h) => h.id)).not.toContain('project-old-only');
      expect(first.total).toBeGreaterThan(10);
      // Still the same corpus: the query neither built nor reloaded one.
      expect(await search.corpus()).toBe(corpus);
      expect(views.filter((v) => v.corpus)).toHaveLength(1);
      expect(logs).toEqual([]);
    } finally {
      stop();
    }
  });
});
