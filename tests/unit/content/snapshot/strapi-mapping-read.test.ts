import { describe, expect, it } from 'vitest';
import { toSnapshotEntry } from '../../../../content/snapshot/strapi-mapping-read.ts';

describe('reading a Strapi cover image', () => {
  const file = {
    id: 7,
    url: '/uploads/clinic_0a1b2c3d4e.jpg',
    width: 2000,
    height: 1333,
    mime: 'image/jpeg',
    alternativeText: null,
    formats: {
      large: { url: '/uploads/large_clinic.jpg', width: 1000, height: 667, size: 120.5 },
      thumbnail: { url: '/uploads/thumbnail_clinic.jpg', width: 234, height: 156, size: 8.1 },
      small: { url: '/uploads/small_clinic.jpg', width: 500, height: 333, size: 30.2 },
    },
  };

  it('keeps the original and its generated sizes, narrowest first, with the alt text and confirmation', () => {
    const entry = toSnapshotEntry('typicalCases', {
      cover: { id: 1, image: file, alt: '村卫生室外景', noIdentifiableBeneficiary: true },
    });
    expect(entry.cover).toEqual({
      image: {
        url: '/uploads/clinic_0a1b2c3d4e.jpg',
        width: 2000,
        height: 1333,
        formats: [
          { url: '/uploads/thumbnail_clinic.jpg', width: 234, height: 156 },
          { url: '/uploads/small_clinic.jpg', width: 500, height: 333 },
          { url: '/uploads/large_clinic.jpg', width: 1000, height: 667 },
        ],
      },
      alt: '村卫生室外景',
      noIdentifiableBeneficiary: true,
    });
  });

  it('leaves the cover out when there is none, and a cover without a file as null for the schema to refuse', () => {
    expect(toSnapshotEntry('projects', { cover: null }).cover).toBeUndefined();
    expect(toSnapshotEntry('projects', {}).cover).toBeUndefined();
    const empty = toSnapshotEntry('projects', { cover: { image: null, alt: '', noIdentifiableBeneficiary: false } });
    expect(empty.cover).toEqual({ image: null, alt: '', noIdentifiableBeneficiary: false });
    expect(toSnapshotEntry('projects', { cover: { image: { ...file, formats: null } } }).cover).toMatchObject({
      image: { formats: [] },
    });
  });
});
