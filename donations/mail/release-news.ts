import type { Disclosure, Project, Snapshot } from '../../content/index.ts';
import type { MailPayload, NewsDisclosure } from './payload.ts';
import { type MailDb, queueRow } from './store.ts';

/**
 * The publisher's hook after a release switch (DESIGN.md "Publish": … switches the live release,
 * then hands the release's new disclosures to the donor mail queue). A disclosure is new when the
 * previous live release did not have it. Each confirmed subscriber of a project with news gets one
 * queued message for this release listing all of them (never one per disclosure); its idempotency
 * key `update:<subscription>:<project>:<release>` is unique, and the release itself is recorded in
 * `mail_releases` in the same transaction, so handling a release twice (a restart, a retry) queues
 * nothing more. It only writes rows: sending is the queue worker's (deliver.ts), so a release
 * never waits for mail and never fails because of it.
 */
export interface ProjectNews {
  project: { slug: string; title: string };
  disclosures: NewsDisclosure[];
}

export function expenseTotalFen(disclosure: Pick<Disclosure, 'expenses'>): number {
  return disclosure.expenses.reduce((sum, line) => sum + line.amountFen, 0);
}

/** Disclosures of `next` that `previous` did not have, per project, oldest period first. */
export function newDisclosures(previous: Snapshot | null, next: Snapshot): ProjectNews[] {
  if (!previous) return [];
  const known = new Set(previous.disclosures.map((d) => `${d.project}\u0000${d.slug}`));
  const projects = new Map<string, Project>(next.projects.map((p) => [p.slug, p]));
  const byProject = new Map<string, ProjectNews>();
  for (const d of next.disclosures) {
    if (known.has(`${d.project}\u0000${d.slug}`)) continue;
    const project = projects.get(d.project);
    if (!project) continue;
    let news = byProject.get(project.slug);
    if (!news) {
      news = { project: { slug: project.slug, title: project.title }, disclosures: [] };
      byProject.set(project.slug, news);
    }
    news.disclosures.push({
      slug: d.slug,
      title: d.title,
      kind: d.kind,
      period: { start: d.period.start, end: d.period.end },
      expenseFen: expenseTotalFen(d),
    });
  }
  for (const news of byProject.values()) {
    news.disclosures.sort((a, b) => a.period.start.localeCompare(b.period.start) || a.slug.localeCompare(b.slug));
  }
  return [...byProject.values()];
}

const CHUNK = 400;

/** Queues the release's news; returns how many messages were queued (0 when the release was handled before). */
export async function queueReleaseNews(
  db: MailDb,
  input: { releaseId: string; news: ProjectNews[]; siteUrl: string; now: Date },
): Promise<number> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('mail_releases')
      .values({ release_id: input.releaseId, handled_at: at, queued: 0 })
      .onConflict((oc) => oc.column('release_id').doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) return 0;
    let queued = 0;
    for (const news of input.news) {
      const subscribers = await trx
        .selectFrom('mail_subscriptions')
        .select('id')
        .where('project_slug', '=', news.project.slug)
        .where('state', '=', 'confirmed')
        .orderBy('id')
        .execute();
      const payload: MailPayload = { kind: 'update', project: news.project, disclosures: news.disclosures };
      const text = JSON.stringify(payload);
      for (let i = 0; i < subscribers.length; i += CHUNK) {
        const rows = subscribers.slice(i, i + CHUNK).map(({ id }) =>
          queueRow(
            {
              idempotency_key: `update:${id}:${news.project.slug}:${input.releaseId}`,
              kind: 'update',
              subscription_id: id,
              project_slug: news.project.slug,
              release_id: input.releaseId,
              payload: text,
            },
            at,
            input.siteUrl,
          ),
        );
        const result = await trx
          .insertInto('mail_queue')
          .values(rows)
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .executeTakeFirst();
        queued += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
    }
    await trx.updateTable('mail_releases').set({ queued }).where('release_id', '=', input.releaseId).execute();
    return queued;
  });
}
