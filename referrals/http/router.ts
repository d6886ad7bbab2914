import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { todayIso } from '../../content/rules/dates.ts';
import { login } from '../accounts/accounts.ts';
import {
  csrfMatches,
  endSession,
  findSession,
  readSessionToken,
  type Session,
  sessionCookie,
  startSession,
} from '../accounts/sessions.ts';
import { audit } from '../audit.ts';
import { accept, close, decline, loadReferral, passOn, recordCountyOutcome, recordHelp } from '../cases/actions.ts';
import { chooseCharities, createReferral, createReport } from '../cases/create.ts';
import { listQueue, readReferral, reviewAudit } from '../cases/read.ts';
import { suggestCharities } from '../cases/suggest.ts';
import type { Workbench } from '../context.ts';
import { notFound, WorkbenchError } from '../errors.ts';
import { type Answer, cookieValue, type Form, readForm, redirect, sameOrigin, send, text } from './exchange.ts';
import { html } from './html.ts';
import { errorBox, type PageContext, page } from './layout.ts';
import { namesOf } from './names.ts';
import { detailBody } from './pages-detail.ts';
import { chooseBody, referralFormBody, reportFormBody } from './pages-forms.ts';
import { loginBody } from './pages-login.ts';
import { auditBody, ministryBody, queueBody } from './pages-queue.ts';

export const WORKBENCH_PREFIX = '/workbench';
const LOGIN_COOKIE = 'xj_workbench_login';
const LARGE_COOKIE = 'xj_workbench_large';
const DONE: Record<string, string> = {
  accept: '已接收。请在帮扶后登记帮扶记录，并在完成后结案。',
  decline: '已婉拒，转介将转给当事人同意的下一家（如有）。',
  help: '帮扶已登记。',
  close: '已结案。',
  'pass-on': '已转给下一家。',
  outcome: '办理结果已登记，报告方可以看到。',
  charities: '转介已发出，慈善组织须在期限内答复。',
  report: '报告已送达该县民政部门。',
};

const ACTIONS = {
  accept: (ctx: Workbench, s: Session, id: string) => accept(ctx, s.account, id),
  decline: (ctx: Workbench, s: Session, id: string, f: Form) => decline(ctx, s.account, id, f),
  help: (ctx: Workbench, s: Session, id: string, f: Form) => recordHelp(ctx, s.account, id, f),
  close: (ctx: Workbench, s: Session, id: string, f: Form) => close(ctx, s.account, id, f),
  'pass-on': (ctx: Workbench, s: Session, id: string) => passOn(ctx, s.account, id),
  outcome: (ctx: Workbench, s: Session, id: string, f: Form) => recordCountyOutcome(ctx, s.account, id, f),
} as const;

/**
 * The workbench's pages, server-rendered per request under /workbench/ (nothing of it is ever
 * written into a release). Every POST must come from our own origin and carry the session's CSRF
 * token; every page needs a session except the login. Answers carry no-store and their own CSP.
 */
export async function handleWorkbench(ctx: Workbench, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://workbench.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const secure = ctx.config.siteUrl.startsWith('https:');
  const large = cookieValue(req, LARGE_COOKIE) === '1';
  const session = await findSession(ctx.wb, readSessionToken(req.headers.cookie, secure), ctx.now());
  const pc: PageContext = {
    account: session?.account ?? null,
    csrf: session?.csrfToken ?? null,
    large,
    path: url.pathname + url.search,
  };
  const method = req.method ?? 'GET';
  try {
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST')
      throw new WorkbenchError(405, 'METHOD_NOT_ALLOWED', '不支持的请求方法');
    if (method === 'POST' && !sameOrigin(req, ctx.config.siteUrl)) {
      throw new WorkbenchError(403, 'FORBIDDEN_ORIGIN', '请求不是从本站页面提交的，已拒绝');
    }
    if (path === '/workbench/large' && method === 'GET') {
      const back = url.searchParams.get('back') ?? '/workbench/';
      const on = url.searchParams.get('on') === '1';
      return send(
        res,
        redirect(back.startsWith('/workbench/') ? back : '/workbench/', [
          `${LARGE_COOKIE}=${on ? '1' : '0'}; Path=/workbench; SameSite=Strict; HttpOnly${secure ? '; Secure' : ''}; Max-Age=31536000`,
        ]),
      );
    }
    if (path === '/workbench/login') return send(res, await loginRoute(ctx, req, pc, method, secure));
    if (!session) {
      if (method === 'POST') throw new WorkbenchError(403, 'NOT_SIGNED_IN', '登录已过期，请重新登录后再提交');
      return send(res, redirect('/workbench/login'));
    }
    let form: Form = {};
    if (method === 'POST') {
      form = await readForm(req);
      if (!csrfMatches(session, text(form, '_csrf'))) {
        throw new WorkbenchError(403, 'CSRF_TOKEN_INVALID', '表单已失效（安全令牌不符），请返回重新打开页面后再提交');
      }
    }
    return send(res, await route(ctx, session, pc, method, path, url, form, secure));
  } catch (error) {
    if (!(error instanceof WorkbenchError)) throw error;
    return send(
      res,
      page(
        pc,
        error.status === 404 ? '找不到' : '无法完成',
        html`${errorBox(error.message)}<p><a href="/workbench/">返回工作台</a></p>`,
        error.status,
      ),
    );
  }
}

async function loginRoute(
  ctx: Workbench,
  req: IncomingMessage,
  pc: PageContext,
  method: string,
  secure: boolean,
): Promise<Answer> {
  // One token per browser while it has one (a second tab or a stray request must not invalidate
  // the form already on screen); a new one only when there is none.
  const known = cookieValue(req, LOGIN_COOKIE);
  const fresh = known && /^[A-Za-z0-9_-]{32}$/.test(known) ? known : randomBytes(24).toString('base64url');
  const cookie = (v: string) =>
    `${LOGIN_COOKIE}=${v}; Path=/workbench; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  const show = (status: number, error: string | null, username = '') => ({
    ...page(pc, '登录', loginBody(fresh, username, error), status),
    cookies: [cookie(fresh)],
  });
  if (method !== 'POST') return show(200, null);
  const form = await readForm(req);
  // The login form's own token (double submit: cookie and field must agree), so another site
  // cannot log a browser into an account of its choosing.
  const expected = Buffer.from(cookieValue(req, LOGIN_COOKIE) ?? '');
  const given = Buffer.from(text(form, '_csrf'));
  if (expected.length < 20 || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return show(403, '登录表单已失效，请重新输入');
  }
  const username = text(form, 'username');
  const result = await login(ctx.wb, ctx.config, username, text(form, 'password'), ctx.now(), {
    code: text(form, 'code'),
    cipher: ctx.cipher,
  });
  if (!result.ok) return show(result.code === 'LOCKED' ? 423 : 401, result.message, username);
  const started = await startSession(ctx.wb, result.account.id, ctx.config.sessionHours, ctx.now());
  await audit(
    ctx.wb.db,
    result.account,
    { action: 'login', countyCode: result.account.region_code?.endsWith('00') ? null : result.account.region_code },
    ctx.now(),
  );
  return redirect('/workbench/queue', [
    sessionCookie(started.token, ctx.config.sessionHours * 3600, secure),
    `${cookie('')}; Max-Age=0`,
  ]);
}

async function route(
  ctx: Workbench,
  session: Session,
  pc: PageContext,
  method: string,
  path: string,
  url: URL,
  form: Form,
  secure: boolean,
): Promise<Answer> {
  const account = session.account;
  const csrf = session.csrfToken;
  const today = todayIso(ctx.now());
  if (path === '/workbench' && method === 'GET') return redirect('/workbench/queue');
  if (path === '/workbench/logout' && method === 'POST') {
    await endSession(ctx.wb, session);
    await audit(ctx.wb.db, account, { action: 'logout' }, ctx.now());
    return redirect('/workbench/login', [sessionCookie('', 0, secure)]);
  }
  if (path === '/workbench/queue' && method === 'GET') {
    if (account.role === 'ministry') return page(pc, '工作台', ministryBody());
    const filter = { q: url.searchParams.get('q') ?? '', status: url.searchParams.get('status') ?? '' };
    const rows = await listQueue(ctx, account, filter);
    return page(
      pc,
      account.role === 'charity' ? '本机构的转介与报告' : '本地转介与报告',
      queueBody(account, rows, await namesOf(ctx), filter),
    );
  }
  if (path === '/workbench/audit' && method === 'GET') {
    const rows = await reviewAudit(ctx, account);
    if (!rows) throw new WorkbenchError(403, 'FORBIDDEN', '审计日志由民政部门和民政部查看');
    return page(pc, '审计日志', auditBody(rows));
  }
  if (path === '/workbench/referrals/new' && method === 'GET') {
    if (account.role !== 'civil-affairs' || !account.region_code || account.region_code.endsWith('00')) {
      throw new WorkbenchError(403, 'FORBIDDEN', '只有县级民政经办人员可以发起转介');
    }
    return page(pc, '新建转介', referralFormBody({ householdSize: '1', consentOn: today }, csrf, today, null));
  }
  if (path === '/workbench/referrals' && method === 'POST') {
    try {
      const id = await createReferral(ctx, account, form);
      return redirect(`/workbench/referrals/${id}/charities`);
    } catch (error) {
      if (!(error instanceof WorkbenchError) || error.status === 403) throw error;
      return page(pc, '新建转介', referralFormBody(form, csrf, today, error.message), error.status);
    }
  }
  if (path === '/workbench/reports/new' && method === 'GET') {
    if (account.role !== 'charity')
      throw new WorkbenchError(403, 'FORBIDDEN', '只有慈善组织经办人员可以向民政部门报告');
    return page(
      pc,
      '向民政部门报告',
      reportFormBody({ householdSize: '1', consentOn: today }, csrf, today, await namesOf(ctx), null),
    );
  }
  if (path === '/workbench/reports' && method === 'POST') {
    try {
      const id = await createReport(ctx, account, form);
      return redirect(`/workbench/referrals/${id}?done=report`);
    } catch (error) {
      if (!(error instanceof WorkbenchError) || error.status === 403) throw error;
      return page(
        pc,
        '向民政部门报告',
        reportFormBody(form, csrf, today, await namesOf(ctx), error.message),
        error.status,
      );
    }
  }
  const m = /^\/workbench\/referrals\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
  if (m) {
    const [, id = '', action] = m;
    if (action === 'charities') return chooseRoute(ctx, session, pc, method, id, form);
    if (!action && method === 'GET')
      return detailRoute(ctx, session, pc, id, {
        notice: DONE[url.searchParams.get('done') ?? ''] ?? null,
        error: null,
      });
    if (action && method === 'POST' && action in ACTIONS) {
      try {
        await ACTIONS[action as keyof typeof ACTIONS](ctx, session, id, form);
      } catch (error) {
        if (!(error instanceof WorkbenchError) || error.status === 404) throw error;
        return detailRoute(ctx, session, pc, id, { notice: null, error: error.message }, error.status);
      }
      return redirect(`/workbench/referrals/${id}?done=${action}`);
    }
  }
  throw new WorkbenchError(404, 'NOT_FOUND', '页面不存在');
}

async function detailRoute(
  ctx: Workbench,
  session: Session,
  pc: PageContext,
  id: string,
  message: { notice: string | null; error: string | null },
  status = 200,
): Promise<Answer> {
  const view = await readReferral(ctx, session.account, id);
  const body = detailBody(session.account, view, await namesOf(ctx), session.csrfToken, todayIso(ctx.now()), message);
  return page(pc, `${view.r.direction === 'to-charity' ? '转介' : '报告'} ${view.r.reference}`, body, status);
}

async function chooseRoute(
  ctx: Workbench,
  session: Session,
  pc: PageContext,
  method: string,
  id: string,
  form: Form,
): Promise<Answer> {
  const found = await loadReferral(ctx.wb.db, id);
  const account = session.account;
  if (!found || account.role !== 'civil-affairs' || found.r.county_code !== account.region_code) throw notFound();
  let error: string | null = null;
  let status = 200;
  if (method === 'POST') {
    try {
      await chooseCharities(ctx, account, id, form);
      return redirect(`/workbench/referrals/${id}?done=charities`);
    } catch (e) {
      if (!(e instanceof WorkbenchError) || e.status === 404) throw e;
      error = e.message;
      status = e.status;
    }
  }
  if (found.r.status !== 'draft') return redirect(`/workbench/referrals/${id}`);
  const r = found.r;
  const suggestions = suggestCharities(
    await ctx.snapshot(),
    { countyCode: r.county_code, targetGroup: r.target_group, serviceType: r.service_type },
    todayIso(ctx.now()),
  );
  return page(pc, `选择慈善组织（${r.reference}）`, chooseBody(id, suggestions, session.csrfToken, error), status);
}
