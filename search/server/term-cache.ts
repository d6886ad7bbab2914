import type { ServerCorpus } from './corpus.ts';

/**
 * What queries learn about a release's documents, kept for the next query (issue 20, scale): a
 * term's matches and scores over the whole corpus, a phrase's bonus list, a lone character's
 * title hits. Queries repeat words (老人, 儿童, 助学 sit in many queries and in most variants of
 * one), and a common word is tens of thousands of documents to read at 82,000 documents; read once
 * per release, it is a walk over two typed arrays afterwards.
 *
 * One cache per corpus object (a new release is a new corpus, so nothing stale survives a switch),
 * held beside it in a WeakMap: the corpus stays plain data that f20-load's serialisation does not
 * need to know about. Entries are computed over every document, never per filter — a filter is
 * applied when an entry is read — so one entry serves every request. Bounded by the entries' total
 * length (least recently used go first): 12 bytes per document listed.
 */
export interface CachedList {
  /** Document indexes, ascending. */
  docs: Int32Array;
  /** A number per listed document (a term's score, a phrase's factor). */
  values: Float64Array;
}

/** Listed documents kept in all, per corpus: about 18 MB of typed arrays. */
export const CACHE_BUDGET = 1_500_000;

export class TermCache {
  private readonly entries = new Map<string, CachedList>();
  private size = 0;

  constructor(private readonly budget = CACHE_BUDGET) {}

  get(key: string): CachedList | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: a Map iterates in insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, list: CachedList): void {
    const old = this.entries.get(key);
    if (old) {
      this.size -= old.docs.length;
      this.entries.delete(key);
    }
    // A list longer than the whole budget is still kept (alone): the query that made it uses it now.
    for (const [k, v] of this.entries) {
      if (this.size + list.docs.length <= this.budget) break;
      this.entries.delete(k);
      this.size -= v.docs.length;
    }
    this.entries.set(key, list);
    this.size += list.docs.length;
  }

  /** Documents listed in all (for tests and the bench). */
  get listed(): number {
    return this.size;
  }
}

const caches = new WeakMap<ServerCorpus, TermCache>();

export function termCacheOf(corpus: ServerCorpus): TermCache {
  let cache = caches.get(corpus);
  if (!cache) {
    cache = new TermCache();
    caches.set(corpus, cache);
  }
  return cache;
}
