import type { IncomingMessage, ServerResponse } from 'node:http';
import { workbench } from '../runtime.ts';
import { send } from './exchange.ts';
import { handleWorkbench, WORKBENCH_PREFIX } from './router.ts';

/** True for the paths the workbench answers: `/workbench` and everything under `/workbench/`. */
export function ownsWorkbenchPath(path: string): boolean {
  return path === WORKBENCH_PREFIX || path.startsWith(`${WORKBENCH_PREFIX}/`);
}

/**
 * The workbench as the portal serves it (publisher/serve/portal-server.ts): false for any other
 * path, before touching the request; otherwise it answers, with 503 when its database or key
 * cannot be opened (the rest of the portal keeps serving).
 */
export async function serveWorkbench(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!ownsWorkbenchPath(path)) return false;
  let ctx: Awaited<ReturnType<typeof workbench>>;
  try {
    ctx = await workbench();
  } catch (error) {
    console.error(`衔接工作台无法启动：${(error as Error)?.message ?? String(error)}`);
    send(res, {
      status: 503,
      body: '<!doctype html><meta charset="utf-8"><title>暂不可用</title><p>衔接工作台暂时不可用，请稍后再试。</p>',
    });
    return true;
  }
  await handleWorkbench(ctx, req, res);
  return true;
}
