import type { ReactElement } from 'react';

/**
 * What a share image says: a kind ("慈善项目"), the title, one line under it and up to three
 * figures. Titles and figures only — never a story, a body or anything that could point at a
 * beneficiary (DESIGN.md); every text here is already public on the page the image belongs to.
 */
export interface ShareCard {
  kind: string;
  title: string;
  subtitle?: string | undefined;
  figures: readonly ShareFigure[];
  /** A small line under the figures: where a figure comes from and as of when. */
  note?: string | undefined;
  /**
   * A QR code drawn on the right (a team's poster, team-poster.ts): a PNG data URL made at
   * `SHARE_QR_SIZE` pixels so resvg copies it without scaling (a scaled code blurs), and a caption.
   */
  qr?: { image: string; caption: string } | undefined;
}

export interface ShareFigure {
  label: string;
  value: string;
}

/** Open Graph's recommended size; Weixin, Weibo and the rest crop it to their own ratios. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The side of a card's QR image, in pixels. */
export const SHARE_QR_SIZE = 380;

/** The font family name the renderer registers (share-fonts.ts). */
export const SHARE_FONT_FAMILY = 'Noto Sans SC';

const BRAND = '#0b3d91';
const FG = '#1b1b1b';
const FG_MUTED = '#4a4f57';
const SOFT = '#f3f5f8';

type Style = Record<string, string | number>;
type Child = ShareNode | string;
/** satori reads React elements as plain objects: no JSX, no React at run time. */
export type ShareNode = ReactElement<{ style: Style; children?: Child | Child[] }>;

function node(style: Style, children?: Child | Child[]): ShareNode {
  return { type: 'div', key: null, props: children === undefined ? { style } : { style, children } };
}

/** The QR column of a poster: the code on white (its quiet zone is in the image) and its caption. */
function qrColumn(qr: NonNullable<ShareCard['qr']>): ShareNode {
  const image = {
    type: 'img',
    key: null,
    props: { src: qr.image, width: SHARE_QR_SIZE, height: SHARE_QR_SIZE, style: {} },
  } as unknown as ShareNode;
  return node({ display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '40px 48px 0 0' }, [
    image,
    node({ display: 'flex', marginTop: 8, fontSize: 26, fontWeight: 700, color: BRAND }, qr.caption),
  ]);
}

/** A card's body beside its QR column, when it has one (the tree is unchanged without). */
function withQr(card: ShareCard, body: ShareNode): ShareNode {
  return card.qr ? node({ display: 'flex', flexDirection: 'row', flexGrow: 1 }, [body, qrColumn(card.qr)]) : body;
}

/** The element tree satori turns into an SVG: a brand band, the title (three lines at most), the figures. */
export function shareCardTree(card: ShareCard): ShareNode {
  const figures = card.figures.slice(0, 3);
  return node(
    {
      display: 'flex',
      flexDirection: 'column',
      width: SHARE_IMAGE_SIZE.width,
      height: SHARE_IMAGE_SIZE.height,
      backgroundColor: '#ffffff',
      fontFamily: SHARE_FONT_FAMILY,
      color: FG,
    },
    [
      node({ display: 'flex', width: '100%', height: 24, backgroundColor: BRAND }),
      withQr(
        card,
        node(
          {
            display: 'flex',
            flexDirection: 'column',
            flexGrow: 1,
            flexBasis: 0,
            padding: card.qr ? '48px 40px 32px 64px' : '48px 72px 32px',
          },
          [
            node({ display: 'flex', fontSize: 30, fontWeight: 700, color: BRAND }, `衔接 · ${card.kind}`),
            node(
              {
                display: 'block',
                marginTop: 28,
                fontSize: card.title.length > 30 ? 56 : 64,
                fontWeight: 700,
                lineHeight: 1.3,
                lineClamp: 3,
              },
              card.title,
            ),
            ...(card.subtitle
              ? [node({ display: 'block', marginTop: 20, fontSize: 30, color: FG_MUTED, lineClamp: 1 }, card.subtitle)]
              : []),
            node({ display: 'flex', flexGrow: 1 }),
            node(
              { display: 'flex', flexDirection: 'row' },
              figures.map((figure, index) =>
                node(
                  {
                    display: 'flex',
                    flexDirection: 'column',
                    flexGrow: 1,
                    flexBasis: 0,
                    marginLeft: index === 0 ? 0 : 24,
                    padding: '18px 24px',
                    backgroundColor: SOFT,
                    borderRadius: 10,
                  },
                  [
                    node({ display: 'flex', fontSize: 24, color: FG_MUTED }, figure.label),
                    node(
                      {
                        display: 'flex',
                        marginTop: 4,
                        fontSize: figures.length > 2 ? 32 : 38,
                        fontWeight: 700,
                        color: BRAND,
                      },
                      figure.value,
                    ),
                  ],
                ),
              ),
            ),
            ...(card.note ? [node({ display: 'flex', marginTop: 12, fontSize: 22, color: FG_MUTED }, card.note)] : []),
          ],
        ),
      ),
    ],
  );
}
