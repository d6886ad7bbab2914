import { describe, expect, it } from 'vitest';
import { runSteps } from '../../../../content/snapshot/steps.ts';
import { bigramIndexSteps, candidatesOf } from '../../../../search/server/bigram-index.ts';

const docs = [
  ['居家养老服务', '甘肃省'],
  ['养老院护理', ''],
  ['残疾人康复训练', '四川省'],
  ['康复', '训练营'],
  ['ab养老', 'x'],
];
const index = runSteps(bigramIndexSteps(docs.length, (i) => docs[i] ?? []));
const holding = (term: string) => docs.flatMap((fields, i) => (fields.some((f) => f.includes(term)) ? [i] : []));

describe('bigram index: which documents can hold a term', () => {
  it('never leaves out a document that holds the term (a superset of the substring matches)', () => {
    for (const term of ['养老', '康复训练', '复训', '甘肃省', 'ab', '老服务', '练营'])
      expect([...(candidatesOf(index, term) ?? [])]).toEqual(expect.arrayContaining(holding(term)));
  });

  it('narrows by every pair: 康复训练 is not in 康复 | 训练营 split across fields', () => {
    expect([...(candidatesOf(index, '康复训练') ?? [])]).toEqual([2]);
    expect([...(candidatesOf(index, '养老') ?? [])]).toEqual([0, 1, 4]);
  });

  it('an unknown pair gives no candidates; a single code unit is not answered (read everything)', () => {
    expect(candidatesOf(index, '助餐')?.length).toBe(0);
    expect(candidatesOf(index, '养')).toBeNull();
  });
});
