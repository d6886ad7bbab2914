import { raw, type SafeHtml } from '../html.ts';

/**
 * Where React islands go inside a page body built as one string (project pages: see
 * project-page.ts for why one string). The body carries a marker comment per island; the page
 * (site/pages/projects/[slug].astro) splits it there and renders the island component with its
 * client directive in between. Escaped text turns `<` into `&lt;` and rich text is sanitised
 * without comments, so content can never forge a marker.
 */
export type IslandSlot = 'live-totals' | 'donate';

const MARKER = /<!--xj-island:(live-totals|donate)-->/;

export function islandSlotHtml(slot: IslandSlot): SafeHtml {
  return raw(`<!--xj-island:${slot}-->`);
}

export type BodyPiece = { html: string } | { island: IslandSlot };

/** The body as markup runs and island places, in order. */
export function splitAtIslands(body: string): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  let rest = body;
  for (let m = MARKER.exec(rest); m; m = MARKER.exec(rest)) {
    if (m.index > 0) pieces.push({ html: rest.slice(0, m.index) });
    pieces.push({ island: m[1] as IslandSlot });
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) pieces.push({ html: rest });
  return pieces;
}
