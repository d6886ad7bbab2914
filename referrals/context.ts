import type { Snapshot } from '../content/snapshot/snapshot-schema.ts';
import type { ReferralsConfig } from './config.ts';
import type { FieldCipher } from './crypto/field-cipher.ts';
import type { WorkbenchDb } from './db/open-db.ts';

/** Everything a workbench request needs: the database, the field cipher, the live snapshot, a clock. */
export interface Workbench {
  wb: WorkbenchDb;
  cipher: FieldCipher;
  config: ReferralsConfig;
  /** The live release's snapshot (suggested charities and their names). */
  snapshot(): Promise<Snapshot>;
  now(): Date;
}
