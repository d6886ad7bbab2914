import { runToEnd } from '../children.ts';

/**
 * Deletes a release-sized folder (≈ 20,000 files at the scale dataset) in a child process.
 * `fs.rm(dir, { recursive: true })` in the portal queues thousands of unlink/rmdir calls on
 * libuv's four-thread pool, which the static file server needs for every page it sends: removing
 * one scale release took 0.8–2 s, during which reading a 1 KB file waited up to 360–843 ms (3 ms
 * with the child), and the publish benchmark's probe saw a page take 1.8 s at a switch. A child has its own thread pool.
 */
const REMOVE = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";

export function removeTree(dir: string): Promise<void> {
  return runToEnd('prune', process.execPath, ['-e', REMOVE, dir]);
}
