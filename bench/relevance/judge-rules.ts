import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../../content/index.ts';
import { relevanceDataset } from './demo-documents.ts';
import { JUDGED_QUERIES } from './judged-queries.ts';
import { all, any } from './policy-queries.ts';

/**
 * The rules the judged set was judged by (issue 21), applied to the demo of the judged day, so a
 * change to the demo's texts can be re-judged the same way: `tsx bench/relevance/judge-rules.ts`
 * prints, per query, how many entries the rule finds and the first titles (read them over); with
 * `--write` it rewrites the `relevant` lists in judged-queries.ts. A query with no rule, or whose
 * rule finds nothing, is reported and left alone: judge it by hand or move it (see its note).
 */
interface Entry {
  id: string;
  title: string;
  text: string;
  regions: string[];
  provinces: string[];
  services: string[];
  groups: string[];
}
type Rule = (e: Entry) => boolean;

function entries(s: Snapshot): Entry[] {
  return [
    ...s.projects.map((p) => ({
      id: `project:${p.slug}`,
      title: p.title,
      text: `${p.summary}${p.story}${JSON.stringify(p.plan ?? '')}`,
      regions: p.regions.map((r) => r.name),
      provinces: p.regions.map((r) => r.province),
      services: p.serviceTypes,
      groups: p.targetGroups,
    })),
    ...s.needs.map((n) => ({
      id: `need:${n.slug}`,
      title: n.title,
      text: n.description,
      regions: [n.region.name],
      provinces: [n.region.province],
      services: [n.kind],
      groups: [n.group],
    })),
    ...s.typicalCases.map((t) => ({
      id: `typical-case:${t.slug}`,
      title: t.title,
      text: t.body,
      regions: [t.region.name],
      provinces: [t.region.province],
      services: t.serviceTypes,
      groups: t.targetGroups,
    })),
  ];
}

/** The title holds every part (a string, or one of a pattern's alternatives). */
const title =
  (...parts: (string | RegExp)[]): Rule =>
  (e) =>
    parts.every((p) => (typeof p === 'string' ? e.title.includes(p) : p.test(e.title)));
const inRegion =
  (name: string): Rule =>
  (e) =>
    e.regions.some((r) => r.includes(name));
const inProvince =
  (name: string): Rule =>
  (e) =>
    e.provinces.some((r) => r.includes(name));
const serves =
  (group: string): Rule =>
  (e) =>
    e.groups.includes(group);
const offers =
  (service: string): Rule =>
  (e) =>
    e.services.includes(service);
const projectText =
  (word: string): Rule =>
  (e) =>
    e.id.startsWith('project:') && e.text.includes(word);

const LOWBAO_STUDY = title(/低保/, /助学|学业/);
const KIDS_REHAB = title('残疾儿童', '康复');
const ELDER_MEALS = title('失能', '助餐');
const TWO_SUBSIDIES = projectText('残疾人两项补贴');

export const RULES: Record<string, Rule> = {
  低保户: title(/低保/),
  分散供养特困人员: title('分散供养特困人员'),
  防返贫监测户: title('防返贫监测户'),
  重特大疾病患者: title('重特大疾病患者'),
  事实无人抚养儿童: title('事实无人抚养儿童'),
  照护者喘息服务: title('喘息'),
  助浴助洁: title('助浴助洁'),
  透析补助: title('透析补助'),
  残疾人两项补贴: TWO_SUBSIDIES,
  低收入人口: title('低收入人口'),
  '最低生活保障 助学': LOWBAO_STUDY,
  自闭症儿童康复: KIDS_REHAB,
  孤独症儿童康复训练: KIDS_REHAB,
  生活不能自理老人助餐: ELDER_MEALS,
  孤残儿童助学: title(/孤困儿童|孤儿/, /助学|学业/),
  老年人助餐: title('老人', '助餐'),
  '资助学业 留守儿童': title('留守儿童', /助学|学业/),
  '重病 透析': title('透析'),
  大病患者心理陪伴: title(/大病患|重病患者|重特大疾病患者|透析患者/, /心理|心灵|情感|陪伴/),
  特困供养老人: title('特困老人'),
  困难残疾人生活补贴: TWO_SUBSIDIES,
  岷县: title('岷县'),
  积石山: title('积石山'),
  临夏: title('临夏'),
  '甘肃 失能老人': all(any(title('失能'), serves('disabled-elderly')), inProvince('甘肃')),
  城口县: title('城口'),
  '宝坻区 康复': all(inRegion('宝坻区'), any(title('康复'), offers('rehabilitation'))),
  宕昌县: title('宕昌'),
  '新疆 低保家庭': all(title(/低保/), inProvince('新疆')),
  淄博市留守儿童: all(inRegion('淄博市'), serves('left-behind-children')),
  低保家庭助学: LOWBAO_STUDY,
  '失能老人 助餐': ELDER_MEALS,
  '留守儿童 课后托管': title('留守儿童', '课后托管'),
  '残疾儿童 康复': KIDS_REHAB,
  '特困老人 透析': any(title('特困', '透析'), all(title('特困'), offers('medical'))),
  '大病患儿 冬季暖心': title('大病患儿', '冬季暖心'),
  '困境青少年 助学': title('困境青少年', /助学|学业/),
  积石山留手儿童: title('积石山', '留守儿童'),
  宕昌县特困人源: title('宕昌', '特困'),
  失能老人助参: ELDER_MEALS,
  低保家助学: LOWBAO_STUDY,
  透析补注: title('透析补助'),
  防返贫检测户: title('防返贫监测户'),
  分散供样特困人员: title('分散供养特困人员'),
  残疾人两项补帖: TWO_SUBSIDIES,
  重病患家庭: title('重病患者'),
  西乡县困竟青少年: title('西乡县', /困境/),
};

/** Each judged query's entries by its rule (null: no rule). */
export function judge(s: Snapshot): Map<string, { ids: string[]; titles: string[] } | null> {
  const list = entries(s);
  return new Map(
    JUDGED_QUERIES.map((q) => {
      const rule = RULES[q.query];
      if (!rule) return [q.query, null];
      const hits = list.filter(rule);
      return [q.query, { ids: hits.map((e) => e.id), titles: hits.map((e) => e.title) }];
    }),
  );
}

/** judged-queries.ts with each ruled, non-empty query's `relevant` list replaced. */
export function rewrite(source: string, judged: ReadonlyMap<string, { ids: string[] } | null>): string {
  return source.replace(
    /( {4}query: '([^']+)',[\s\S]*? {4}relevant: \[)[^\]]*\]/g,
    (whole, head: string, q: string) => {
      const ids = judged.get(q)?.ids ?? [];
      if (ids.length === 0) return whole;
      return `${head}${ids.map((id) => `\n      '${id}',`).join('')}\n    ]`;
    },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const judged = judge(relevanceDataset().snapshot);
  for (const [q, r] of judged) {
    console.log(r ? `${q}: ${r.ids.length}  ${r.titles.slice(0, 4).join(' | ')}` : `${q}: 没有规则，请人工评判`);
  }
  if (process.argv.includes('--write')) {
    const file = fileURLToPath(new URL('./judged-queries.ts', import.meta.url));
    writeFileSync(file, rewrite(readFileSync(file, 'utf8'), judged));
    console.log(`已改写 ${file}（请用 biome 格式化并逐条复核）`);
  }
}
