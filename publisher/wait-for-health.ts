/**
 * Polls `url` until it answers 2xx or `timeoutMs` passes. `signal` ends the wait early (the
 * supervisor aborts it when the child it waits for has exited, or on Ctrl-C).
 */
export async function waitForHealth(url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      const response = await fetch(url, {
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(2000)]) : AbortSignal.timeout(2000),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet (or aborted: checked at the top of the loop).
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 500);
      signal?.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    });
  }
  signal?.throwIfAborted();
  throw new Error(`等待 ${url} 超时（${Math.round(timeoutMs / 1000)} 秒）`);
}
