/**
 * The Node-only part of `content/` (file access). Kept out of `index.ts` so browser islands that
 * import schemas never pull in `node:fs`.
 */

export * from './files/create-file-once.ts';
export * from './files/stage-child.ts';
export * from './snapshot/read-snapshot.ts';
