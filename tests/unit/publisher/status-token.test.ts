import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPublisherConfig } from '../../../publisher/config.ts';

describe('the status token (publisher config)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'xianjie-status-token-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const file = () => join(dataDir, 'publisher', 'status-token');

  it('is generated once into the data directory (0600) and read back by the next process', async () => {
    const first = readPublisherConfig({ XIANJIE_DATA_DIR: dataDir }).statusToken();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readFile(file(), 'utf8')).trim()).toBe(first);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect(readPublisherConfig({ XIANJIE_DATA_DIR: dataDir }).statusToken()).toBe(first);
  });

  it('comes from XIANJIE_STATUS_TOKEN when set, which must be long enough', () => {
    const token = 'x'.repeat(40);
    expect(readPublisherConfig({ XIANJIE_DATA_DIR: dataDir, XIANJIE_STATUS_TOKEN: token }).statusToken()).toBe(token);
    expect(() => readPublisherConfig({ XIANJIE_DATA_DIR: dataDir, XIANJIE_STATUS_TOKEN: 'short' })).toThrow(
      /XIANJIE_STATUS_TOKEN.*32/,
    );
  });
});
