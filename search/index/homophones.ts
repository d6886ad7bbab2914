import { pinyin } from 'pinyin-pro';

/**
 * Homophone groups for the island's near-miss correction (issue 20): most Chinese is typed with a
 * pinyin input method, so the commonest one-character slip is a character that sounds like the
 * meant one (失能老人助参 for 助餐: both cān). The browser cannot carry a pinyin dictionary, so the
 * build writes, beside the vocabulary, each syllable that a vocabulary character has as the string
 * of the common characters read that way; the client treats two characters in one string as
 * sounding alike (search/client/near-miss.ts). Tones are left out: pinyin input ignores them.
 *
 * Common characters: GB 2312's first level (3,755, the characters of everyday text), enumerated by
 * decoding its code points, plus the vocabulary's own characters.
 */
export function commonCharacters(): string[] {
  const decoder = new TextDecoder('gb2312');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) break; // level 1 ends at D7F9
      out.push(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return out;
}

const isHan = (c: string) => /^\p{Script=Han}$/u.test(c);

function readings(char: string): string[] {
  return pinyin(char, { toneType: 'none', multiple: true, type: 'array' }).filter((p) => /^[a-zü]+$/u.test(p));
}

/**
 * One string per syllable that a character of `words` can be read as, holding every common
 * character with that reading (only syllables with at least two characters; sorted, so a release's
 * file does not change when nothing did).
 */
export function homophoneGroups(words: Iterable<string>, common: readonly string[] = commonCharacters()): string[] {
  const vocabularyChars = new Set<string>();
  for (const word of words) for (const c of Array.from(word)) if (isHan(c)) vocabularyChars.add(c);
  const syllables = new Map<string, Set<string>>();
  for (const c of vocabularyChars) for (const s of readings(c)) syllables.set(s, new Set());
  for (const c of new Set([...common, ...vocabularyChars])) {
    for (const s of readings(c)) syllables.get(s)?.add(c);
  }
  return [...syllables.entries()]
    .filter(([, chars]) => chars.size >= 2)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, chars]) => [...chars].sort().join(''));
}
