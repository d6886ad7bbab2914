import type { SearchDocument } from '../../content/search/documents.ts';
import { SYNONYM_GROUPS } from '../../content/search/settings.ts';
import { runSteps, type Steps } from '../../content/snapshot/steps.ts';
import { POLICY_TERMS } from '../client/policy-terms.ts';
import { ONE_WAY_SYNONYMS } from '../client/synonym-table.ts';

/**
 * What the browser client knows about the corpus without downloading it, built from the documents
 * at index time and written next to the Pagefind bundle as `vocabulary.json` (a few KB):
 * - known terms to correct near-miss queries against (search/client/near-miss.ts): the synonym
 *   words, facet labels, region names and their parts (`甘肃省`, `甘肃`, `定西市`, `岷县`), charity names,
 *   and the four-character runs that recur in titles;
 * - how many documents hold each synonym word, so query expansion can tell a word the corpus
 *   never uses (`最低生活保障`) from one it does (`低保`).
 */
const REGION_PART = /.+?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)/gu;
const PEOPLES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
/** Names of peoples after a place name (`临夏回族自治州` → `临夏`, `新疆维吾尔自治区` → `新疆`). */
const ETHNIC = new RegExp(`(?:维吾尔|(?:${PEOPLES})族)+$`, 'u');
const SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)$/u;

export function regionParts(name: string): string[] {
  const parts = name.match(REGION_PART) ?? [name];
  return parts.flatMap((part) => {
    const bare = part.replace(SUFFIX, '');
    const short = bare.replace(ETHNIC, '');
    return [part, bare, short].filter((p, i, all) => Array.from(p).length >= 2 && all.indexOf(p) === i);
  });
}

/** What `vocabulary.json` holds. */
export interface Vocabulary {
  /** Known terms, for near-miss correction (no place names: a typo is never corrected into a place). */
  terms: string[];
  /** Region names and their parts (`甘肃省`, `甘肃`, `岷县`): segmenter words, never correction targets. */
  places: string[];
  /**
   * The user dictionary's other words (issue 20): facet labels, synonym words, the policy terms
   * (search/client/policy-terms.ts), campaign names (`中华慈善日`) and award names. With `places`,
   * what jieba is taught on the server (search/server/segmenter.ts) and what the island splits
   * its query variants with.
   */
  words: string[];
  /** Documents whose text holds each synonym word (0 = the corpus never says it). */
  counts: Record<string, number>;
  /**
   * Campaign names (`中华慈善日`, `敬老月`): a query that says one wants the campaign's page first,
   * as one that says 慈善奖 wants awards (search/client/type-words.ts; the island ranks by it).
   */
  campaigns: string[];
}

const documentText = (d: SearchDocument) =>
  [d.title, d.summary, d.body, d.project ?? '', ...d.keywords, ...d.targetGroup, ...d.serviceType, ...d.region].join(
    '\n',
  );

/** Four-character Han runs that recur in titles (`透析补助`, `课后托管`, `心灵守护`): the corpus's own words. */
export function titleTerms(documents: readonly SearchDocument[], minDocuments = 3, limit = 1500): string[] {
  return runSteps(titleTermSteps(documents, minDocuments, limit));
}

function* titleTermSteps(documents: readonly SearchDocument[], minDocuments: number, limit: number): Steps<string[]> {
  const df = new Map<string, number>();
  for (const d of documents) {
    if (d.type === 'disclosure') continue;
    const seen = new Set<string>();
    for (const run of d.title.match(/\p{Script=Han}+/gu) ?? []) {
      const chars = Array.from(run);
      for (let i = 0; i + 4 <= chars.length; i++) seen.add(chars.slice(i, i + 4).join(''));
    }
    for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1);
    yield;
  }
  // At scale most of the hundreds of thousands of runs occur once: drop them a slice at a time.
  const recurring: [string, number][] = [];
  let k = 0;
  for (const entry of df) {
    if (entry[1] >= minDocuments) recurring.push(entry);
    if (++k % 4096 === 0) yield;
  }
  return recurring
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([g]) => g);
}

export function buildVocabulary(documents: readonly SearchDocument[]): Vocabulary {
  return runSteps(vocabularySteps(documents));
}

/**
 * `buildVocabulary` one document at a time (content/snapshot/steps.ts): at scale the synonym counts alone
 * search 80,000 texts for every synonym word, too long to do between two requests of the portal.
 */
export function* vocabularySteps(documents: readonly SearchDocument[]): Steps<Vocabulary> {
  const oneWay = ONE_WAY_SYNONYMS.flatMap((e) => [e.from, ...e.to]).filter((w) => !w.includes(' '));
  const synonyms = [...new Set([...SYNONYM_GROUPS.flat(), ...oneWay])];
  const terms = new Set<string>([...synonyms, ...(yield* titleTermSteps(documents, 3, 1500))]);
  const words = new Set<string>([...synonyms, ...POLICY_TERMS]);
  const places = new Set<string>();
  const campaigns = new Set<string>();
  const counts: Record<string, number> = {};
  for (const word of synonyms) counts[word] = 0;
  const seenRegions = new Set<string>();
  for (const d of documents) {
    for (const label of [...d.targetGroup, ...d.serviceType])
      for (const part of label.split('/')) {
        terms.add(part);
        words.add(part);
      }
    for (const region of d.region) {
      if (seenRegions.has(region)) continue;
      seenRegions.add(region);
      for (const part of regionParts(region)) places.add(part);
    }
    for (const name of d.charity) terms.add(name);
    if (d.type === 'campaign')
      for (const [, name] of d.title.matchAll(/“([^”]{2,12})”/gu))
        if (name) {
          words.add(name);
          campaigns.add(name);
        }
    if (d.type === 'award') for (const k of d.keywords.slice(0, 3)) words.add(k);
    const text = documentText(d);
    for (const word of synonyms) if (text.includes(word)) counts[word] = (counts[word] ?? 0) + 1;
    yield;
  }
  const long = (t: string) => t.length >= 2;
  return {
    terms: [...terms].filter((t) => long(t) && !places.has(t)).sort(),
    places: [...places].filter(long).sort(),
    words: [...words].filter((w) => long(w) && !places.has(w)).sort(),
    counts,
    campaigns: [...campaigns].filter((w) => long(w) && !places.has(w)).sort(),
  };
}

/** The user dictionary: what the segmenter keeps whole. */
export const dictionaryWords = (v: Pick<Vocabulary, 'places' | 'words'>): string[] => [...v.words, ...v.places];
