import { hkdfSync } from 'node:crypto';
import type { DonationsContext } from '../context.ts';
import { createRateLimiter, type RateLimiter } from '../rate-limit.ts';
import { secretKey } from '../secrets.ts';

/**
 * What the after-gift handlers keep per donations context, made on first use: the two lookup
 * limiters (per client, per order or trade number) and the key that signs 凭证 codes. The key is
 * derived (HKDF) from DONATIONS_HASH_KEY — required in production, generated into the data
 * directory once in development (`secrets.ts`, createFileOnce) — so every API process signs
 * alike and no new secret has to be handed out.
 */
export interface AfterGiftState {
  clientLimiter: RateLimiter;
  numberLimiter: RateLimiter;
  voucherKey: Buffer;
}

const states = new WeakMap<DonationsContext, AfterGiftState>();

export function afterGiftState(ctx: DonationsContext): AfterGiftState {
  const known = states.get(ctx);
  if (known) return known;
  const { rateLimit, perNumber } = ctx.config.lookups;
  const clientLimiter = createRateLimiter(ctx.config.redisUrl, {
    ...rateLimit,
    prefix: 'xianjie:lookup:client:',
    log: ctx.log,
  });
  const numberLimiter = createRateLimiter(ctx.config.redisUrl, {
    ...rateLimit,
    max: perNumber,
    prefix: 'xianjie:lookup:number:',
    log: ctx.log,
  });
  const base = secretKey({
    base64: ctx.config.hashKeyBase64,
    file: ctx.config.hashKeyFile,
    production: ctx.config.production,
    variable: 'DONATIONS_HASH_KEY',
  });
  const voucherKey = Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), 'xianjie gift voucher v1', 32));
  const state = { clientLimiter, numberLimiter, voucherKey };
  states.set(ctx, state);
  // The limiters hold a Redis connection when one is configured: closed with the context.
  const close = ctx.close.bind(ctx);
  ctx.close = async () => {
    states.delete(ctx);
    await clientLimiter.close();
    await numberLimiter.close();
    await close();
  };
  return state;
}
