import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation for the server engine (issue 20): jieba (`@node-rs/jieba`, a native
 * binding with prebuilt binaries) with its default dictionary, taught the release's user
 * dictionary — facet labels, synonym words, policy terms, region names, campaign and award names
 * (search/index/vocabulary.ts `dictionaryWords`). It replaces the longest-match splitter, which cut
 * across words (残疾人康 | 复训练) and kept every unknown run as one required term (养老培训).
 *
 * One jieba per process: loading the default dictionary takes ~0.25 s, so it happens once, on the
 * first search; each release's words are added once (jieba cannot forget words, and an old
 * release's place names do no harm: they only keep a name whole).
 */
export type Segment = (text: string) => string[];

/** A user word's frequency: high enough to keep 康复训练 whole against 康复 + 训练, no higher. */
const USER_WORD_FREQUENCY = 200_000;

let jieba: Jieba | null = null;
const taught = new Set<string>();

function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** A segmenter that knows `words` (added to the process's jieba once each). */
export function createSegmenter(words: Iterable<string>): Segment {
  const j = instance();
  const fresh: string[] = [];
  for (const word of words) {
    // jieba's dictionary format is `word freq`, one a line: a word with a space or newline cannot be one.
    if (taught.has(word) || /\s/u.test(word) || Array.from(word).length < 2) continue;
    taught.add(word);
    fresh.push(`${word} ${USER_WORD_FREQUENCY}`);
  }
  if (fresh.length > 0) j.loadDict(Buffer.from(`${fresh.join('\n')}\n`, 'utf8'));
  // HMM off: it glues unknown characters into made-up words (项日), which then must occur verbatim.
  return (text) => j.cut(text, false).filter((t) => t.trim().length > 0);
}
