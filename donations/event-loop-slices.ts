/**
 * For a loop that may run long on the request path (a nationwide cause gift works out every
 * accepting project's disclosure schedule once a day: 1–3 s at 10,000 projects): `slices()` gives
 * a function to await between items, which lets other requests in through `setImmediate` once the
 * loop has held the event loop for `budgetMs`, and costs nothing otherwise.
 */
export function slices(budgetMs: number, now: () => number = () => performance.now()): () => Promise<void> | undefined {
  let started = now();
  return () => {
    if (now() - started <= budgetMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        started = now();
        resolve();
      }),
    );
  };
}
