import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { freePort } from '../../publisher/port-free.ts';

/**
 * Starts one server of the benchmark in its own Node process and waits for its `READY <url>` line.
 *
 * - `portal`: what production runs — the publisher's `serve-release` program as `npm start` builds
 *   it (publisher/build/build-programs.ts), under plain `node`: the portal server mounting the
 *   release's Astro server bundle;
 * - `portal-tsx`: the same program from its TypeScript under tsx (how tests and development run
 *   it, and how `npm start` ran before it was built): tsx's loader runs on a worker thread and
 *   Astro's app `import()`s the route module on every request, through that loader's resolve hook;
 * - `bare`, `floor`, `node`: `server.ts`, bundled by esbuild for plain `node`.
 */
export type ServerMode = 'bare' | 'floor' | 'portal' | 'portal-tsx' | 'node';

export interface ServerProcess {
  url: string;
  /** CPU time (user + system) the server process has used so far, from /proc; null elsewhere. */
  cpuSeconds(): number | null;
  /** Lines the server wrote to stderr (kept in `logFile`). */
  stop(): Promise<{ logLines: number; abortedLines: number }>;
}

const SCRIPT = fileURLToPath(new URL('./server.ts', import.meta.url));
const SERVE_RELEASE = fileURLToPath(new URL('../../publisher/serve/serve-release.ts', import.meta.url));

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
  /** `server.ts` for plain node, from `bundleServer`. */
  plainScript: string;
  /** The built programs' folder (publisher/build/build-programs.ts), for `portal`. */
  programsDir?: string;
  /** Write V8 CPU profiles of the server (one per thread) into this directory when it stops. */
  cpuProfDir?: string;
}

function scriptOf(mode: ServerMode, options: StartOptions): string[] {
  if (mode === 'portal') {
    if (!options.programsDir) throw new Error('portal 需要已构建的门户程序（buildPrograms）');
    return [join(options.programsDir, 'serve-release.js')];
  }
  if (mode === 'portal-tsx') return ['--import', 'tsx', SERVE_RELEASE];
  return [options.plainScript, mode];
}

export async function startServer(mode: ServerMode, options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // One file per thread (tsx's loader hooks run on a worker thread), named by Node.
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const script = scriptOf(mode, options);
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
