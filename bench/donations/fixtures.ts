import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Charity, donationEligibility, type Project, type Snapshot, todayIso } from '../../content/index.ts';
import { generateSnapshot } from '../../datasets/index.ts';

/**
 * What the donations benchmark sends: the demo snapshot generated for today (so fundraising windows
 * are open), the projects that accept donations in it, and varied valid `POST /api/donations` bodies.
 */
export interface Target {
  project: Project;
  charity: Charity;
}

export interface BenchSnapshot {
  path: string;
  snapshot: Snapshot;
  today: string;
}

/** The demo snapshot for today, generated once per day under `workDir` (default seed). */
export async function demoSnapshot(workDir: string): Promise<BenchSnapshot> {
  const today = todayIso();
  const path = join(workDir, `demo-${today}.json`);
  await mkdir(workDir, { recursive: true });
  if (!existsSync(path)) {
    await writeFile(path, JSON.stringify(generateSnapshot({ size: 'demo', asOf: today })));
  }
  return { path, snapshot: JSON.parse(await readFile(path, 'utf8')) as Snapshot, today };
}

/** Projects that accept donations today with a merchant configured (the sandbox plays every charity's). */
export function eligibleTargets(snapshot: Snapshot, today: string): Target[] {
  const charities = new Map(snapshot.charities.map((c) => [c.slug, c]));
  const out: Target[] = [];
  for (const project of snapshot.projects) {
    const charity = charities.get(project.charity);
    if (!charity) continue;
    if (donationEligibility({ project, charity, today, merchantConfigured: true }).eligible) {
      out.push({ project, charity });
    }
  }
  return out;
}

const AMOUNTS_FEN = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 8_888, 66_600, 300_000];
const NAMES = ['张三', '一位老师', '李女士', '衔接读者', '王先生'];
const MESSAGES = ['愿孩子们平安长大', '一点心意', '加油！', '希望早日完成目标'];

/**
 * `count` bodies, deterministic: every 8th donates to a cause (target group + region of an eligible
 * project, routed by `donations/routing.ts`), the rest name a project, cycling through all eligible
 * ones; amounts, channel (`page`/`wap`: a signed redirect URL, no gateway call), anonymity, display
 * name, message and receipt requests vary. `qr` is left out: it calls Alipay's gateway, which here
 * would be the sandbox's fake served by the same process — not what production does.
 */
export function donationBodies(targets: Target[], count: number): string[] {
  if (targets.length === 0) throw new Error('演示快照中没有接受捐赠的项目');
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const { project } = targets[(i * 7) % targets.length] as Target;
    const anonymous = i % 3 === 0;
    const region = project.regions[0]?.code;
    const body = {
      ...(i % 8 === 7 ? { pool: { targetGroup: project.targetGroups[0], region } } : { projectSlug: project.slug }),
      amountFen: AMOUNTS_FEN[i % AMOUNTS_FEN.length],
      channel: i % 2 === 0 ? 'page' : 'wap',
      anonymous,
      ...(anonymous ? {} : { displayName: NAMES[i % NAMES.length] }),
      ...(i % 4 === 1 ? { message: MESSAGES[i % MESSAGES.length] } : {}),
      receipt:
        i % 5 === 2
          ? { requested: true, name: NAMES[i % NAMES.length], email: `donor${i}@example.com` }
          : { requested: false },
    };
    bodies.push(JSON.stringify(body));
  }
  return bodies;
}
