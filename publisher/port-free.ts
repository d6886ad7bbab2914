import { createServer } from 'node:net';

/**
 * Fails with a Chinese message naming the service when `host:port` is already taken — most often
 * by a portal or CMS from an earlier run that is still up, which would otherwise answer in place
 * of the one being started. Port 0 (any free port) is always free.
 */
export async function assertPortFree(host: string, port: number, what: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `${what}的端口 ${host}:${port} 已被占用（可能是上次启动的进程仍在运行），请先停止它或换一个端口`
            : `无法使用${what}的端口 ${host}:${port}：${error.message}`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A 127.0.0.1 port nobody listens on right now (the OS picks it), for tests and benchmarks. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
