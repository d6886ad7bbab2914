import { describe, expect, it } from 'vitest';
import { mediaPath } from '../../../../../site/lib/cover-media.ts';
import { COVER_SIZES, coverFigureHtml } from '../../../../../site/lib/render/cover-figure.ts';

const file = (name: string, width: number) => ({
  url: `http://cms.example/uploads/${name}`,
  width,
  height: Math.round((width * 2) / 3),
});

describe('the cover figure', () => {
  const cover = {
    image: {
      ...file('x.jpg', 2000),
      formats: [file('thumbnail_x.jpg', 234), file('small_x.jpg', 500), file('large_x.jpg', 1000)],
    },
    alt: '村卫生室外景 <b>“平房”</b>',
    noIdentifiableBeneficiary: true as const,
  };

  it('offers every size by width, the original last, with space reserved and the alt text escaped', () => {
    const out = coverFigureHtml(cover).value;
    expect(out).toContain(
      `srcset="${mediaPath(cover.image.formats[0]?.url ?? '')} 234w, ${mediaPath('http://cms.example/uploads/small_x.jpg')} 500w, ${mediaPath('http://cms.example/uploads/large_x.jpg')} 1000w, ${mediaPath(cover.image.url)} 2000w"`,
    );
    expect(out).toContain(`sizes="${COVER_SIZES}"`);
    expect(out).toContain('width="2000" height="1333"');
    expect(out).toContain('alt="村卫生室外景 &lt;b&gt;“平房”&lt;/b&gt;"');
    expect(out).toContain('loading="lazy"');
    expect(out).not.toContain('cms.example');
  });

  it('falls back to the narrowest size at least 800 px wide, or the original', () => {
    expect(coverFigureHtml(cover).value).toContain(`src="${mediaPath('http://cms.example/uploads/large_x.jpg')}"`);
    const small = { ...cover, image: { ...file('y.png', 640), formats: [file('thumbnail_y.png', 234)] } };
    expect(coverFigureHtml(small).value).toContain(`src="${mediaPath('http://cms.example/uploads/y.png')}"`);
  });
});
