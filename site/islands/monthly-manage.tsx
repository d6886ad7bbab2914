import { useEffect, useState } from 'react';
import { fillPath, MONTHLY_PLAN_PATH } from '../../content/contracts/api-routes.ts';
import { formatDate, formatDateTime } from '../../content/contracts/format.ts';
import { type ApiError, callApi, isObject } from './api-client.ts';
import { Money } from './ui/money.tsx';
import { MonthlyCancel } from './ui/monthly-cancel.tsx';
import { MonthlyEdit } from './ui/monthly-edit.tsx';
import { SignStep } from './ui/monthly-sign-step.tsx';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * The monthly gift's management page (/monthly/manage/#<token>, `client:load`): the private
 * link's token is in the fragment, so it never reaches a server log or a Referer; the island sends
 * it to `GET/POST /api/monthly/{token}` only. Shows each month's gift and the plan's history, and
 * changes the amount or the day (from the next month not yet charged), pauses, resumes, or cancels
 * (one confirmation that says what happens, ui/monthly-cancel.tsx; then the scheduler stops at
 * once and Alipay is unsigned after).
 */
interface Charge {
  period: string;
  amountFen: number;
  state: string;
  orderStatus: string | null;
  project: string;
  note: string | null;
}

interface Plan {
  status: 'signing' | 'active' | 'paused' | 'cancelled' | 'ended';
  statusReason: string | null;
  project: { title: string; charity: { name: string } };
  amountFen: number;
  maxAmountFen: number;
  dayOfMonth: number;
  onProjectEnd: 'continue' | 'stop';
  nextChargeOn: string | null;
  signUrl: string | null;
  sandbox: boolean;
  charges: Charge[];
  history: { at: string; detail: string }[];
}

// The API's own answer (our origin, no-store): checked for its shape, not field by field.
const asPlan = (v: unknown): Plan | null =>
  isObject(v) && typeof v.status === 'string' && Array.isArray(v.charges) && isObject(v.project)
    ? (v as unknown as Plan)
    : null;

const STATUS: Record<Plan['status'], string> = {
  signing: '等待在支付宝开通',
  active: '进行中',
  paused: '已暂停',
  cancelled: '已取消',
  ended: '已结束',
};

const MONTH_STATE: Record<string, string> = {
  paid: '已捐出',
  open: '扣款中',
  failed: '扣款未成功',
  skipped: '本月未扣款',
};

export default function MonthlyManage() {
  return (
    <div id="monthly-manage">
      <ManageBody />
    </div>
  );
}

function ManageBody() {
  const hydrated = useHydrated();
  const [token, setToken] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const call = async (init?: RequestInit): Promise<boolean> => {
    if (!token) return false;
    setBusy(true);
    const answer = await callApi(asPlan, fillPath(MONTHLY_PLAN_PATH, { token }), init);
    setBusy(false);
    if (answer.ok) {
      setPlan(answer.value);
      setError(null);
      return true;
    }
    setError(answer.error);
    return false;
  };
  const act = (body: object) =>
    call({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  useEffect(() => {
    const t = location.hash.slice(1);
    setToken(/^[A-Za-z0-9_-]{43}$/.test(t) ? t : '');
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once the token is read.
  useEffect(() => {
    if (token) void call();
  }, [token]);

  if (!hydrated) return <p>管理月捐需要启用浏览器的 JavaScript。</p>;
  if (token === '') {
    return <p role="alert">管理链接不完整：请打开开通月捐时保存的完整链接（“#”后面的部分也要有）。</p>;
  }
  if (!plan) {
    return error ? (
      <p role="alert" data-code={error.code}>
        {error.message}
      </p>
    ) : (
      <p aria-live="polite">正在读取…</p>
    );
  }
  const live = plan.status === 'active' || plan.status === 'paused' || plan.status === 'signing';
  const save = async (change: { amountFen: number; dayOfMonth: number }) => act({ action: 'change', ...change });
  const signUrl = plan.signUrl && /^https?:\/\//.test(plan.signUrl) ? plan.signUrl : null;
  return (
    <div className="monthly-manage" aria-busy={busy || undefined}>
      <p role="alert" className="monthly-manage__alert" data-code={error?.code}>
        {error?.message}
      </p>
      {plan.sandbox && <p className="callout callout--warn">这是沙箱月捐（演示环境），不会产生真实扣款。</p>}
      <dl className="facts">
        <div>
          <dt>状态</dt>
          <dd data-status={plan.status}>
            <strong>{STATUS[plan.status]}</strong>
            {plan.statusReason && `：${plan.statusReason}`}
          </dd>
        </div>
        <div>
          <dt>项目</dt>
          <dd>{plan.project.title}</dd>
        </div>
        <div>
          <dt>收款方</dt>
          <dd>{plan.project.charity.name}（善款直接进入该组织的账户）</dd>
        </div>
        <div>
          <dt>每月</dt>
          <dd>
            {plan.dayOfMonth} 日 <Money fen={plan.amountFen} exact />
          </dd>
        </div>
        <div>
          <dt>下次扣款</dt>
          <dd>{plan.nextChargeOn ? `${formatDate(plan.nextChargeOn)}（或之前 2 天内）` : '不会再扣款'}</dd>
        </div>
        <div>
          <dt>项目结束后</dt>
          <dd>{plan.onProjectEnd === 'continue' ? '转到同一慈善组织的其他项目' : '停止月捐'}</dd>
        </div>
      </dl>
      {signUrl && <SignStep url={signUrl} />}
      {live && (
        <div className="donate__actions">
          {plan.status === 'active' && (
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void act({ action: 'pause' })}
            >
              暂停
            </button>
          )}
          {plan.status === 'paused' && (
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void act({ action: 'resume' })}
            >
              恢复
            </button>
          )}
          <MonthlyCancel
            nextChargeOn={plan.nextChargeOn ? formatDate(plan.nextChargeOn) : null}
            busy={busy}
            onCancel={() => void act({ action: 'cancel' })}
          />
        </div>
      )}
      {live && (
        <MonthlyEdit
          amountFen={plan.amountFen}
          maxAmountFen={plan.maxAmountFen}
          dayOfMonth={plan.dayOfMonth}
          busy={busy}
          onSave={save}
        />
      )}
      <h2>每月的捐赠</h2>
      {plan.charges.length === 0 ? (
        <p className="muted">还没有扣款记录。</p>
      ) : (
        <table className="table stack">
          <thead>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">项目</th>
              <th scope="col">金额</th>
              <th scope="col">结果</th>
            </tr>
          </thead>
          <tbody>
            {plan.charges.map((c) => (
              <tr key={c.period}>
                <th scope="row">{c.period.replace('-', ' 年 ')} 月</th>
                <td data-label="项目">{c.project}</td>
                <td data-label="金额">
                  <Money fen={c.amountFen} exact />
                </td>
                <td data-label="结果">
                  {MONTH_STATE[c.state] ?? c.state}
                  {c.note && `（${c.note}）`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>记录</h2>
      <ul>
        {plan.history.map((h) => (
          <li key={`${h.at}-${h.detail}`}>
            {formatDateTime(h.at)} {h.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
