import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTENT_SOURCE,
  describeContentSource,
  parseContentSource,
} from '../../../../content/contracts/content-source.ts';
import { ContentError } from '../../../../content/index.ts';
import { loadSnapshot } from '../../../../site/lib/load-snapshot.ts';
import { demoSnapshot } from '../../../support/fixtures/site.ts';

describe('CONTENT_SOURCE', () => {
  it('defaults to the demo snapshot file', () => {
    expect(DEFAULT_CONTENT_SOURCE).toBe('file:.data/snapshots/demo.json');
    expect(parseContentSource({})).toEqual({ kind: 'file', path: '.data/snapshots/demo.json' });
    expect(parseContentSource({ CONTENT_SOURCE: '  ' })).toEqual({ kind: 'file', path: '.data/snapshots/demo.json' });
  });

  it('reads file:<path> and strapi (with STRAPI_URL, default 127.0.0.1:1337)', () => {
    expect(parseContentSource({ CONTENT_SOURCE: 'file:/tmp/x.json' })).toEqual({ kind: 'file', path: '/tmp/x.json' });
    expect(parseContentSource({ CONTENT_SOURCE: 'strapi' })).toEqual({
      kind: 'strapi',
      url: 'http://127.0.0.1:1337',
      token: undefined,
    });
    expect(
      parseContentSource({ CONTENT_SOURCE: 'strapi', STRAPI_URL: 'http://cms.internal:1337/', STRAPI_TOKEN: 's3cret' }),
    ).toEqual({ kind: 'strapi', url: 'http://cms.internal:1337', token: 's3cret' });
  });

  it('refuses anything else, and never prints the token', () => {
    expect(() => parseContentSource({ CONTENT_SOURCE: 'http://example.org/snap.json' })).toThrow(/CONTENT_SOURCE/);
    expect(() => parseContentSource({ CONTENT_SOURCE: 'file:' })).toThrow(/file:/);
    expect(describeContentSource({ kind: 'strapi', url: 'http://cms', token: 's3cret' })).not.toContain('s3cret');
  });
});

describe('loading a file snapshot', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xianjie-site-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads and validates a good snapshot', async () => {
    const path = join(dir, 'good.json');
    await writeFile(path, JSON.stringify(demoSnapshot()));
    const snapshot = await loadSnapshot({ kind: 'file', path });
    expect(snapshot.projects).toHaveLength(demoSnapshot().projects.length);
    expect(snapshot.demo).toBe(true);
  });

  it('fails with the entry and the field when an entry is invalid', async () => {
    const broken = structuredClone(demoSnapshot()) as unknown as {
      projects: { slug: string; plan: { goalFen: unknown } | null }[];
    };
    const index = broken.projects.findIndex((p) => p.plan !== null);
    const project = broken.projects[index] as { slug: string; plan: { goalFen: unknown } };
    project.plan.goalFen = -5;
    const path = join(dir, 'broken.json');
    await writeFile(path, JSON.stringify(broken));
    const error = await loadSnapshot({ kind: 'file', path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as Error).message;
    expect(message).toContain(`“${project.slug}”（projects[${index}]）`);
    expect(message).toContain('plan.goalFen');
  });

  it('fails with a clear message for a missing file or broken JSON', async () => {
    await expect(loadSnapshot({ kind: 'file', path: join(dir, 'missing.json') })).rejects.toThrow(/找不到快照文件/);
    const path = join(dir, 'not-json.json');
    await writeFile(path, '{ "format": ');
    await expect(loadSnapshot({ kind: 'file', path })).rejects.toThrow(/不是有效的 JSON/);
  });
});
