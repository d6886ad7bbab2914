/**
 * The Node-only part of `content/`: file access, the snapshot reader, the typed environment reader
 * (the data directory, amount bounds, the merchant registry file) and which charities the registry
 * names. Kept out of `index.ts` so browser islands that import schemas never pull in `node:fs`.
 */

export * from './app-root.ts';
export * from './create-file-once.ts';
export * from './env.ts';
export * from './file-follower.ts';
export * from './merchant-slugs.ts';
export * from './read-snapshot.ts';
export * from './stage-child.ts';
