import {
  type AmountBounds,
  type ContentSource,
  DEFAULT_AMOUNT_BOUNDS,
  parseContentSource,
} from '../../content/index.ts';
import { type Env, readAmountBounds } from '../../content/node/index.ts';

/**
 * The one place the site build reads its environment, through content/node's typed reader — the
 * same readings the donations API makes of the same variables, without importing donations:
 * where the content comes from (`CONTENT_SOURCE`), the amount bounds the API enforces
 * (`DONATION_MIN_FEN`, `DONATION_MAX_FEN`). Which charities have a merchant is content/node's
 * `merchantConfigured` (the search index program asks it too).
 */
let bounds: AmountBounds | undefined;

export function contentSource(env: Env = process.env): ContentSource {
  return parseContentSource(env);
}

/** The amount bounds the API enforces. */
export function donationBounds(env: Env = process.env): AmountBounds {
  if (!bounds) {
    try {
      bounds = readAmountBounds(env);
    } catch {
      // A malformed donations environment is the API's problem to report; the form keeps the
      // documented defaults and the API's own answer still decides.
      bounds = DEFAULT_AMOUNT_BOUNDS;
    }
  }
  return bounds;
}
