import { generateKeyPairSync, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createFileOnce } from '../../content/node/index.ts';

/**
 * The sandbox's own keys, generated on first use under `.data/donations/sandbox/` and kept:
 * one RSA-2048 pair for "Alipay" (it signs notifies and gateway answers) and one pair per charity
 * for that charity's sandbox merchant app (it signs our requests to the gateway). PKCS#8 / SPKI PEM.
 * Files are created atomically and never overwritten, so two processes agree on the keys.
 */
export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
}

export interface SandboxMerchantRecord extends KeyPairPem {
  charitySlug: string;
  appId: string;
  sellerId: string;
  createdAt: string;
}

function generatePair(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privateKey, publicKey };
}

function digits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}

/** Writes `value` as JSON to `path` unless it exists; returns what is in the file afterwards. */
function createOnce<T>(path: string, make: () => T): T {
  return JSON.parse(createFileOnce(path, () => JSON.stringify(make(), null, 2))) as T;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class SandboxKeys {
  private alipay: KeyPairPem | null = null;
  private readonly merchants = new Map<string, SandboxMerchantRecord>();
  private readonly merchantDir: string;

  constructor(readonly dir: string) {
    this.merchantDir = join(dir, 'merchants');
  }

  /** "Alipay"'s key pair: the private half stays with the fake gateway. */
  alipayKeys(): KeyPairPem {
    if (!this.alipay) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.alipay = createOnce(join(this.dir, 'alipay-keys.json'), generatePair);
    }
    return this.alipay;
  }

  /** The charity's sandbox merchant, created (with a fresh key pair and ids) the first time. */
  merchantFor(charitySlug: string): SandboxMerchantRecord {
    if (!SLUG.test(charitySlug)) throw new Error(`无效的慈善组织标识：${charitySlug}`);
    const known = this.merchants.get(charitySlug);
    if (known) return known;
    mkdirSync(this.merchantDir, { recursive: true, mode: 0o700 });
    const record = createOnce<SandboxMerchantRecord>(join(this.merchantDir, `${charitySlug}.json`), () => ({
      charitySlug,
      // Sandbox app ids on Alipay's own sandbox start with 9021000; PIDs with 2088.
      appId: `9021000${digits(9)}`,
      sellerId: `2088${digits(12)}`,
      createdAt: new Date().toISOString(),
      ...generatePair(),
    }));
    this.merchants.set(charitySlug, record);
    return record;
  }

  /** Looks an app id up among the merchants on disk (another process may have created it). */
  merchantByAppId(appId: string): SandboxMerchantRecord | null {
    for (const m of this.merchants.values()) if (m.appId === appId) return m;
    if (!existsSync(this.merchantDir)) return null;
    for (const file of readdirSync(this.merchantDir)) {
      if (!file.endsWith('.json')) continue;
      const slug = file.slice(0, -'.json'.length);
      if (this.merchants.has(slug) || !SLUG.test(slug)) continue;
      const record = this.merchantFor(slug);
      if (record.appId === appId) return record;
    }
    return null;
  }

  allMerchants(): SandboxMerchantRecord[] {
    this.merchantByAppId('');
    return [...this.merchants.values()];
  }
}
