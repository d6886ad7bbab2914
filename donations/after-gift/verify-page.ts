import type { GiftVerifier } from '../../content/index.ts';
import { donations } from '../runtime.ts';
import { verifyVoucherCode } from './voucher-code.ts';

/**
 * What the portal hands the server-rendered `/verify/<code>` page (site/pages/verify/[code].astro)
 * in `locals`: the page may not import donations/ (only API routes do), so the process that mounts
 * the site passes this function. An unavailable ledger reads as "cannot verify now", not as a forgery.
 */
export const verifyGiftWithDonations: GiftVerifier = async (code) => verifyVoucherCode(await donations(), code);
