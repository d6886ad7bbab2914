import { type ChildProcess, spawn } from 'node:child_process';
import { REPO_ROOT } from './config.ts';

/**
 * The child processes of the portal. Each runs in its own process group so that Ctrl-C stops
 * it and everything it started (npm → node → workers), and its output is prefixed with its name.
 */
const running = new Set<ChildProcess>();

function prefixLines(
  name: string,
  stream: NodeJS.ReadableStream | null,
  out: NodeJS.WriteStream,
  tail: string[] = [],
): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      out.write(`[${name}] ${line}\n`);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    }
  });
  stream?.on('end', () => pending && out.write(`[${name}] ${pending}\n`));
}

/** Runs a command to completion; rejects with its exit code and last output lines in the message. */
export function runToEnd(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const tail: string[] = [];
    const child = startChild(name, command, args, env, tail);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${name} 失败（退出码 ${code ?? signal}）：\n${tail.slice(-8).join('\n')}`));
    });
  });
}

/** Starts a long-running child (in `cwd`, the repository root by default); it is stopped by `stopAll`. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  tail: string[] = [],
  cwd: string = REPO_ROOT,
): ChildProcess {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  child.on('exit', () => running.delete(child));
  prefixLines(name, child.stdout, process.stdout, tail);
  prefixLines(name, child.stderr, process.stderr, tail);
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * SIGKILL to whatever is left of an exited child's process group. When one process of the chain
 * (npm → tsx → node from source; npm → node for the build step) is killed, the others may live on, reparented to init — a Strapi left
 * behind that way would hold the port the next start needs.
 */
export function killLeftovers(child: ChildProcess): void {
  signalGroup(child, 'SIGKILL');
}

/** Whether any process of the child's group still exists (signal 0 only checks). */
function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits (bounded) until the group is gone. SIGKILL is delivered asynchronously: right after it a
 * grandchild (the server a CMS start script spawned) may still exist for some milliseconds, and a
 * caller that starts again at once would find the port held. A CI run under load caught it.
 */
async function groupGone(child: ChildProcess, boundMs = 5_000): Promise<void> {
  const until = Date.now() + boundMs;
  while (groupAlive(child) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
}

/**
 * Stops one child: SIGTERM to its group, SIGKILL after `graceMs`; resolves once it has exited and
 * what was left of its process group is gone.
 */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  return new Promise<void>((done) => {
    const finish = () => {
      killLeftovers(child);
      void groupGone(child).then(done);
    };
    if (exited(child)) return finish();
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      finish();
    });
    signalGroup(child, 'SIGTERM');
  });
}

/** Stops every child: SIGTERM to its group, SIGKILL after `graceMs` for whatever still runs. */
export async function stopAll(graceMs = 10_000): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child, graceMs)));
}
