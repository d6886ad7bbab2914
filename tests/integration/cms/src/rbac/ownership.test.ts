import { describe, expect, it } from 'vitest';
import {
  changesRelation,
  judgeVersions,
  NO_CHARITY,
  ownerCondition,
  ownerFilter,
  ownerPopulate,
} from '../../../../../cms/src/rbac/ownership.ts';

/**
 * The pure ownership rule behind the conditions and the write guard (no Strapi needed). Lives with
 * the CMS integration tests because it is the CMS's rule; it boots nothing.
 */

const A = 'charityaaaaaaaaaaaaaaaaa';
const B = 'charitybbbbbbbbbbbbbbbbb';
const project = (charity: string | null) => ({
  project: charity === null ? null : { charity: { documentId: charity } },
});

describe('所属慈善组织的判定', () => {
  it.each([
    ['两个版本都属于 A', [project(A), project(A)], { ok: true }],
    ['草稿属于 A，已发布版本的项目因取消发布而丢失', [project(A), project(null)], { ok: true }],
    ['草稿已被转给 B', [project(B), project(A)], { ok: false, reason: 'other-charity' }],
    ['没有项目', [project(null)], { ok: false, reason: 'no-owner' }],
    ['项目没有慈善组织', [{ project: { charity: null } }], { ok: false, reason: 'no-owner' }],
  ])('信息公开：%s', (_name, versions, verdict) => {
    expect(judgeVersions('disclosures', versions, new Set([A]))).toEqual(verdict);
  });

  it('更正只能指向本组织的信息公开', () => {
    const correcting = (charity: string | null) => ({ ...project(A), corrects: { ...project(charity) } });
    expect(judgeVersions('disclosures', [correcting(A)], new Set([A]))).toEqual({ ok: true });
    expect(judgeVersions('disclosures', [correcting(B)], new Set([A]))).toEqual({ ok: false, reason: 'linked-other' });
    expect(judgeVersions('disclosures', [correcting(null)], new Set([A]))).toEqual({
      ok: false,
      reason: 'linked-other',
    });
    expect(judgeVersions('disclosures', [{ ...project(A), corrects: null }], new Set([A]))).toEqual({ ok: true });
  });

  it('慈善组织本身按 documentId，项目按 charity', () => {
    expect(judgeVersions('charities', [{ documentId: A }], new Set([A]))).toEqual({ ok: true });
    expect(judgeVersions('charities', [{ documentId: B }], new Set([A])).ok).toBe(false);
    expect(judgeVersions('projects', [{ charity: { documentId: A } }], new Set())).toEqual({
      ok: false,
      reason: 'other-charity',
    });
  });

  it('条件（点路径）与查询过滤（嵌套对象）；没有组织时用永不匹配的占位值而不是空数组', () => {
    expect(ownerCondition('caseSummaries', [A])).toEqual({ 'project.charity.documentId': { $in: [A] } });
    expect(ownerFilter('projects', [A, B])).toEqual({ charity: { documentId: { $in: [A, B] } } });
    expect(ownerFilter('charities', [])).toEqual({ documentId: { $in: [NO_CHARITY] } });
    expect(ownerPopulate('disclosures')).toEqual({
      project: { select: ['id'], populate: { charity: { select: ['id', 'documentId'] } } },
      corrects: {
        select: ['id'],
        populate: { project: { select: ['id'], populate: { charity: { select: ['id', 'documentId'] } } } },
      },
    });
    expect(ownerPopulate('charities')).toEqual({});
  });

  it.each([
    [undefined, false],
    [{ connect: [], disconnect: [] }, false],
    [{ connect: [], disconnect: [], options: { strict: true } }, false],
    [{ connect: ['x'] }, true],
    [{ disconnect: [{ documentId: 'x' }] }, true],
    [{ set: [] }, true],
    [[], true],
    [['x'], true],
    ['x', true],
    [null, true],
  ])('关系写入 %j 是否改变归属：%s', (value, changes) => {
    expect(changesRelation(value)).toBe(changes);
  });

  it.each([
    [{ set: [] }, false],
    [{ connect: [], disconnect: [] }, false],
    [{ set: ['x'] }, true],
    [{ connect: ['x'] }, true],
    [[], true],
  ])('新条目（新建、复制）的关系写入 %j 是否改变归属：%s', (value, changes) => {
    expect(changesRelation(value, 'new')).toBe(changes);
  });
});
