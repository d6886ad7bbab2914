import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { freePort } from '../../publisher/port-free.ts';

/**
 * Starts `server.ts` in its own Node process and waits for its `READY <url>` line.
 *
 * Production starts the publisher with `tsx publisher/start.ts`, so the portal serves the API
 * under tsx's module loader — and Astro's app imports the route's module on every request, which
 * goes through that loader's resolve hook each time. `portal-plain` runs the same portal code
 * bundled by esbuild under plain `node`, to show what that loader costs.
 */
export type ServerMode = 'bare' | 'portal' | 'portal-plain' | 'node';

export interface ServerProcess {
  url: string;
  /** CPU time (user + system) the server process has used so far, from /proc; null elsewhere. */
  cpuSeconds(): number | null;
  /** Lines the server wrote to stderr (kept in `logFile`). */
  stop(): Promise<{ logLines: number; abortedLines: number }>;
}

const SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));

/** utime + stime of a process from /proc/<pid>/stat (clock ticks, USER_HZ = 100 on Linux). */
function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) ok();
    else child.once('exit', () => ok());
  });
}

/** `server.ts` as one ESM file for plain `node` (packages stay imports from the repo's node_modules). */
export async function bundleServer(workDir: string): Promise<string> {
  const outfile = join(workDir, 'server-plain.mjs');
  await build({
    entryPoints: [SCRIPT],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

export interface StartOptions {
  /** The donations configuration for the child, added to this process's environment. */
  env: Record<string, string>;
  logFile: string;
  /** Required for `portal-plain`: from `bundleServer`. */
  plainScript?: string;
  /** Write V8 CPU profiles of the server (one per thread) into this directory when it stops. */
  cpuProfDir?: string;
}

export async function startServer(mode: ServerMode, options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // One file per thread (tsx's loader hooks run on a worker thread), named by Node.
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  let script: string[];
  if (mode === 'portal-plain') {
    if (!options.plainScript) throw new Error('portal-plain 需要先用 bundleServer 打包');
    script = [options.plainScript, 'portal'];
  } else script = ['--import', 'tsx', SCRIPT, mode];
  const child = spawn(process.execPath, [...profile, ...script, String(port)], {
    env: { ...process.env, ...options.env, XIANJIE_SITE_URL: url, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  let tail = '';
  let logLines = 0;
  let abortedLines = 0;
  child.stderr?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    const text = chunk.toString();
    tail = (tail + text).slice(-4_000);
    // "…Error: aborted": autocannon closing its connections at the end of a run mid-request.
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('    at ')) continue;
      logLines++;
      if (/Error: aborted/.test(line)) abortedLines++;
    }
  });
  await new Promise<void>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${mode} 服务 60 秒内未就绪\n${tail}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY ')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${mode} 服务启动失败（退出码 ${code}）\n${tail}`));
    });
  });
  return {
    url,
    cpuSeconds: () => processCpuSeconds(child.pid),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
      await new Promise((ok) => log.end(ok));
      return { logLines, abortedLines };
    },
  };
}
