/**
 * `npm run check`'s arrows check (DESIGN.md "Arrows point one way"): the rules of
 * `.dependency-cruiser.mjs` over every TypeScript file of the rooms, the same rules over the
 * imports in `.astro` frontmatter (dependency-cruiser does not parse `.astro`), and no cycle
 * between rooms. Edges listed in `scripts/arrows-allowance.json` are known and temporary: each says
 * who removes it. Exits 1 with one line per violation.
 *
 *   tsx scripts/check-arrows.ts [--root <dir>]      (the root defaults to the repository)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import config, { forbidden, ROOMS } from '../.dependency-cruiser.mjs';

interface Edge {
  from: string;
  to: string;
  /** `core` for a Node built-in, `local` for a file of ours, `npm` otherwise. */
  kind: 'core' | 'local' | 'npm';
}

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

interface Allowance {
  rule: string;
  from: string;
  to: string;
  owner: string;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules);
const posix = (path: string) => path.split(sep).join('/');

/** The frontmatter of an `.astro` file: between the first two `---` lines. */
function frontmatter(source: string): string {
  const match = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return match?.[1] ?? '';
}

const SPECIFIERS = [
  /\bimport\s+(?:type\s+)?[\w*{}\s,$]+\s+from\s+['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[\w*{}\s,$]+\s+from\s+['"]([^'"]+)['"]/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** The imports of every `.astro` file's frontmatter, resolved like dependency-cruiser resolves them. */
export function astroEdges(root: string): Edge[] {
  const edges: Edge[] = [];
  for (const file of walk(join(root, 'site'), (p) => p.endsWith('.astro'))) {
    const from = posix(relative(root, file));
    const code = frontmatter(readFileSync(file, 'utf8'));
    for (const pattern of SPECIFIERS) {
      for (const match of code.matchAll(pattern)) {
        const spec = match[1] ?? '';
        if (spec.startsWith('.')) {
          edges.push({
            from,
            to: posix(relative(root, resolve(dirname(file), spec.split('?')[0] ?? spec))),
            kind: 'local',
          });
        } else if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0] ?? spec)) {
          edges.push({ from, to: spec, kind: 'core' });
        } else edges.push({ from, to: spec, kind: 'npm' });
      }
    }
  }
  return edges;
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const matchesAny = (value: string, patterns: string | string[] | undefined) =>
  asList(patterns).some((p) => new RegExp(p).test(value));

/** The part of dependency-cruiser's rule language our rules use: path, pathNot, dependencyTypes core. */
function breaks(rule: IForbiddenRuleType, edge: Edge): boolean {
  if (!('to' in rule)) return false;
  const from = rule.from as { path?: string | string[]; pathNot?: string | string[] };
  const to = rule.to as { path?: string | string[]; pathNot?: string | string[]; dependencyTypes?: string[] };
  if (from.path !== undefined && !matchesAny(edge.from, from.path)) return false;
  if (from.pathNot !== undefined && matchesAny(edge.from, from.pathNot)) return false;
  if (to.dependencyTypes !== undefined && !(to.dependencyTypes.includes('core') && edge.kind === 'core')) return false;
  if (to.path !== undefined && (edge.kind !== 'local' || !matchesAny(edge.to, to.path))) return false;
  if (to.pathNot !== undefined && matchesAny(edge.to, to.pathNot)) return false;
  return true;
}

const roomOf = (path: string): string | null => {
  const top = path.split('/')[0] ?? '';
  return ROOMS.includes(top) ? top : null;
};

/** Rooms that reach each other in a circle (tests and bench excluded: nothing of ours imports them). */
export function roomCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const a = roomOf(edge.from);
    const b = edge.kind === 'local' ? roomOf(edge.to) : null;
    if (!a || !b || a === b || a === 'tests' || a === 'bench') continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  // Tarjan's strongly connected components: a component of more than one room is a cycle.
  let index = 0;
  const stack: string[] = [];
  const meta = new Map<string, { index: number; low: number; onStack: boolean }>();
  const cycles: string[][] = [];
  const visit = (room: string) => {
    const m = { index, low: index, onStack: true };
    index++;
    meta.set(room, m);
    stack.push(room);
    for (const next of graph.get(room) ?? []) {
      const n = meta.get(next);
      if (!n) {
        visit(next);
        m.low = Math.min(m.low, meta.get(next)?.low ?? m.low);
      } else if (n.onStack) m.low = Math.min(m.low, n.index);
    }
    if (m.low === m.index) {
      const component: string[] = [];
      for (;;) {
        const top = stack.pop() as string;
        const t = meta.get(top);
        if (t) t.onStack = false;
        component.push(top);
        if (top === room) break;
      }
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const room of graph.keys()) if (!meta.has(room)) visit(room);
  return cycles;
}

export interface ArrowsReport {
  violations: Violation[];
  /** Allowance entries that matched nothing (already fixed: remove them). */
  staleAllowances: Allowance[];
  cycles: string[][];
  files: number;
}

export async function checkArrows(root: string, allowances: Allowance[]): Promise<ArrowsReport> {
  const previous = process.cwd();
  process.chdir(root);
  let result: ICruiseResult;
  try {
    const dirs = ROOMS.filter((room) => existsSync(join(root, room)));
    const output = await cruise(dirs, { ...config.options, ruleSet: { forbidden }, validate: true });
    result = output.output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
  const edges: Edge[] = [];
  for (const module of result.modules) {
    for (const dep of module.dependencies) {
      const kind = dep.coreModule ? 'core' : dep.couldNotResolve || /node_modules/.test(dep.resolved) ? 'npm' : 'local';
      edges.push({ from: module.source, to: dep.resolved, kind });
    }
  }
  const found: Violation[] = result.summary.violations
    .filter((v) => v.type === undefined || v.type === 'dependency')
    .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  const astro = astroEdges(root);
  for (const edge of astro) {
    for (const rule of forbidden)
      if (breaks(rule, edge)) found.push({ rule: rule.name ?? '', from: edge.from, to: edge.to });
  }
  const allowed = (v: Violation) => allowances.some((a) => a.rule === v.rule && a.from === v.from && a.to === v.to);
  const violations = found.filter((v) => !allowed(v));
  const staleAllowances = allowances.filter(
    (a) => !found.some((v) => a.rule === v.rule && a.from === v.from && a.to === v.to),
  );
  // A cycle made only of allowed edges is the allowance's to remove; any other is a violation.
  const cycles = roomCycles(
    [...edges, ...astro].filter((e) => !allowances.some((a) => a.from === e.from && a.to === e.to)),
  );
  return { violations, staleAllowances, cycles, files: result.summary.totalCruised + astro.length };
}

export function readAllowances(root: string): Allowance[] {
  const path = join(root, 'scripts/arrows-allowance.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { allowed: Allowance[] }).allowed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { root: { type: 'string' } } });
  const root = resolve(values.root ?? REPO_ROOT);
  const started = performance.now();
  const report = await checkArrows(root, readAllowances(root));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const v of report.violations) console.error(`✗ ${v.rule}: ${v.from} → ${v.to}`);
  for (const cycle of report.cycles) console.error(`✗ rooms in a cycle: ${cycle.join(' ⇄ ')}`);
  for (const a of report.staleAllowances)
    console.error(`! allowance no longer needed (remove it): ${a.from} → ${a.to}`);
  const failed = report.violations.length + report.cycles.length;
  console.log(
    failed === 0
      ? `arrows: no import against DESIGN.md's arrows (${report.files} modules and .astro imports, ${seconds} s)`
      : `arrows: ${report.violations.length} import(s) against DESIGN.md's arrows, ${report.cycles.length} room cycle(s) (${seconds} s)`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}
