import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderShareImage } from '../../../../../site/lib/share-image/render-share-image.ts';
import { shareCardKey } from '../../../../../site/lib/share-image/share-image-cache.ts';
import { teamPosterCard } from '../../../../../site/lib/share-image/team-poster.ts';

const team = {
  name: '九五同行队',
  goalFen: 500_000,
  leaderName: '小周',
  project: { title: '困境儿童助学服务项目', charity: { name: '某某慈善会' } },
};

describe("a team's poster", () => {
  it("is a PNG whose QR code decodes to the team's link, with the team and goal on it", async () => {
    const link = 'https://xianjie.example.org/teams/?id=abcdefghijkm';
    const card = await teamPosterCard(team, link);
    expect(card.title).toBe('九五同行队');
    expect(card.subtitle).toContain('困境儿童助学服务项目');
    expect(card.figures.map((f) => f.value)).toContain('5,000.00 元');
    const png = PNG.sync.read(await renderShareImage(card));
    expect([png.width, png.height]).toEqual([1200, 630]);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);
  }, 30_000);

  it('is cached apart from a card without a code, and per link', async () => {
    const a = await teamPosterCard(team, 'https://x.example/teams/?id=aaaaaaaaaaaa');
    const b = await teamPosterCard(team, 'https://x.example/teams/?id=bbbbbbbbbbbb');
    expect(shareCardKey(a)).not.toBe(shareCardKey(b));
    expect(shareCardKey({ ...a, qr: undefined })).not.toBe(shareCardKey(a));
  });
});
