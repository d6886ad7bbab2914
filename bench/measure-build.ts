import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { treeRssBytes } from './proc-tree-rss.ts';

/** Runs one build command to completion, measuring wall time and the peak RSS of its process tree. */
export interface BuildMeasurement {
  seconds: number;
  peakRssBytes: number;
}

const POLL_MS = 100;

export function measureBuild(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile?: string },
): Promise<BuildMeasurement> {
  return new Promise((ok, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let log = '';
    const file = options.logFile ? createWriteStream(options.logFile) : null;
    const keep = (chunk: Buffer) => {
      file?.write(chunk);
      log = (log + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid));
    }, POLL_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      fail(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      file?.end();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) ok({ seconds, peakRssBytes: peak });
      else fail(new Error(`${command} ${args.join(' ')} 退出码 ${code}\n${log}`));
    });
  });
}
