import { useEffect, useState } from 'react';
import { fillPath, TEAM_CLOSE_PATH, TEAM_POSTER_PATH } from '../../content/contracts/api-routes.ts';
import type { ApiError } from './api-client.ts';
import { fetchTeam, leaderKeyFromHash, leaderKeyName, leaderLink, type TeamAnswer } from './team-api.ts';
import { TeamGive } from './team-give.tsx';
import { Money } from './ui/money.tsx';
import { CopyField } from './ui/pay-qr.tsx';
import { useHydrated } from './ui/use-hydrated.ts';

/**
 * The team page (issue 18, `client:load` on the static /teams/ shell): teams are started while
 * the site runs, so one static page reads `?id=` and the team's live figures from
 * `GET /api/teams/{id}` — no server rendering on the request path, the page cacheable like every
 * other. Progress, the supporters who chose a name, the share link with its QR image, the 配捐 a
 * gift would meet now (said before paying), and giving through the team.
 */
export default function TeamPage() {
  const hydrated = useHydrated();
  const [answer, setAnswer] = useState<TeamAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [leaderKey, setLeaderKey] = useState<string | null>(null);
  const [closeError, setCloseError] = useState<{ code: string; message: string } | null>(null);

  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id') ?? '';
    if (!/^[a-z2-7]{12}$/.test(id)) {
      setError({ code: 'TEAM_NOT_FOUND', message: '链接里缺少有效的队伍编号。', status: 400 });
      return;
    }
    // Opened from the leader's private link: keep the key here and drop it from the address bar.
    const fromLink = leaderKeyFromHash(location.hash);
    if (fromLink) {
      localStorage.setItem(leaderKeyName(id), fromLink);
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
    setLeaderKey(localStorage.getItem(leaderKeyName(id)));
    void fetchTeam(id).then((a) => (a.ok ? setAnswer(a.value) : setError(a.error)));
  }, []);

  if (!hydrated) return <p>队伍信息为实时数据，需要启用浏览器的 JavaScript 才能显示。</p>;
  if (error)
    return (
      <p className="callout callout--warn" role="alert" data-code={error.code}>
        {error.message}
      </p>
    );
  if (!answer) return <p aria-live="polite">正在读取队伍信息……</p>;
  const { team, matching } = answer;
  const percent = team.goalFen > 0 ? Math.min(100, Math.floor((team.raisedFen * 100) / team.goalFen)) : 0;

  const close = async () => {
    if (!leaderKey) return;
    const response = await fetch(fillPath(TEAM_CLOSE_PATH, { teamId: team.id }), {
      method: 'POST',
      headers: { authorization: `Bearer ${leaderKey}`, 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => null);
    if (response?.ok) {
      location.reload();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    setCloseError({
      code: body?.error?.code ?? 'NETWORK_ERROR',
      message: body?.error?.message ?? '没有连上服务器，队伍未结束，请稍后再试。',
    });
  };

  return (
    <div data-team-page={team.id}>
      <h2>{team.name}</h2>
      <p className="card__meta">
        {team.leaderName}发起 · 为“
        <a href={`/projects/${encodeURIComponent(team.project.slug)}/`}>{team.project.title}</a>”募捐 · 收款：
        {team.project.charity.name}
      </p>
      {team.message && <p className="lead">{team.message}</p>}
      <dl className="stats">
        <div className="stat">
          <dt>目标</dt>
          <dd>
            <Money fen={team.goalFen} exact />
          </dd>
        </div>
        <div className="stat">
          <dt>已筹（{percent}%）</dt>
          <dd data-team-raised={team.raisedFen}>
            <Money fen={team.raisedFen} exact />
          </dd>
        </div>
        <div className="stat">
          <dt>配捐（另计）</dt>
          <dd data-team-matched={team.matchedFen}>
            <Money fen={team.matchedFen} exact />
          </dd>
        </div>
        <div className="stat">
          <dt>捐款人数</dt>
          <dd>{team.donorCount} 人</dd>
        </div>
      </dl>
      {matching &&
        (matching.exhausted ? (
          <div className="callout callout--warn" role="status" data-pool-exhausted="">
            <p>
              <strong>“{matching.pool}”已经用完，</strong>现在捐款不会获得配捐，捐款照常全额用于项目。
            </p>
          </div>
        ) : (
          <div className="callout" role="note" data-pool-open="">
            <p>
              {matching.sponsor}的“{matching.pool}”还剩 <Money fen={matching.remainingFen} exact />
              ，按规则为每笔捐款配捐（队伍捐款与其他捐款规则相同）。
            </p>
          </div>
        ))}
      {team.status === 'closed' ? (
        <p className="callout" role="note" data-team-closed="">
          发起人已结束这支队伍，新的捐款不再计入队伍。可以直接在项目页面捐赠。
        </p>
      ) : (
        <TeamGive projectSlug={team.project.slug} team={team.id} />
      )}
      <section className="section" aria-labelledby="team-supporters">
        <h3 id="team-supporters">支持者</h3>
        {team.supporters.length === 0 && team.anonymousCount === 0 ? (
          <p>还没有人通过本队捐款，来做第一个吧。</p>
        ) : (
          <ul className="plain-list">
            {team.supporters.map((s) => (
              <li key={`${s.name}-${s.paidOn}-${s.amountFen}`}>
                {s.name} · <Money fen={s.amountFen} exact /> · {s.paidOn}
              </li>
            ))}
            {team.anonymousCount > 0 && <li>另有 {team.anonymousCount} 笔匿名捐款</li>}
          </ul>
        )}
      </section>
      <section className="section team-form" aria-labelledby="team-share">
        <h3 id="team-share">邀请朋友一起捐</h3>
        <figure className="pay-qr">
          <img className="pay-qr__image" src={answer.shareQr} alt="本队页面的二维码" width={200} height={200} />
          <figcaption>长按保存二维码，或复制下面的链接发到微信。</figcaption>
        </figure>
        <CopyField id="team-share-url" label="队伍链接" value={answer.shareUrl} />
        <p>
          <a href={fillPath(TEAM_POSTER_PATH, { teamId: team.id })} data-team-poster="">
            打开队伍海报（图片，含二维码）
          </a>
          ：打开后长按保存，发到微信群或朋友圈。
        </p>
      </section>
      {leaderKey && team.status === 'open' && (
        <section className="section team-form" aria-labelledby="team-leader" data-team-leader="">
          <h3 id="team-leader">发起人管理</h3>
          <CopyField id="team-leader-url" label="发起人专用链接" value={leaderLink(answer.shareUrl, leaderKey)} />
          <p className="card__meta">
            在其他手机或浏览器打开这个链接，也能结束队伍。它等同于密码：请自己保存，不要发到群里。
          </p>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void close()}>
              结束队伍（发起人）
            </button>
          </p>
          {closeError && (
            <p className="field-error" role="alert" data-code={closeError.code}>
              {closeError.message}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
