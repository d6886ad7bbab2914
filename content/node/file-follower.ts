import { statSync } from 'node:fs';

/**
 * A file the publisher replaces on every release (the live snapshot), read once and read again
 * when its size or modification time changes. A broken new file keeps the last good value in
 * service; concurrent callers share one reload. The donations API and the server search both
 * follow the live snapshot this way, each with its own parse and its own errors.
 */
export interface FileFollower<T> {
  current(): Promise<T>;
}

export interface FileFollowerOptions<T> {
  read: (path: string) => Promise<T>;
  /** The error when there is no file and nothing was read before. */
  missing: () => Error;
  /** The error when the first read fails. */
  invalid: (cause: Error) => Error;
  /** Told when a newer file cannot be read and the last good value stays in service. */
  keptLast: (cause: Error) => void;
}

export function followFile<T>(path: string, options: FileFollowerOptions<T>): FileFollower<T> {
  let cached: { key: string; value: T } | null = null;
  let failedKey: string | null = null;
  let loading: Promise<T> | null = null;

  async function load(): Promise<T> {
    let key: string;
    try {
      // Synchronous on purpose: this runs for every order, and one stat(2) of a local file takes
      // microseconds, while a promise stat is a round trip through libuv's thread pool that cost
      // about a tenth of a millisecond of CPU per order (issue 14's profile).
      const s = statSync(path);
      key = `${s.size}:${s.mtimeMs}`;
    } catch {
      if (cached) return cached.value;
      throw options.missing();
    }
    if (cached && (cached.key === key || failedKey === key)) return cached.value;
    try {
      const value = await options.read(path);
      cached = { key, value };
      return value;
    } catch (error) {
      failedKey = key;
      const cause = error instanceof Error ? error : new Error(String(error));
      if (cached) {
        options.keptLast(cause);
        return cached.value;
      }
      throw options.invalid(cause);
    }
  }

  return {
    current() {
      loading ??= load().finally(() => {
        loading = null;
      });
      return loading;
    },
  };
}
