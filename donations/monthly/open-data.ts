import type { DonationsContext } from '../context.ts';
import { figureScope } from '../public-queries.ts';
import { monthlyFigures } from './figures.ts';

/**
 * Open data (issue 17): monthly giving in aggregate — per project, how many plans are active and
 * what they give together each month, in fen; and the sums. Served live from the ledger beside
 * `/api/open-data/matching.json` rather than baked into a release: a plan signed or cancelled
 * changes the figures at once, while a release is only rebuilt when content changes. Counts and
 * sums per project only: never a donor, a name, a plan or agreement id, a token or a day of month.
 */
export interface MonthlyOpenProject {
  slug: string;
  charity: string;
  activePlans: number;
  monthlyFen: number;
}

export interface MonthlyOpenData {
  generatedAt: string;
  activePlans: number;
  monthlyFen: number;
  projects: MonthlyOpenProject[];
}

export async function monthlyOpenData(ctx: DonationsContext): Promise<MonthlyOpenData> {
  const view = await ctx.snapshots.current();
  const projects = view.snapshot.projects;
  const figures = await monthlyFigures(
    ctx.ledger,
    projects.map((p) => p.slug),
    figureScope(ctx),
  );
  const rows: MonthlyOpenProject[] = [];
  for (const p of projects) {
    const f = figures.get(p.slug);
    if (f && f.monthlyDonors > 0)
      rows.push({ slug: p.slug, charity: p.charity, activePlans: f.monthlyDonors, monthlyFen: f.monthlyFen });
  }
  rows.sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    generatedAt: ctx.now().toISOString(),
    activePlans: rows.reduce((n, r) => n + r.activePlans, 0),
    monthlyFen: rows.reduce((n, r) => n + r.monthlyFen, 0),
    projects: rows,
  };
}
