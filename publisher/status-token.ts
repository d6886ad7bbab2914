import { randomBytes } from 'node:crypto';
import { createFileOnce } from '../content/node/index.ts';

/**
 * The bearer token that opens the full `/_publisher/status` to a client that is not this machine.
 * No default: made once into the data directory (0600) the first time it is needed, like the CMS's
 * and the donations module's secrets; in production it comes from `XIANJIE_STATUS_TOKEN`
 * (docs/production.md), so every portal process behind the proxy accepts the same one.
 */
export function readOrCreateToken(path: string): string {
  return createFileOnce(path, () => `${randomBytes(32).toString('base64url')}\n`).trim();
}
