import { type ComponentType, type ReactNode, useEffect, useState } from 'react';
import { formatDateTime } from '../../content/contracts/format.ts';
import { groupThousands, type MoneyUnit, percentOf } from '../../content/contracts/money.ts';
import { fetchProjectStats, type ProjectStats } from './api-client.ts';
import { Money } from './ui/money.tsx';

/**
 * The live-totals island (`client:idle` on every project page): the figures baked at build from the
 * latest disclosure — what the server renders, and all a browser without JavaScript shows — plus
 * what was given through this site since, from `GET /api/projects/{slug}/stats`. When the API
 * cannot be reached the baked figures simply stay. Refreshed when the page is shown again (back
 * button, bfcache) or becomes visible. Under the figures, the 捐赠名单 the donate form promises
 * (site/islands/donor-list.tsx): its code is loaded with `import()` once this island runs, as the
 * page's up-front script is at its budget; without JavaScript there is neither list nor online
 * giving.
 */
export interface LiveTotalsProps {
  slug: string;
  /** The filed fundraising goal; null when the project has no plan. */
  goalFen: number | null;
  raisedFen: number;
  spentFen: number;
  /** The one unit of goal, raised and spent, which are compared (`sharedMoneyUnit`, at build). */
  unit: MoneyUnit;
  /** Where the baked figures come from ("数据截至 … 的信息公开"). */
  note: string;
}

/** One figure; the live ones (`data-live-stat`) stay hidden until the API has answered. */
function Stat({ term, children, live }: { term: string; children: ReactNode; live?: { shown: boolean } }) {
  return (
    <div className="stat" data-live-stat={live ? '' : undefined} hidden={live ? !live.shown : undefined}>
      <dt>{term}</dt>
      {children}
    </div>
  );
}

/**
 * The share of the goal as a bar. An SVG rect's `width` attribute, not a `style`: the pages run
 * under a Content-Security-Policy whose style-src has no 'unsafe-inline', which blocks style
 * attributes.
 */
function ProgressBar({ percent }: { percent: number }) {
  return (
    <div className="progress__bar" role="img" aria-label={`已达到募捐目标的 ${percent}%`}>
      <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect width={Math.min(100, percent)} height="1" />
      </svg>
    </div>
  );
}

function liveNote(updatedAt: string | null): string {
  const when = updatedAt ? formatDateTime(updatedAt) : null;
  return when
    ? `本站在线捐赠为实时数据，最近一笔于 ${when}（北京时间）到账。`
    : '本站在线捐赠为实时数据，目前还没有到账的在线捐赠。';
}

export default function LiveTotals({ slug, goalFen, raisedFen, spentFen, unit, note }: LiveTotalsProps) {
  const [live, setLive] = useState<ProjectStats | null>(null);
  const [Donors, setDonors] = useState<ComponentType<{ slug: string; stats: ProjectStats | null }> | null>(null);

  useEffect(() => {
    let inFlight = false;
    const refresh = async () => {
      if (inFlight) return;
      inFlight = true;
      const answer = await fetchProjectStats(slug).finally(() => {
        inFlight = false;
      });
      if (answer.ok) setLive(answer.value);
    };
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) void refresh();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    void refresh();
    // The donor list's code only now, after the page is idle (the up-front budget is spent).
    void import('./donor-list.tsx').then(
      (m) => setDonors(() => m.DonorList),
      () => {},
    );
    window.addEventListener('pageshow', onShow);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('pageshow', onShow);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [slug]);

  const percent = goalFen === null ? null : percentOf(raisedFen, goalFen);
  // What was given online here is exact (a donor looks for their own 50.00 元 in it), like every
  // amount paid; goal, raised and spent share `unit`.
  return (
    <div id="live-totals" data-project-slug={slug} className="progress">
      <dl className="stats">
        {goalFen !== null && (
          <Stat term="募捐目标">
            <dd>
              <Money fen={goalFen} unit={unit} />
            </dd>
          </Stat>
        )}
        <Stat term="已公开募得">
          <dd>
            <Money fen={raisedFen} unit={unit} />
          </dd>
        </Stat>
        <Stat term="已公开支出">
          <dd>
            <Money fen={spentFen} unit={unit} />
          </dd>
        </Stat>
        <Stat term="本站在线捐赠" live={{ shown: live !== null }}>
          <dd data-live="raised">{live && <Money fen={live.raisedFen} exact />}</dd>
        </Stat>
        <Stat term="在线捐赠笔数" live={{ shown: live !== null }}>
          <dd data-live="count">{live && `${groupThousands(live.donationCount)} 笔`}</dd>
        </Stat>
      </dl>
      {percent !== null && <ProgressBar percent={percent} />}
      <p className="small muted">{note}</p>
      <p className="small muted" data-live="note" hidden={live === null}>
        {live && liveNote(live.updatedAt)}
      </p>
      {Donors && <Donors slug={slug} stats={live} />}
    </div>
  );
}
