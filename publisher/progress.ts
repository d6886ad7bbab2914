/**
 * One progress line per stage of start-up, with how long it took, so a person watching the
 * first (slow) start knows what is happening and what failed.
 */
export async function stage<T>(index: number, total: number, label: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`[${index}/${total}] ${label}……\n`);
  try {
    const result = await run();
    process.stdout.write(`[${index}/${total}] ${label}：完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
    return result;
  } catch (error) {
    process.stdout.write(`[${index}/${total}] ${label}：失败\n`);
    throw error;
  }
}
