import type { Workbench } from '../context.ts';

export interface Names {
  charity(slug: string | null): string;
  county(code: string): string;
  /** Counties the snapshot knows, for the report form's list. */
  counties: { code: string; name: string }[];
}

/** Charity and county names from the live snapshot; the code itself when it is not there. */
export async function namesOf(ctx: Workbench): Promise<Names> {
  const charities = new Map<string, string>();
  const places = new Map<string, string>();
  try {
    const s = await ctx.snapshot();
    for (const c of s.charities) charities.set(c.slug, c.name);
    for (const p of s.projects) for (const r of p.regions) places.set(r.code, r.name);
  } catch {
    // No snapshot yet: codes are shown as they are.
  }
  return {
    charity: (slug) => (slug ? (charities.get(slug) ?? slug) : '—'),
    county: (code) => places.get(code) ?? code,
    counties: [...places]
      .filter(([code]) => !code.endsWith('00'))
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  };
}
