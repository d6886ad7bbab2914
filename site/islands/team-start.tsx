import { useEffect, useState } from 'react';
import { TEAMS_PATH } from '../../content/contracts/api-routes.ts';
import { TEAM_LIMITS } from '../../content/contracts/team-limits.ts';
import { type ApiError, callApi, isObject, isText } from './api-client.ts';
import { leaderKeyName } from './team-api.ts';
import { useHydrated } from './ui/use-hydrated.ts';
import { parseYuan } from './yuan-to-fen.ts';

/**
 * Starting a 一起捐 team (issue 18, `/teams/new/?project=<slug>`): name, goal, a short message and
 * how the leader is shown. The server checks every word (PII lint and the team word filter) and
 * answers a refusal with a code and the field; the leader's key comes back once and stays in this
 * browser (it closes the team).
 */
function asCreated(v: unknown): { id: string; leaderKey: string } | null {
  if (!isObject(v) || !isText(v.leaderKey) || !isObject(v.team) || !isText(v.team.id)) return null;
  return { id: v.team.id, leaderKey: v.leaderKey };
}

export default function TeamStart() {
  const hydrated = useHydrated();
  const [project, setProject] = useState('');
  const [values, setValues] = useState({ name: '', goal: '1000', message: '', leaderName: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setProject(new URLSearchParams(location.search).get('project') ?? ''), []);

  if (!hydrated) return <p>发起一起捐需要启用浏览器的 JavaScript。</p>;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(project)) {
    return <p className="callout callout--warn">请从项目或专题活动页面的“发起一起捐”进入。</p>;
  }
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const submit = async () => {
    const goal = parseYuan(values.goal);
    if (!goal.ok) {
      setError({ code: 'INVALID_BODY', field: 'goalFen', message: `目标金额：${goal.message}`, status: 400 });
      return;
    }
    const goalFen = goal.fen;
    setBusy(true);
    const answer = await callApi(asCreated, TEAMS_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        projectSlug: project,
        name: values.name,
        goalFen,
        ...(values.message.trim() ? { message: values.message } : {}),
        ...(values.leaderName.trim() ? { leaderName: values.leaderName } : {}),
      }),
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    localStorage.setItem(leaderKeyName(answer.value.id), answer.value.leaderKey);
    location.assign(`/teams/?id=${answer.value.id}`);
  };
  const errorFor = (field: string) =>
    error?.field === field ? (
      <p className="field-error" role="alert" data-code={error.code}>
        {error.message}
      </p>
    ) : null;

  return (
    <form
      className="card team-form"
      data-team-start=""
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor="team-name">队伍名称（{TEAM_LIMITS.name} 字以内）</label>
        <input
          id="team-name"
          type="text"
          required
          maxLength={TEAM_LIMITS.name * 2}
          value={values.name}
          onChange={set('name')}
        />
        {errorFor('name')}
      </div>
      <div className="field">
        <label htmlFor="team-goal">目标金额（元）</label>
        <input id="team-goal" type="text" inputMode="decimal" required value={values.goal} onChange={set('goal')} />
        {errorFor('goalFen')}
      </div>
      <div className="field">
        <label htmlFor="team-message">一句话宣言（{TEAM_LIMITS.message} 字以内，可不填）</label>
        <textarea id="team-message" rows={3} value={values.message} onChange={set('message')} />
        {errorFor('message')}
      </div>
      <div className="field">
        <label htmlFor="team-leader">发起人称呼（可不填）</label>
        <input
          id="team-leader"
          type="text"
          maxLength={TEAM_LIMITS.leaderName * 2}
          value={values.leaderName}
          onChange={set('leaderName')}
        />
        {errorFor('leaderName')}
      </div>
      <p className="small">
        一起捐只为慈善项目募捐：请不要写个人求助、受助人的姓名或病情、网址、广告或联系方式，提交时会检查。
      </p>
      {error && !['name', 'goalFen', 'message', 'leaderName'].includes(error.field ?? '') && (
        <p className="field-error" role="alert" data-code={error.code}>
          {error.message}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? '正在创建……' : '发起队伍'}
      </button>
    </form>
  );
}
