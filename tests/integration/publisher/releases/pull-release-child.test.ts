import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../../content/snapshot/parse-snapshot.ts';
import { REPO_ROOT } from '../../../../publisher/config.ts';
import { childSnapshotStage } from '../../../../publisher/content-source.ts';
import { runOutcomeChild } from '../../../../publisher/releases/outcome-child.ts';
import { pullOutcomeSchema } from '../../../../publisher/releases/pull-outcome.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';

/**
 * The release's pull-and-validate stage as the portal runs it: a real Node child process
 * (pull-release-child.ts) that writes the snapshot into the staging folder and reports a summary,
 * or a Chinese error naming the entry and field, through its outcome file. The Strapi source is
 * covered end to end by the journeys (a real CMS); here, a file source and an unreachable CMS.
 */
let dir: string;

beforeAll(async () => {
  await mkdir(join(REPO_ROOT, '.data', 'tmp'), { recursive: true });
  dir = await mkdtemp(join(REPO_ROOT, '.data', 'tmp', 'pull-child-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function freshStaging(name: string): Promise<string> {
  const staging = join(dir, name);
  await mkdir(staging, { recursive: true });
  return staging;
}

describe('pull-and-validate stage in a child process', { timeout: 60_000 }, () => {
  it('writes the validated snapshot and reports what it holds', async () => {
    const source = join(dir, 'good.json');
    await writeFile(source, JSON.stringify(FIXTURE_SNAPSHOT));
    const staging = await freshStaging('good');
    const target = join(staging, 'snapshot.json');

    const summary = await childSnapshotStage({ kind: 'file', path: source })(target);

    expect(summary).toEqual({
      demo: FIXTURE_SNAPSHOT.demo,
      counts: {
        charities: FIXTURE_SNAPSHOT.charities.length,
        projects: FIXTURE_SNAPSHOT.projects.length,
        disclosures: FIXTURE_SNAPSHOT.disclosures.length,
      },
    });
    const written = parseSnapshot(JSON.parse(await readFile(target, 'utf8')), target);
    expect(written).toEqual(FIXTURE_SNAPSHOT);
    expect((await readdir(staging)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses invalid content naming the entry and the field, and writes no snapshot', async () => {
    const broken = structuredClone(FIXTURE_SNAPSHOT) as unknown as { projects: { slug: string; plan: object }[] };
    const project = broken.projects[0];
    if (!project) throw new Error('fixture has no project');
    project.plan = { ...project.plan, goalFen: -5 };
    const source = join(dir, 'broken.json');
    await writeFile(source, JSON.stringify(broken));
    const staging = await freshStaging('broken');
    const target = join(staging, 'snapshot.json');

    const error = await childSnapshotStage({ kind: 'file', path: source })(target).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(project.slug);
    expect((error as Error).message).toContain('plan.goalFen');
    expect(existsSync(target)).toBe(false);
  });

  it('says in Chinese when the CMS cannot be reached', async () => {
    const staging = await freshStaging('unreachable');
    await expect(
      childSnapshotStage({ kind: 'strapi', url: 'http://127.0.0.1:9', demo: false })(join(staging, 'snapshot.json')),
    ).rejects.toThrow(/无法连接内容管理系统/);
  });

  it('reports a child that died without an outcome by its exit and last output', async () => {
    const script = join(dir, 'dies.ts');
    await writeFile(script, "console.error('内存不足（测试）');\nprocess.exit(3);\n");
    await expect(
      runOutcomeChild({
        name: 'pull',
        script,
        args: [],
        outcomePath: join(dir, 'never-written.json'),
        schema: pullOutcomeSchema,
      }),
    ).rejects.toThrow(/pull 失败（退出码 3）[\s\S]*内存不足（测试）/);
  });
});
