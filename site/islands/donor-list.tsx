import { type Ref, useCallback, useEffect, useRef, useState } from 'react';
import type { PublicGift } from '../../content/contracts/donor-list.ts';
import { formatCount, formatDate } from '../../content/contracts/format.ts';
import { groupThousands } from '../../content/contracts/money.ts';
import { isFen, type ProjectStats } from './api-client.ts';
import { fetchDonorList } from './donor-list-answer.ts';
import { Money } from './ui/money.tsx';

/**
 * The project page's 捐赠名单 (`#donors`), under the live totals: the gifts whose donors chose a
 * public name, newest first, with 「更多」 for the next page, and how many gifts carry no name.
 * The live-totals island loads this module with `import()` once it runs, so the project page's
 * up-front script does not grow. Like the totals it reads the first page again when the page is
 * shown again — unless the reader has paged on, whose place it keeps. Names are the donors' own
 * words: React renders them as text, never as markup.
 */
const FIRST_PAGE = 5;
const NEXT_PAGE = 20;

export interface ListState {
  gifts: PublicGift[];
  anonymousCount: number;
  nextCursor: string | null;
}

export type Load = { kind: 'idle' | 'loading' } | { kind: 'failed'; message: string };

function anonymousLine(count: number, named: boolean): string {
  if (count === 0) return named ? '' : '还没有公开署名的捐赠。';
  return named
    ? `另有 ${formatCount(count)} 笔匿名捐赠。`
    : `还没有公开署名的捐赠，另有 ${formatCount(count)} 笔匿名捐赠。`;
}

/** The list, after the live totals' 月捐 line (active monthly donors and their monthly total, counts only). */
export function DonorList({ slug, stats }: { slug: string; stats?: ProjectStats | null }) {
  const [list, setList] = useState<ListState | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const pages = useRef(0);
  const busy = useRef(false);
  // After 「更多」, focus goes to the first new line so a keyboard or screen-reader user reads on.
  const focusRow = useRef<number | null>(null);
  const lines = useRef<HTMLOListElement>(null);

  const read = useCallback(
    async (cursor?: string) => {
      if (busy.current) return;
      busy.current = true;
      setLoad({ kind: 'loading' });
      const answer = await fetchDonorList(slug, cursor ? NEXT_PAGE : FIRST_PAGE, cursor).finally(() => {
        busy.current = false;
      });
      if (!answer.ok) {
        setLoad({ kind: 'failed', message: `捐赠名单暂时无法读取：${answer.error.message}` });
        return;
      }
      const page = answer.value;
      setLoad({ kind: 'idle' });
      setList((before) => {
        const gifts = cursor && before ? [...before.gifts, ...page.donations] : page.donations;
        if (cursor && before && page.donations.length > 0) focusRow.current = before.gifts.length;
        return { gifts, anonymousCount: page.anonymousCount, nextCursor: page.nextCursor };
      });
      pages.current = cursor ? pages.current + 1 : 1;
    },
    [slug],
  );

  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible' && pages.current <= 1) void read();
    };
    void read();
    window.addEventListener('pageshow', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('pageshow', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [read]);

  useEffect(() => {
    if (focusRow.current === null) return;
    const row = lines.current?.children[focusRow.current] as HTMLElement | undefined;
    focusRow.current = null;
    row?.focus();
  });

  return (
    <>
      {stats && isFen(stats.monthlyDonors) && isFen(stats.monthlyFen) && stats.monthlyDonors > 0 && (
        <p className="small" data-live="monthly">
          月捐：{groupThousands(stats.monthlyDonors)} 人，每月共 <Money fen={stats.monthlyFen} exact />
        </p>
      )}
      <DonorListView list={list} load={load} onMore={(cursor) => void read(cursor)} lines={lines} />
    </>
  );
}

export interface DonorListViewProps {
  /** Null until the first page has come. */
  list: ListState | null;
  load: Load;
  onMore: (cursor: string) => void;
  lines?: Ref<HTMLOListElement>;
}

/** What the list shows for a state: the lines, the count of unnamed gifts, 「更多」, or why not. */
export function DonorListView(props: DonorListViewProps) {
  return (
    <section id="donors" className="donors" aria-labelledby="donors-heading">
      <h2 id="donors-heading">捐赠名单</h2>
      <DonorLines {...props} />
    </section>
  );
}

function DonorLines({ list, load, onMore, lines }: DonorListViewProps) {
  if (list === null) {
    return <p className="small muted">{load.kind === 'failed' ? load.message : '正在读取捐赠名单…'}</p>;
  }
  const named = list.gifts.length > 0;
  const rest = anonymousLine(list.anonymousCount, named);
  return (
    <>
      {named && (
        <ol className="donor-list" ref={lines}>
          {list.gifts.map((g, i) => (
            // Lines have no id (the API gives none on purpose); a line's place is stable while paging.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={i} tabIndex={-1}>
              <span className="donor-list__name">{g.name}</span>
              <span className="donor-list__gift">
                <Money fen={g.amountFen} exact /> · <time dateTime={g.paidOn}>{formatDate(g.paidOn)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {rest && <p>{rest}</p>}
      {load.kind === 'failed' && <p className="field-error">{load.message}</p>}
      {list.nextCursor && (
        <button
          type="button"
          className="button button--quiet"
          aria-busy={load.kind === 'loading'}
          onClick={() => list.nextCursor && onMore(list.nextCursor)}
        >
          {load.kind === 'loading' ? '正在读取…' : '更多'}
        </button>
      )}
    </>
  );
}
