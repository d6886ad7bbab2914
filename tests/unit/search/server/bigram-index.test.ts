import { describe, expect, it } from 'vitest';
import { runSteps } from '../../../../content/snapshot/steps.ts';
import {
  bigramIndexSteps,
  COUNT_CAP,
  COUNT_SHIFT,
  candidateFieldsOf,
  candidatesOf,
} from '../../../../search/server/bigram-index.ts';

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

describe('bigram index with field bits: where a pair occurs', () => {
  // Three texts per document: two classes of fields and a counted text (the body).
  const bits = { bits: [1, 2, 0], counted: 2 };
  const fielded = [
    ['养老院', '', '居家养老，社区养老'],
    ['', '养老', '老老老老老'],
    ['助学', '', ''],
  ];
  const index = runSteps(bigramIndexSteps(fielded.length, (i) => fielded[i] ?? [], bits));
  const count = (text: string, term: string) => text.split(term).length - 1;

  it('a two-unit term: exactly the fields that hold it and how often the counted text does', () => {
    for (const term of ['养老', '老老', '助学', '社区']) {
      const found = candidateFieldsOf(index, term);
      const expected = fielded.flatMap((fields, i) => {
        const mask = (fields[0]?.includes(term) ? 1 : 0) | (fields[1]?.includes(term) ? 2 : 0);
        const n = Math.min(COUNT_CAP, count(fields[2] ?? '', term));
        return mask > 0 || n > 0 ? [{ doc: i, bits: mask | (n << COUNT_SHIFT) }] : [];
      });
      expect([...(found?.docs ?? [])]).toEqual(expected.map((e) => e.doc));
      expect([...(found?.fields ?? [])]).toEqual(expected.map((e) => e.bits));
    }
  });

  it('counts without overlap, as indexOf finds them one after another (老老老老老 holds 老老 twice)', () => {
    const found = candidateFieldsOf(index, '老老');
    expect((found?.fields[0] ?? 0) >> COUNT_SHIFT).toBe(2);
  });

  it('a longer term: the fields holding all its pairs (a superset), never leaving one out', () => {
    const found = candidateFieldsOf(index, '居家养老');
    expect([...(found?.docs ?? [])]).toEqual([0]);
    expect((found?.fields[0] ?? 0) >> COUNT_SHIFT).toBeGreaterThan(0);
    expect(candidateFieldsOf(index, '养老金')?.docs.length).toBe(0);
  });

  it('without field bits, or for one code unit, it cannot say', () => {
    expect(candidateFieldsOf(runSteps(bigramIndexSteps(docs.length, (i) => docs[i] ?? [])), '养老')).toBeNull();
    expect(candidateFieldsOf(index, '养')).toBeNull();
  });
});
