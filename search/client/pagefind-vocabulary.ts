import type { CorpusHints } from './query-variants.ts';

/**
 * `vocabulary.json` beside the Pagefind bundle (search/index/vocabulary.ts writes it, and a gzipped
 * copy): what the build knows about the corpus, for near-miss correction and synonym pruning.
 */

/** `vocabulary.json`, checked: anything malformed is ignored (expansion then uses the synonym list alone). */
export function parseVocabulary(json: unknown): CorpusHints | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const { terms, counts, places, words, sounds, campaigns } = json as {
    terms?: unknown;
    counts?: unknown;
    places?: unknown;
    words?: unknown;
    sounds?: unknown;
    campaigns?: unknown;
  };
  const hints: CorpusHints = {};
  const strings = (list: unknown[]) => list.filter((t): t is string => typeof t === 'string' && t.length <= 40);
  if (Array.isArray(terms)) hints.terms = strings(terms);
  if (Array.isArray(places)) hints.places = strings(places);
  if (Array.isArray(words)) hints.words = strings(words);
  if (Array.isArray(campaigns)) hints.campaigns = strings(campaigns);
  // A homophone group is one syllable's characters: a few dozen at most, never hundreds.
  if (Array.isArray(sounds))
    hints.sounds = sounds.filter((t): t is string => typeof t === 'string' && Array.from(t).length <= 400);
  if (counts && typeof counts === 'object' && !Array.isArray(counts)) {
    hints.counts = Object.fromEntries(
      Object.entries(counts as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  }
  return hints;
}

export async function fetchVocabulary(url: string, doFetch: typeof fetch): Promise<CorpusHints | undefined> {
  try {
    const response = await doFetch(url);
    if (!response.ok) return undefined;
    if (url.endsWith('.gz') && response.body) {
      const inflated = response.body.pipeThrough(new DecompressionStream('gzip'));
      return parseVocabulary(await new Response(inflated).json());
    }
    return parseVocabulary(await response.json());
  } catch {
    return undefined;
  }
}

/** The gzipped vocabulary where the browser can inflate it (search/index/pagefind-index.ts writes both). */
export function defaultVocabularyUrl(bundlePath: string): string {
  return typeof DecompressionStream === 'function' ? `${bundlePath}vocabulary.json.gz` : `${bundlePath}vocabulary.json`;
}
