import { beforeAll, describe, expect, it } from 'vitest';
import {
  donationEligibility,
  lintPii,
  PROJECT_STATUSES,
  SERVICE_TYPES,
  type Snapshot,
  TARGET_GROUPS,
} from '../../../../content/index.ts';
import { BODY_LIMIT, buildSearchDocuments, type SearchDocument } from '../../../../content/search/documents.ts';
import { PII_MASK } from '../../../../content/search/pii-mask.ts';
import { SEARCH_TYPES } from '../../../../content/search/settings.ts';
import { generateSnapshot } from '../../../../datasets/index.ts';

const AS_OF = '2025-06-15';
let snapshot: Snapshot;
let documents: SearchDocument[];

beforeAll(() => {
  snapshot = generateSnapshot({ size: 'demo', asOf: AS_OF });
  documents = buildSearchDocuments(snapshot).documents;
});

const texts = (d: SearchDocument) => [d.title, d.summary, d.body, d.project ?? '', ...d.keywords, ...d.charity];
const ofType = (type: SearchDocument['type']) => documents.filter((d) => d.type === type);

/** A copy of the demo snapshot whose first project, charity, need and disclosure carry `patch`. */
function patched(patch: (s: Snapshot) => void): Snapshot {
  const s = structuredClone(snapshot);
  patch(s);
  return s;
}

describe('buildSearchDocuments：演示数据的投影', () => {
  it('五类文档齐全，编号唯一，数量与快照一致（不含帮扶案例）', () => {
    expect(ofType('project')).toHaveLength(snapshot.projects.length);
    expect(ofType('charity')).toHaveLength(snapshot.charities.length);
    expect(ofType('typical-case')).toHaveLength(snapshot.typicalCases.length);
    expect(ofType('need')).toHaveLength(snapshot.needs.length);
    expect(ofType('disclosure')).toHaveLength(snapshot.disclosures.length);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
    expect(documents.every((d) => d.id === `${d.type}-${d.slug}`)).toBe(true);
    expect(documents.some((d) => (d.type as string) === 'case-summary')).toBe(false);
  });

  it('链接沿用站点的路径（content/paths.ts）', () => {
    const project = snapshot.projects[0];
    const need = snapshot.needs[0];
    const disclosure = snapshot.disclosures[0];
    const byId = new Map(documents.map((d) => [d.id, d]));
    expect(byId.get(`project-${project?.slug}`)?.url).toBe(`/projects/${project?.slug}/`);
    expect(byId.get(`charity-${snapshot.charities[0]?.slug}`)?.url).toBe(`/charities/${snapshot.charities[0]?.slug}/`);
    expect(byId.get(`typical-case-${snapshot.typicalCases[0]?.slug}`)?.url).toBe(
      `/cases/${snapshot.typicalCases[0]?.slug}/`,
    );
    expect(byId.get(`need-${need?.slug}`)?.url).toBe(`/needs/${need?.region.provinceCode}/#need-${need?.slug}`);
    expect(byId.get(`disclosure-${disclosure?.slug}`)?.url).toBe(
      `/projects/${disclosure?.project}/#d-${disclosure?.slug}`,
    );
  });

  it('只有公开字段：没有联系电话、邮箱、地址、法定代表人、统一社会信用代码、同意记录', () => {
    const all = JSON.stringify(documents);
    for (const c of snapshot.charities) {
      expect(all).not.toContain(c.contact.phone);
      expect(all).not.toContain(c.contact.address);
      if (c.contact.email) expect(all).not.toContain(c.contact.email);
      expect(all).not.toContain(c.creditCode);
    }
    for (const d of ofType('charity')) {
      const charity = snapshot.charities.find((c) => c.slug === d.slug);
      expect(texts(d).join(' ')).not.toContain(charity?.legalRepresentative);
    }
    for (const c of snapshot.caseSummaries) expect(all).not.toContain(c.situation);
    expect(all).not.toContain('recordedOn');
    expect(all).not.toContain('guardian');
  });

  it('每一段文字都过了 PII 检查：演示文档里查不出任何个人信息', () => {
    const findings = documents.flatMap((d) => texts(d).flatMap((t) => lintPii(t).map((f) => `${d.id}: ${f.text}`)));
    expect(findings).toEqual([]);
  });

  it('富文本成为纯文本：没有 Markdown 标记和 HTML，正文有长度上限', () => {
    for (const d of documents) {
      expect(d.body).not.toMatch(/^#{1,6}\s|\*\*|<\/?[a-z]|\]\(/m);
      expect(Array.from(d.body).length).toBeLessThanOrEqual(BODY_LIMIT + 1);
      expect(d.body).not.toMatch(/\n/);
    }
  });

  it('分面字段用标签：帮扶对象、服务类型、状态、省份与地区名称', () => {
    const labels = new Set<string>(Object.values(TARGET_GROUPS));
    const services = new Set<string>(Object.values(SERVICE_TYPES));
    const statuses = new Set<string>(Object.values(PROJECT_STATUSES));
    for (const d of ofType('project')) {
      expect(d.targetGroup.length).toBeGreaterThan(0);
      expect(d.targetGroup.every((g) => labels.has(g))).toBe(true);
      expect(d.serviceType.every((s) => services.has(s))).toBe(true);
      expect(statuses.has(d.status ?? '')).toBe(true);
      expect(d.province.every((p) => /[省市区]$/.test(p))).toBe(true);
      expect(d.charity).toHaveLength(1);
    }
    expect(Object.keys(SEARCH_TYPES).sort()).toEqual([...new Set(documents.map((d) => d.type))].sort());
  });

  it('“可在线捐赠”按 donationEligibility 在快照基准日判断；非项目为 null', () => {
    const charities = new Map(snapshot.charities.map((c) => [c.slug, c]));
    let accepting = 0;
    for (const p of snapshot.projects) {
      const charity = charities.get(p.charity);
      if (!charity) throw new Error('charity missing');
      const expected = donationEligibility({ project: p, charity, today: AS_OF, merchantConfigured: true }).eligible;
      const doc = documents.find((d) => d.id === `project-${p.slug}`);
      expect(doc?.acceptingDonations).toBe(expected);
      if (expected) accepting++;
    }
    expect(accepting).toBeGreaterThan(0);
    expect(accepting).toBeLessThan(snapshot.projects.length);
    expect(documents.filter((d) => d.type !== 'project').every((d) => d.acceptingDonations === null)).toBe(true);
    const none = buildSearchDocuments(snapshot, { types: ['project'], merchantConfigured: () => false }).documents;
    expect(none.every((d) => d.acceptingDonations === false)).toBe(true);
  });

  it('重点帮扶县：任一地区是重点县即为 true', () => {
    for (const p of snapshot.projects) {
      const doc = documents.find((d) => d.id === `project-${p.slug}`);
      expect(doc?.keyCounty).toBe(p.regions.some((r) => r.keyCounty));
    }
  });

  it('只生成要求的类型', () => {
    const only = buildSearchDocuments(snapshot, { types: ['need', 'charity'] }).documents;
    expect(new Set(only.map((d) => d.type))).toEqual(new Set(['need', 'charity']));
  });
});

describe('buildSearchDocuments：PII 被遮盖并记录', () => {
  it('项目故事、摘要、需求说明和信息公开里的身份证号、手机号、银行卡号被遮盖', () => {
    const s = patched((x) => {
      const p = x.projects[0];
      const n = x.needs[0];
      const d = x.disclosures[0];
      if (!p || !n || !d) throw new Error('demo too small');
      p.summary = '受助人手机 13812345678，请联系。';
      p.story = `## 背景\n\n身份证号：11010519491231002X，住在中山路12号。\n\n${p.story}`;
      n.description = `联系电话 0931-8123456。${n.description}`;
      d.body = `善款转入卡号6222021234567890128。${d.body}`;
    });
    const { documents: docs, masked } = buildSearchDocuments(s);
    const all = JSON.stringify(docs);
    for (const secret of ['13812345678', '11010519491231002X', '中山路12号', '0931-8123456', '6222021234567890128']) {
      expect(all).not.toContain(secret);
    }
    const project = docs.find((d) => d.id === `project-${s.projects[0]?.slug}`);
    expect(project?.summary).toBe(`受助人手机 ${PII_MASK}，请联系。`);
    expect(project?.body).toContain(PII_MASK);
    expect(masked.map((m) => `${m.id}:${m.field}`)).toEqual(
      expect.arrayContaining([
        `project-${s.projects[0]?.slug}:summary`,
        `project-${s.projects[0]?.slug}:body`,
        `need-${s.needs[0]?.slug}:body`,
        `disclosure-${s.disclosures[0]?.slug}:body`,
      ]),
    );
    expect(masked.find((m) => m.field === 'summary')?.kinds).toEqual(['mobile']);
  });

  it('标题里的个人信息同样遮盖', () => {
    const s = patched((x) => {
      const t = x.typicalCases[0];
      if (t) t.title = '帮扶 13812345678 一家';
    });
    const { documents: docs } = buildSearchDocuments(s, { types: ['typical-case'] });
    expect(docs[0]?.title).toBe(`帮扶 ${PII_MASK} 一家`);
  });

  it('HTML 与脚本不进入索引文本', () => {
    const s = patched((x) => {
      const p = x.projects[0];
      if (p)
        p.story = '**重点**<script>alert("x")</script><img src=x onerror=alert(1)> [链接](javascript:alert(1)) 正文';
    });
    const doc = buildSearchDocuments(s, { types: ['project'] }).documents.find((d) => d.slug === s.projects[0]?.slug);
    expect(doc?.body).toBe('重点 链接 正文');
  });
});
