import type { CoverImage } from '../schemas/cover-image.ts';

/**
 * Strapi's local upload provider answers media paths (`/uploads/x.jpg`); a cloud provider answers
 * full addresses. The snapshot keeps full addresses either way, so the site build can fetch each
 * picture into the release (the portal serves images from 'self' only) without knowing the CMS.
 */
export function absoluteMediaUrl(url: unknown, base: string): unknown {
  if (typeof url !== 'string' || url === '') return url;
  try {
    return new URL(url, `${base.replace(/\/+$/, '')}/`).href;
  } catch {
    return url;
  }
}

type Unchecked<T> = { [K in keyof T]?: unknown };

/** An entry (as mapped, not yet validated) with its cover's file addresses made absolute. */
export function withAbsoluteCover<E extends Record<string, unknown>>(entry: E, base: string): E {
  const cover = entry.cover as Unchecked<CoverImage> | undefined;
  const image = cover?.image as { url?: unknown; formats?: unknown } | null | undefined;
  if (!cover || !image || typeof image !== 'object') return entry;
  const formats = Array.isArray(image.formats)
    ? image.formats.map((f: { url?: unknown }) => ({ ...f, url: absoluteMediaUrl(f.url, base) }))
    : image.formats;
  return { ...entry, cover: { ...cover, image: { ...image, url: absoluteMediaUrl(image.url, base), formats } } };
}
