import { readFile } from 'node:fs/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  COLLECTION_LABELS,
  type CollectionName,
  ContentError,
  type ContentIssue,
  lintEntryText,
  type Snapshot,
} from '../../content/index.ts';

/**
 * The build runs the CMS's publish-time personal-information lint again (DESIGN.md: beneficiaries
 * are never identifiable): a snapshot that reached us some other way — a hand-edited file, an
 * entry published before a rule was added — must not put an ID number or a phone number on a
 * public page. Any finding fails the build, naming the entry and the field.
 *
 * The lint reads every free text (≈12 s of CPU for the 10,000-project dataset) while Astro renders
 * on one core, so it runs on a worker thread beside the rendering: `getSiteData()` checks the
 * verdict on every page, and the last route of the build (transparency/overdue — Astro renders
 * routes in file order) waits for it, so no build completes without it. Where a worker cannot start
 * (dev server, tests), the lint runs in-process instead.
 */
const TASK = 'xianjie-pii-lint';

export function piiIssues(snapshot: Pick<Snapshot, CollectionName>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const collection of Object.keys(COLLECTION_LABELS) as CollectionName[]) {
    const entries = (snapshot[collection] ?? []) as { slug?: unknown }[];
    entries.forEach((entry, index) => {
      for (const issue of lintEntryText(collection, entry as Record<string, unknown>)) {
        issues.push({
          ...issue,
          entry: `${COLLECTION_LABELS[collection]} “${String(entry.slug)}”（${collection}[${index}]）`,
        });
      }
    });
  }
  return issues;
}

export function piiError(issues: ContentIssue[], sourceLabel: string): ContentError {
  return new ContentError('SNAPSHOT_PII', `${sourceLabel}中有 ${issues.length} 处疑似个人信息，不能发布：`, issues);
}

// Worker side: this same module, loaded as a worker's entry, lints and reports back. The worker
// re-reads the snapshot file itself (raw JSON: the linted fields are the same strings before and
// after validation) instead of receiving 100 MB through the message channel.
if (!isMainThread && (workerData as { task?: string } | null)?.task === TASK && parentPort) {
  const data = workerData as { task: string; path?: string; snapshot?: Snapshot };
  const port = parentPort;
  (data.path
    ? readFile(data.path, 'utf8').then((t) => JSON.parse(t) as Snapshot)
    : Promise.resolve(data.snapshot as Snapshot)
  )
    .then((snapshot) => port.postMessage({ issues: piiIssues(snapshot) }))
    .catch((error: unknown) => port.postMessage({ error: String(error) }));
}

interface Gate {
  label: string;
  verdict: ContentIssue[] | null;
  done: Promise<ContentIssue[]>;
}

let gate: Gate | null = null;

function inProcess(snapshot: Snapshot): Promise<ContentIssue[]> {
  return Promise.resolve().then(() => piiIssues(snapshot));
}

function onWorker(snapshot: Snapshot, path: string | null): Promise<ContentIssue[]> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL(import.meta.url), {
        workerData: path ? { task: TASK, path } : { task: TASK, snapshot },
      });
    } catch {
      resolve(inProcess(snapshot));
      return;
    }
    let settled = false;
    const fallback = () => {
      if (!settled) {
        settled = true;
        resolve(inProcess(snapshot));
      }
    };
    worker.once('message', (message: { issues?: ContentIssue[]; error?: string }) => {
      if (settled) return;
      if (message.issues) {
        settled = true;
        resolve(message.issues);
      } else fallback();
      void worker.terminate();
    });
    worker.once('error', fallback);
    worker.once('exit', fallback);
  });
}

/** Starts the lint for this build's snapshot (once). `path` is the snapshot file, when there is one. */
export function startPiiGate(snapshot: Snapshot, sourceLabel: string, path: string | null): void {
  if (gate) return;
  const started: Gate = { label: sourceLabel, verdict: null, done: Promise.resolve([]) };
  started.done = onWorker(snapshot, path).then((issues) => {
    started.verdict = issues;
    return issues;
  });
  gate = started;
}

/** Throws as soon as the lint has found something; cheap enough to call on every page. */
export function throwIfPiiFound(): void {
  if (gate?.verdict && gate.verdict.length > 0) throw piiError(gate.verdict, gate.label);
}

/** Waits for the lint to finish and throws if it found personal information. */
export async function settlePiiGate(): Promise<void> {
  if (!gate) return;
  const issues = await gate.done;
  if (issues.length > 0) throw piiError(issues, gate.label);
}
