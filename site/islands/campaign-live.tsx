import { useEffect, useState } from 'react';
import { formatDate } from '../../content/contracts/format.ts';
import { fetchCampaignLive, type CampaignLive as Live } from './campaign-stats.ts';
import { Money } from './ui/money.tsx';

/**
 * The campaign page's live part (issue 18, `client:idle`): time left, each 配捐 pool — its total
 * and rules baked at build, what is left from `GET /api/campaigns/{slug}/stats` — the projects
 * with raised and matched side by side (never added together), and the 一起捐 leaderboard. When a
 * pool is used up the page says so before anyone pays. Without JavaScript the baked part stays.
 */
export interface CampaignLiveProps {
  slug: string;
  /** The campaign's last day (inclusive) and the build's today, both YYYY-MM-DD (China time). */
  end: string;
  today: string;
  pools: {
    slug: string;
    title: string;
    sponsor: string;
    totalFen: number;
    /** The days shown to people, and the first and last day matched (YYYY-MM-DD, China time). */
    window: string;
    start: string;
    end: string;
    rules: string[];
  }[];
  projects: { slug: string; title: string; accepting: boolean }[];
}

const DAY = 86_400_000;
function daysLeft(end: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY) + 1);
}
/** Today in China time in the browser (UTC+8, no daylight saving). */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export default function CampaignLive({ slug, end, today, pools, projects }: CampaignLiveProps) {
  const [live, setLive] = useState<Live | null>(null);
  const [now, setNow] = useState(today);
  useEffect(() => {
    setNow(chinaToday());
    const refresh = () =>
      void fetchCampaignLive(slug).then((a) => {
        if (a.ok) setLive(a.value);
      });
    refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [slug]);

  const left = daysLeft(end, now);
  const poolLive = (s: string) => live?.pools.find((p) => p.slug === s);
  const projectLive = (s: string) => live?.projects.find((p) => p.slug === s);
  const titleOf = (s: string) => projects.find((p) => p.slug === s)?.title ?? s;

  return (
    <div className="campaign-live" data-campaign-live="">
      <p className="lead" data-days-left={left}>
        {left > 0 ? `距活动结束还有 ${left} 天（${end} 24:00 止，北京时间）` : '活动已结束'}
      </p>
      {pools.map((pool) => {
        const l = poolLive(pool.slug);
        // Outside its days a pool matches nothing, whatever is left in it (donations/matching).
        const phase = now < pool.start ? 'before' : now > pool.end ? 'after' : 'open';
        return (
          <section key={pool.slug} className="card" aria-labelledby={`pool-${pool.slug}`} data-pool={pool.slug}>
            <h3 id={`pool-${pool.slug}`}>配捐：{pool.title}</h3>
            <p className="card__meta">
              配捐方：{pool.sponsor} · 配捐时间：{pool.window}
            </p>
            <dl className="stats">
              <div className="stat">
                <dt>配捐总额</dt>
                <dd>
                  <Money fen={pool.totalFen} exact />
                </dd>
              </div>
              <div className="stat" hidden={!l}>
                <dt>{phase === 'after' ? '未使用的配捐' : '剩余配捐'}</dt>
                <dd data-pool-remaining={l?.remainingFen ?? ''}>{l ? <Money fen={l.remainingFen} exact /> : null}</dd>
              </div>
            </dl>
            {phase !== 'open' && (
              <div className="callout callout--warn" role="status" data-pool-phase={phase}>
                <p>
                  <strong>
                    {phase === 'before'
                      ? `本配捐${formatDate(pool.start)}开始。`
                      : `本配捐已于${formatDate(pool.end)}结束。`}
                  </strong>
                  {phase === 'before' ? '在此之前' : '现在'}捐款不会获得配捐，捐款照常全额用于项目。
                </p>
              </div>
            )}
            {phase === 'open' && l?.exhausted && (
              <div className="callout callout--warn" role="status" data-pool-exhausted="">
                <p>
                  <strong>本配捐已经用完。</strong>现在捐款不会获得配捐，捐款照常全额用于项目。
                </p>
              </div>
            )}
            <details>
              <summary>配捐规则</summary>
              <ul>
                {pool.rules.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
      <section className="section" aria-labelledby="campaign-live-projects">
        <h3 id="campaign-live-projects">项目筹款与配捐</h3>
        {projects.length === 0 ? (
          <p>暂无项目登记参与本活动。</p>
        ) : (
          <ul className="plain-list">
            {projects.map((p) => {
              const l = projectLive(p.slug);
              return (
                <li key={p.slug} data-project-live={p.slug}>
                  <a href={`/projects/${encodeURIComponent(p.slug)}/`}>{p.title}</a>
                  {l && (
                    <span className="small">
                      {' '}
                      · 本站捐款 <Money fen={l.raisedFen} exact />（{l.donationCount} 笔）· 配捐{' '}
                      <Money fen={l.matchedFen} exact />
                    </span>
                  )}
                  {p.accepting && (
                    <>
                      {' '}
                      · <a href={`/teams/new/?project=${encodeURIComponent(p.slug)}`}>发起一起捐</a>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="campaign-live-teams">
        <h3 id="campaign-live-teams">一起捐排行榜</h3>
        {!live ? (
          <p className="small">排行榜为实时数据，正在读取……</p>
        ) : live.teams.length === 0 ? (
          <p>还没有队伍。打开一个参与项目，发起一起捐，邀请朋友一起为项目捐款。</p>
        ) : (
          <ol data-leaderboard="">
            {live.teams.map((t) => (
              <li key={t.id} data-team={t.id}>
                <a href={`/teams/?id=${t.id}`}>{t.name}</a>
                <span className="small">
                  {' '}
                  · {titleOf(t.projectSlug)} · 已筹 <Money fen={t.raisedFen} exact /> · {t.donorCount} 人捐款 · 配捐{' '}
                  <Money fen={t.matchedFen} exact />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
