/**
 * `datasets/` — the deterministic demo and scale generator. It writes snapshots in `content/`'s
 * format and imports only `content/`; scripts, tests, benchmarks and the CMS seed use it, and
 * nothing in `content/` imports it. The CLI (`datasets/cli.ts`, `npm run data:demo|data:scale`)
 * is started as a program, so it is not part of this face.
 */
export { generateSnapshot, snapshotCounts } from './generate.ts';
export {
  DATASET_SIZES,
  type DatasetSize,
  DEFAULT_SEED,
  type GenerateOptions,
  generateOptionsSchema,
  parseGenerateOptions,
  type ResolvedOptions,
  SIZE_PLANS,
  type SizePlan,
} from './options.ts';
