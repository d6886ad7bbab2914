import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../../content/errors.ts';
import { readSnapshotFile } from '../../../../content/node/index.ts';
import { parseSnapshot } from '../../../../content/snapshot/parse-snapshot.ts';
import { makeCharity, makeDisclosure, makeProject } from '../../../support/fixtures/content.ts';

function snapshot(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'xianjie-snapshot',
    version: 1,
    generatedAt: '2026-11-27T08:00:00+08:00',
    asOf: '2026-11-27',
    source: 'file',
    demo: true,
    charities: [makeCharity()],
    projects: [makeProject()],
    disclosures: [makeDisclosure('minxian-zhuxue-q1', 'progress', '2026-03-01')],
    caseSummaries: [],
    needs: [],
    typicalCases: [],
    awards: [],
    campaigns: [],
    ...overrides,
  };
}

function issuesOf(input: unknown): ContentError['issues'] {
  try {
    parseSnapshot(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).code).toBe('SNAPSHOT_INVALID');
    return (error as ContentError).issues;
  }
  throw new Error('expected parseSnapshot to throw');
}

describe('parseSnapshot', () => {
  it('accepts a valid snapshot and fills defaults', () => {
    const parsed = parseSnapshot(snapshot());
    expect(parsed.projects[0]?.needs).toEqual([]);
    expect(parsed.seedConsents).toEqual([]);
  });

  it.each([
    [
      'a goal given as a string',
      { projects: [{ ...makeProject(), plan: { ...makeProject().plan, goalFen: '100.00' } }] },
      '慈善项目 “minxian-zhuxue”（projects[0]）',
      'plan.goalFen',
    ],
    [
      'a bad credit code',
      { charities: [{ ...makeCharity(), creditCode: '53100000500012345A' }] },
      '慈善组织 “gansu-cishan”（charities[0]）',
      'creditCode',
    ],
    [
      'an unknown target group',
      { projects: [{ ...makeProject(), targetGroups: ['rich-people'] }] },
      '慈善项目 “minxian-zhuxue”（projects[0]）',
      'targetGroups[0]',
    ],
    [
      'an impossible date',
      { disclosures: [{ ...makeDisclosure('d1', 'progress', '2026-03-01'), publishedOn: '2026-02-30' }] },
      '信息公开 “d1”（disclosures[0]）',
      'publishedOn',
    ],
    ['a wrong format marker', { format: 'something-else' }, '快照头部', 'format'],
    ['a missing collection', { awards: undefined }, '快照', 'awards'],
  ])('names the entry and field for %s', (_label, change, entry, field) => {
    const issues = issuesOf(snapshot(change));
    expect(issues).toContainEqual(expect.objectContaining({ entry, field }));
    for (const issue of issues) expect(issue.message).toMatch(/\p{Script=Han}|[A-Za-z]/u);
  });

  it.each([
    ['a project whose charity is not in the snapshot', { charities: [] }, 'charity'],
    [
      'a disclosure of an unknown project',
      { disclosures: [{ ...makeDisclosure('d1', 'progress', '2026-03-01'), project: 'nope' }] },
      'project',
    ],
    ['a duplicate slug', { projects: [makeProject(), makeProject()] }, 'slug'],
    [
      'a seed consent for an unknown case',
      {
        seedConsents: [
          { caseSummary: 'nobody', recordedOn: '2026-01-01', scope: ['portal-publication'], guardian: null },
        ],
      },
      'caseSummary',
    ],
  ])('refuses %s', (_label, change, field) => {
    const issues = issuesOf(snapshot(change));
    expect(issues.map((i) => i.field)).toContain(field);
  });

  it('reports every problem, not only the first', () => {
    const bad = { ...makeProject(), title: '', regions: [] };
    const issues = issuesOf(snapshot({ projects: [bad], charities: [{ ...makeCharity(), creditCode: 'X' }] }));
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['title', 'regions', 'creditCode']));
  });

  it.each([null, [], 'text', 42])('refuses %j as a whole', (input) => {
    expect(() => parseSnapshot(input)).toThrow(ContentError);
  });
});

describe('readSnapshotFile', () => {
  it('explains a missing file and how to make one', async () => {
    await expect(readSnapshotFile('/nonexistent/demo.json')).rejects.toMatchObject({
      code: 'SNAPSHOT_NOT_FOUND',
      message: expect.stringContaining('npm run data:demo'),
    });
  });

  it('refuses a file that is not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xianjie-snapshot-'));
    const path = join(dir, 'broken.json');
    await writeFile(path, '{"format": "xianjie-snapshot",');
    await expect(readSnapshotFile(path)).rejects.toMatchObject({ code: 'SNAPSHOT_NOT_JSON' });
  });

  it('names the file, the entry and the field of an invalid entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xianjie-snapshot-'));
    const path = join(dir, 'bad.json');
    await writeFile(path, JSON.stringify(snapshot({ projects: [{ ...makeProject(), status: 'paused' }] })));
    const error = await readSnapshotFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('projects[0]');
    expect((error as Error).message).toContain('status');
  });
});
