import { describe, expect, it } from 'vitest';
import { absoluteMediaUrl, withAbsoluteCover } from '../../../../content/snapshot/media-urls.ts';

describe('cover addresses in a pulled snapshot', () => {
  it('makes the local upload provider’s paths absolute on the CMS and leaves full addresses alone', () => {
    expect(absoluteMediaUrl('/uploads/x.jpg', 'http://127.0.0.1:1337/')).toBe('http://127.0.0.1:1337/uploads/x.jpg');
    expect(absoluteMediaUrl('https://oss.example/x.jpg', 'http://127.0.0.1:1337')).toBe('https://oss.example/x.jpg');
    expect(absoluteMediaUrl(null, 'http://127.0.0.1:1337')).toBeNull();
  });

  it('rewrites the original and every size of a cover, and nothing else', () => {
    const entry = {
      slug: 'a',
      cover: {
        image: {
          url: '/uploads/x.jpg',
          width: 2,
          height: 1,
          formats: [{ url: '/uploads/small_x.jpg', width: 1, height: 1 }],
        },
        alt: '外景',
        noIdentifiableBeneficiary: true,
      },
    };
    expect(withAbsoluteCover(entry, 'http://cms:1337')).toEqual({
      slug: 'a',
      cover: {
        image: {
          url: 'http://cms:1337/uploads/x.jpg',
          width: 2,
          height: 1,
          formats: [{ url: 'http://cms:1337/uploads/small_x.jpg', width: 1, height: 1 }],
        },
        alt: '外景',
        noIdentifiableBeneficiary: true,
      },
    });
    const plain = { slug: 'b' };
    expect(withAbsoluteCover(plain, 'http://cms:1337')).toBe(plain);
    const empty = { slug: 'c', cover: { image: null } };
    expect(withAbsoluteCover(empty, 'http://cms:1337')).toBe(empty);
  });
});
