import { COLLECTIONS, type Snapshot } from './snapshot-schema.ts';

/**
 * The lists of a snapshot in the order the line layout writes them (and parseSnapshot reports).
 */
export const SNAPSHOT_LISTS = [...(Object.keys(COLLECTIONS) as (keyof typeof COLLECTIONS)[]), 'seedConsents'] as const;
export type SnapshotListName = (typeof SNAPSHOT_LISTS)[number];

/**
 * A snapshot as one valid JSON document with each entry on its own line, so that a long-running
 * process (the portal) can read it a line at a time and give the event loop back between entries
 * instead of blocking for seconds in one JSON.parse (96 MB at scale). Any JSON reader still reads
 * it whole (astro build, the index child, the CMS seed import). The layout, line by line:
 *
 *   {"format":"xianjie-snapshot",…,"demo":true,     the header: every field that is not a list
 *   "charities":[                                  a list with entries…
 *   {…},
 *   {…}
 *   ],
 *   "awards":[],                                   …or an empty list, on one line
 *   "seedConsents":[
 *   {…}
 *   ]}
 *
 * JSON.stringify never puts a raw newline inside a value (it escapes them), so a line is always
 * a whole entry. `readSnapshotFileIncrementally` relies on exactly this shape.
 */
export function formatSnapshotLines(snapshot: Snapshot): string {
  const record = snapshot as unknown as Record<string, unknown>;
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!(SNAPSHOT_LISTS as readonly string[]).includes(key)) meta[key] = value;
  }
  const header = JSON.stringify(meta);
  const lists = SNAPSHOT_LISTS.filter((name) => Array.isArray(record[name]));
  if (header === '{}' || lists.length === 0) return JSON.stringify(snapshot);

  const lines = [`${header.slice(0, -1)},`];
  for (const [i, name] of lists.entries()) {
    const items = record[name] as unknown[];
    const end = i === lists.length - 1 ? '}' : ',';
    if (items.length === 0) {
      lines.push(`${JSON.stringify(name)}:[]${end}`);
      continue;
    }
    lines.push(`${JSON.stringify(name)}:[`);
    for (const [j, item] of items.entries()) {
      // JSON.stringify writes an array hole or undefined as null; do the same.
      lines.push(`${JSON.stringify(item) ?? 'null'}${j === items.length - 1 ? '' : ','}`);
    }
    lines.push(`]${end}`);
  }
  return `${lines.join('\n')}\n`;
}
