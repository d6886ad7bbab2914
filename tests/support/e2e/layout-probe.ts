/**
 * What a person sees of a page's layout, measured inside the page (passed to `page.evaluate`, so
 * it is self-contained): how far the page scrolls sideways, and every visible piece of text drawn
 * smaller than allowed. Text inside an SVG is measured as drawn — its computed font-size times
 * the SVG's scale on screen — because a chart's viewBox shrinks its labels with the screen.
 */
export interface SmallText {
  /** Tag and classes of the element holding the text, e.g. `text` or `td.num`. */
  element: string;
  text: string;
  /** Rendered size in CSS px, rounded to 0.1. */
  px: number;
  inChart: boolean;
}

export interface LayoutProbe {
  /** document.scrollingElement's scrollWidth − clientWidth; > 0 is sideways scrolling. */
  overflowPx: number;
  /** The elements that stick out past the right edge (for the failure message). */
  widest: string[];
  small: SmallText[];
  /** Chart text cut off at its SVG's edge (an SVG clips what it draws outside itself). */
  clipped: string[];
  /** Table cells squeezed below three characters' width, so their text breaks after every character or two. */
  squeezed: string[];
}

export interface ProbeLimits {
  minPx: number;
  minChartPx: number;
}

export function probeLayout(limits: ProbeLimits): LayoutProbe {
  // Sections below the fold are `content-visibility: auto` (layout.css): not laid out until
  // scrolled to, so neither their width nor their charts' scale would be measured. Lay them out.
  for (const el of document.querySelectorAll<HTMLElement>('*')) {
    if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
  }
  const root = document.scrollingElement ?? document.documentElement;
  const overflowPx = root.scrollWidth - root.clientWidth;
  const nameOf = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
  // What sticks out of a box that scrolls or clips (a wide table's own scroller) widens nothing.
  const insideScroller = (el: Element) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const widest: string[] = [];
  if (overflowPx > 0) {
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > root.clientWidth + 0.5 && !insideScroller(el)) {
        // Only the outermost culprit of each branch.
        const parent = el.parentElement?.getBoundingClientRect();
        if (!parent || parent.right <= root.clientWidth + 0.5)
          widest.push(`${nameOf(el)} → ${Math.round(box.right)}px`);
      }
    }
  }
  const small: SmallText[] = [];
  const clipped: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !node.textContent?.trim()) continue;
    seen.add(el);
    if (el.closest('script, style, noscript, template, title')) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    // The visually hidden pattern (1 px, clipped) is for screen readers, not eyes.
    const box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) continue;
    let px = Number.parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest('svg');
    if (svg && el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) px *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      const frame = svg.getBoundingClientRect();
      if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5)
        clipped.push(node.textContent.trim().slice(0, 40));
    }
    const min = svg ? Math.max(limits.minPx, limits.minChartPx) : limits.minPx;
    if (px < min - 0.05) {
      small.push({
        element: nameOf(el),
        text: node.textContent.trim().slice(0, 40),
        px: Math.round(px * 10) / 10,
        inChart: svg !== null,
      });
    }
  }
  const squeezed: string[] = [];
  for (const cell of document.querySelectorAll<HTMLTableCellElement>('td, th')) {
    const text = cell.textContent?.trim() ?? '';
    if ([...text].length < 3 || !cell.checkVisibility({ visibilityProperty: true })) continue;
    const style = getComputedStyle(cell);
    const inner = cell.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    if (inner < 2.5 * Number.parseFloat(style.fontSize))
      squeezed.push(`${text.slice(0, 20)}（${Math.round(inner)}px）`);
  }
  return {
    overflowPx,
    widest: widest.slice(0, 8),
    small,
    clipped: clipped.slice(0, 8),
    squeezed: squeezed.slice(0, 8),
  };
}
