import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freeTextPaths, textFields } from '../../../../content/rules/free-text-fields.ts';
import { PII_LINTED_FIELDS } from '../../../../content/rules/publish-lint.ts';
import { isoDate, nonEmptyText, slug } from '../../../../content/schemas/common.ts';
import { NOT_PROSE_REASONS, notProse } from '../../../../content/schemas/not-prose.ts';
import { COLLECTIONS, type CollectionName } from '../../../../content/snapshot/snapshot-schema.ts';

describe('freeTextPaths', () => {
  it('lints a field added to a schema without anyone listing it', () => {
    const before = z.object({ slug, title: nonEmptyText(80) });
    const after = before.extend({ newNote: nonEmptyText(200), plan: z.object({ extra: z.string() }).nullable() });
    expect(freeTextPaths(before)).toEqual(['title']);
    expect(freeTextPaths(after)).toEqual(['title', 'newNote', 'plan.extra']);
  });

  it.each([
    [
      'an array of objects',
      z.object({ items: z.array(z.object({ item: z.string(), n: z.number() })) }),
      ['items[].item'],
    ],
    ['an array of strings', z.object({ tags: z.array(z.string()) }), ['tags[]']],
    [
      'wrappers',
      z.object({ a: z.string().optional(), b: z.string().nullable().default(null), c: z.string().catch('') }),
      ['a', 'b', 'c'],
    ],
    ['a union, once', z.object({ u: z.union([z.string(), z.number(), z.string().max(3)]) }), ['u']],
    ['a pipe and a transform', z.object({ p: z.string().transform((s) => s.length) }), ['p']],
    ['a refined object', z.object({ a: z.string() }).refine(() => true), ['a']],
    ['no text', z.object({ n: z.number(), b: z.boolean(), e: z.enum(['x', 'y']), l: z.literal('k') }), []],
  ])('walks %s', (_label, schema, paths) => {
    expect(freeTextPaths(schema)).toEqual(paths);
  });

  it('leaves out what is marked not prose, with its reason, also through clones and containers', () => {
    const marked = notProse(z.string(), 'identifier');
    const schema = z.object({
      code: marked.trim().optional(),
      date: isoDate.nullable(),
      contact: notProse(z.object({ phone: z.string(), lines: z.array(z.string()) }), 'public-contact'),
      note: z.string(),
    });
    expect(freeTextPaths(schema)).toEqual(['note']);
    expect(textFields(schema)).toEqual([
      { path: 'code', notProse: 'identifier' },
      { path: 'date', notProse: 'date' },
      { path: 'contact.phone', notProse: 'public-contact' },
      { path: 'contact.lines[]', notProse: 'public-contact' },
      { path: 'note', notProse: null },
    ]);
  });

  it('lints a path when any branch of a union leaves it unmarked', () => {
    expect(freeTextPaths(z.object({ u: z.union([slug, z.string()]) }))).toEqual(['u']);
  });

  it.each([
    ['a record', z.object({ r: z.record(z.string(), z.string()) })],
    ['unknown', z.object({ u: z.unknown() })],
    ['any', z.object({ a: z.any() })],
    ['a tuple', z.object({ t: z.tuple([z.string()]) })],
    ['a lazy schema', z.object({ l: z.lazy(() => z.string()) })],
    ['a passthrough object', z.object({ a: z.string() }).catchall(z.string())],
  ])('refuses %s: its strings could not be seen', (_label, schema) => {
    expect(() => freeTextPaths(schema)).toThrow(/自由文本/);
  });
});

describe('the published schemas', () => {
  // What is not linted, and why, is a decision: adding to this table is deliberate.
  const NOT_LINTED: Record<CollectionName, string[]> = {
    charities: [
      'slug',
      'creditCode',
      'registeredOn',
      'recognisedOn',
      'publicFundraisingSince',
      'region.code',
      'region.provinceCode',
      'contact.phone',
      'contact.email',
      'contact.address',
      'contact.website',
      'registryUrl',
    ],
    projects: [
      'slug',
      'charity',
      'regions[].code',
      'regions[].provinceCode',
      'plan.filingNumber',
      'plan.filedOn',
      'plan.window.start',
      'plan.window.end',
      'plan.partners[].creditCode',
      'implementation.start',
      'implementation.end',
      'needs[]',
      'campaigns[]',
      'publishedOn',
      'cover.image.url',
      'cover.image.formats[].url',
      'corrections[].date',
    ],
    disclosures: [
      'slug',
      'project',
      'publishedOn',
      'period.start',
      'period.end',
      'expenses[].date',
      'corrects',
      'corrections[].date',
    ],
    caseSummaries: ['slug', 'project', 'region.code', 'region.provinceCode', 'publishedOn'],
    needs: ['slug', 'region.code', 'region.provinceCode', 'publishedOn'],
    typicalCases: [
      'slug',
      'region.code',
      'region.provinceCode',
      'projects[]',
      'charities[]',
      'publishedOn',
      'cover.image.url',
      'cover.image.formats[].url',
    ],
    awards: ['slug', 'awardee.charity', 'awardee.project', 'announcedOn'],
    campaigns: ['slug', 'window.start', 'window.end'],
    matchingPools: ['slug', 'sponsor.creditCode', 'campaign', 'projects[]', 'window.start', 'window.end'],
  };

  it.each(Object.keys(COLLECTIONS) as CollectionName[])('%s: every string is linted unless marked', (name) => {
    const fields = textFields(COLLECTIONS[name]);
    expect(fields.filter((f) => f.notProse !== null).map((f) => f.path)).toEqual(NOT_LINTED[name]);
    for (const f of fields) if (f.notProse) expect(Object.keys(NOT_PROSE_REASONS)).toContain(f.notProse);
    expect(PII_LINTED_FIELDS[name]).toEqual(fields.filter((f) => f.notProse === null).map((f) => f.path));
  });

  it('lints the fields an outside review found unlinted (issue 13)', () => {
    expect(PII_LINTED_FIELDS.projects).toEqual(
      expect.arrayContaining([
        'plan.fundraisingCost',
        'plan.remainingProperty',
        'plan.partners[].name',
        'plan.partners[].role',
      ]),
    );
    expect(PII_LINTED_FIELDS.campaigns).toEqual(expect.arrayContaining(['title', 'theme']));
    expect(PII_LINTED_FIELDS.needs).toContain('department');
  });
});
