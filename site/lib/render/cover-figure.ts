import type { CoverImage } from '../../../content/index.ts';
import { mediaPath } from '../cover-media.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * A cover picture in the reading column (`.cover`, as wide as the text, 48rem at most): every
 * size the media library made is offered in `srcset` by its width, so a phone loads the small one
 * and a wide screen in 长辈模式 a large one; width and height reserve its space before it loads.
 * Below the first screen, so it loads lazily. The alt text is the editor's (required at publish).
 */
export const COVER_SIZES = '(min-width: 52rem) 48rem, calc(100vw - 2rem)';

export function coverFigureHtml(cover: CoverImage): SafeHtml {
  const { image } = cover;
  const sizes = [...image.formats.filter((f) => f.width < image.width), image].sort((a, b) => a.width - b.width);
  const srcset = sizes.map((f) => `${mediaPath(f.url)} ${f.width}w`).join(', ');
  // The src is the narrowest size at least 800 px wide: browsers without srcset get a usable picture.
  const fallback = sizes.find((f) => f.width >= 800) ?? image;
  return html`<figure class="cover"><img src="${mediaPath(fallback.url)}" srcset="${srcset}" sizes="${COVER_SIZES}" width="${String(image.width)}" height="${String(image.height)}" alt="${cover.alt}" loading="lazy" decoding="async"></figure>`;
}
