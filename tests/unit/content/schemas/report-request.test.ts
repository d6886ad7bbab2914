import { describe, expect, it } from 'vitest';
import { reportIntakeSchema } from '../../../../content/schemas/report-intake.ts';
import { reportRequestSchema } from '../../../../content/schemas/report-request.ts';

/** The body of POST /api/reports, as the form or a program sends it. */
const valid = {
  targetKind: 'project',
  targetSlug: 'minxian-zhuxue',
  kind: 'funds-misused',
  text: '项目介绍说善款用于助学，但第二季度的信息公开里列的是办公设备采购。',
};

function issue(body: Record<string, unknown>) {
  const parsed = reportRequestSchema.safeParse(body);
  if (parsed.success) return null;
  const first = parsed.error.issues[0];
  return { path: first?.path.join('.'), message: first?.message ?? '', params: (first as { params?: unknown }).params };
}

describe('reportRequestSchema', () => {
  it('accepts a report without contact; an empty contact field (an unfilled form) means none', () => {
    expect(reportRequestSchema.parse(valid)).toEqual(valid);
    expect(reportRequestSchema.parse({ ...valid, contact: '' }).contact).toBeUndefined();
    expect(reportRequestSchema.parse({ ...valid, contact: '  ' }).contact).toBeUndefined();
  });

  it.each([['138 1234 5678'], ['13812345678'], ['0931-8123456'], ['reporter@example.cn']])(
    'accepts the reporter’s own contact %s (stored, never published)',
    (contact) => {
      expect(reportRequestSchema.parse({ ...valid, contact }).contact).toBe(contact);
    },
  );

  it.each([
    [{ contact: '微信 abc' }, 'contact', '手机号'],
    [{ contact: `${'a'.repeat(95)}@x.com` }, 'contact', '不能超过 100'],
    [{ kind: 'spam' }, 'kind', '信息不实、未按承诺使用善款、泄露受助人隐私、违规募捐、其他'],
    [{ targetKind: 'charity' }, 'targetKind', 'project'],
    [{ targetSlug: '项目' }, 'targetSlug', '小写字母'],
    [{ text: '太差了' }, 'text', '至少写 10 个字'],
    [{ text: '字'.repeat(1001) }, 'text', '不能超过 1000 个字'],
    [{ text: '项目信息不实，见第二段。\u0007\u0007\u0007' }, 'text', '控制字符'],
  ])('refuses %o at %s, saying what is allowed', (change, path, words) => {
    const found = issue({ ...valid, ...change });
    expect(found?.path).toBe(path);
    expect(found?.message).toContain(words);
  });

  it('refuses unknown fields (a typo is an error, not an ignored choice)', () => {
    const parsed = reportRequestSchema.safeParse({ ...valid, contactt: '13812345678' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it.each([
    ['受助学生家长电话 13812345678，可以核实', '手机号码'],
    ['照片里露出了身份证号 11010519900307005X', '身份证号码'],
    ['页面里写了受助人王小明的家在哪里', '真实姓名'],
  ])('refuses personal information in the text (PII lint): %s', (text, kind) => {
    const found = issue({ ...valid, text });
    expect(found?.path).toBe('text');
    expect(found?.message).toContain(kind);
    expect(found?.message).toContain('联系方式');
    expect(found?.params).toEqual({ pii: true });
  });

  it('lets numbers that are not personal through (amounts, dates, filing numbers)', () => {
    const text = '2026年第3季度公开支出 12,345.67 元，但备案编号 53620000MJ0000000X 的募捐方案写的是助学。';
    expect(reportRequestSchema.safeParse({ ...valid, text }).success).toBe(true);
  });
});

describe('reportIntakeSchema (portal → CMS)', () => {
  const intake = {
    reference: 'JB-20261204-7K3QX9',
    kind: 'other',
    text: valid.text,
    contact: null,
    target: { kind: 'project', slug: 'minxian-zhuxue', title: '岷县助学', path: '/projects/minxian-zhuxue/' },
    charitySlug: 'gansu-cishan',
    receivedAt: '2026-12-04T14:39:00.000Z',
  };
  it('accepts what the outbox sends and refuses a malformed reference', () => {
    expect(reportIntakeSchema.parse(intake)).toEqual(intake);
    expect(reportIntakeSchema.safeParse({ ...intake, reference: 'JB-20261204-7K3QXI' }).success).toBe(false);
    expect(
      reportIntakeSchema.safeParse({ ...intake, target: { ...intake.target, path: 'javascript:alert(1)' } }).success,
    ).toBe(false);
  });
});
