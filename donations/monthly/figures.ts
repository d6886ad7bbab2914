import { sql } from 'kysely';
import type { Ledger } from '../ledger/open-ledger.ts';
import type { FigureScope } from '../ledger/public-figures.ts';
import { monthlyDb } from './plans.ts';

/**
 * Public monthly figures: how many donors give to a project each month (active plans) and what
 * they give together, in fen. Counts and sums only — never a donor, a plan or an agreement.
 * Sandbox plans count only while the portal runs on the sandbox (like one-off gifts).
 */
export interface MonthlyFigures {
  monthlyDonors: number;
  monthlyFen: number;
}

export async function monthlyFigures(ledger: Ledger, projectSlugs: string[], scope: FigureScope) {
  const out = new Map<string, MonthlyFigures>();
  if (projectSlugs.length === 0) return out;
  let query = monthlyDb(ledger)
    .selectFrom('monthly_plans')
    .select(['project_slug', sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(amount_fen), 0)`.as('fen')])
    .where('status', '=', 'active')
    .where('project_slug', 'in', projectSlugs)
    .groupBy('project_slug');
  if (!scope.includeSandbox) query = query.where('sandbox', '=', 0);
  for (const row of await query.execute()) {
    out.set(row.project_slug, { monthlyDonors: Number(row.n), monthlyFen: Number(row.fen) });
  }
  return out;
}

export async function projectMonthlyFigures(ledger: Ledger, slug: string, scope: FigureScope): Promise<MonthlyFigures> {
  return (await monthlyFigures(ledger, [slug], scope)).get(slug) ?? { monthlyDonors: 0, monthlyFen: 0 };
}
