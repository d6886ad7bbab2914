import { errors } from '@strapi/utils';
import { fieldLabelOf } from '../edit-views/field-labels.ts';
import { choiceIssues, type ModelOf } from './choice-check.ts';
import {
  COLLECTION_LABELS,
  COLLECTIONS,
  type CollectionName,
  type ContentIssue,
  caseRecordSchema,
  creditCode,
  formatPath,
  lintEntryText,
  poolAgainstCampaign,
  STRAPI_COLLECTIONS,
  type StrapiRecord,
  toCaseRecord,
  toSnapshotEntry,
  toStrapiFieldPath,
  type z,
} from './content.ts';
import { notAllowed, vocabularyOf } from './vocabularies.ts';

/** Strapi's models while it runs (which component an attribute holds); undefined outside it. */
const strapiModelOf: ModelOf = (uid) =>
  (globalThis as { strapi?: { getModel(uid: string): ReturnType<ModelOf> } }).strapi?.getModel(uid);

/**
 * The content/ rules as the CMS applies them: the collection's zod schema (case summaries with
 * their consent: `caseRecordSchema`), then the PII lint of free text. Issues carry Strapi field
 * paths (`projectStatus`, not `status`) so the admin form can point at the field.
 */

/** Relations that must point at a published entry; a clearer message than "expected string, received null". */
const REQUIRED_RELATIONS: Partial<Record<CollectionName, Record<string, CollectionName>>> = {
  projects: { charity: 'charities' },
  disclosures: { project: 'projects' },
  caseSummaries: { project: 'projects' },
  matchingPools: { campaign: 'campaigns' },
};

const recordOf = (v: unknown): StrapiRecord | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as StrapiRecord) : null;

/**
 * 配捐 against its campaign (windows inside, listed projects in it), read from the entry as
 * `validationPopulate` fills it: the campaign with its window, each project with its campaigns.
 */
function poolIssues(entry: StrapiRecord, mapped: Record<string, unknown>): ContentIssue[] {
  const campaign = recordOf(entry.campaign);
  const window = recordOf(campaign?.window);
  if (!campaign || !window) return [];
  const projects = new Map<string, string[]>();
  for (const p of Array.isArray(entry.projects) ? entry.projects : []) {
    const r = recordOf(p);
    const campaigns = Array.isArray(r?.campaigns) ? r.campaigns : [];
    if (r)
      projects.set(
        String(r.slug),
        campaigns.map((c) => String(recordOf(c)?.slug)),
      );
  }
  const pool = mapped as Parameters<typeof poolAgainstCampaign>[0];
  if (!pool.window || !Array.isArray(pool.projects)) return [];
  return poolAgainstCampaign(
    pool,
    { title: String(campaign.title ?? ''), window: { start: String(window.start), end: String(window.end) } },
    (slug) => projects.get(slug),
    String(campaign.slug),
  ).map((i) => ({ entry: '', ...i }));
}

function valueAt(entry: unknown, path: readonly PropertyKey[]): unknown {
  let at = entry;
  for (const key of path)
    at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/**
 * A value outside a content/ vocabulary: the message names the allowed values in Chinese (with
 * their keys), after content/'s own words where it has any (`未知的帮扶对象类别`); zod's default
 * (`无效选项：期望以下之一 "progress"|…`) is replaced.
 */
function messageOf(issue: z.core.$ZodIssue, entry: unknown): string {
  if (issue.code !== 'invalid_value') return issue.message;
  const labels = vocabularyOf(issue.values);
  if (!labels) return issue.message;
  const own = issue.message.startsWith('无效选项') ? undefined : issue.message;
  return notAllowed(valueAt(entry, issue.path), labels, own);
}

function issuesOf(collection: CollectionName, error: z.ZodError, entry: unknown): ContentIssue[] {
  return error.issues.map((i) => ({
    entry: '',
    field: toStrapiFieldPath(collection, formatPath(i.path)),
    message: messageOf(i, entry),
  }));
}

/** Everything that stops `entry` (a Strapi document with `STRAPI_POPULATE` + consent) from being published. */
export function publishIssues(collection: CollectionName, entry: StrapiRecord): ContentIssue[] {
  const mapped: Record<string, unknown> =
    collection === 'caseSummaries' ? toCaseRecord(entry) : toSnapshotEntry(collection, entry);
  const issues: ContentIssue[] = [];
  for (const [field, target] of Object.entries(REQUIRED_RELATIONS[collection] ?? {})) {
    if (mapped[field] === null) {
      issues.push({ entry: '', field, message: `请先选择所属的${COLLECTION_LABELS[target]}，并确认它已发布` });
    }
  }
  const schema = collection === 'caseSummaries' ? caseRecordSchema : COLLECTIONS[collection];
  const parsed = schema.safeParse(mapped);
  if (!parsed.success) {
    const known = new Set(issues.map((i) => i.field));
    issues.push(...issuesOf(collection, parsed.error, mapped).filter((i) => !known.has(i.field)));
  }
  if (collection === 'caseSummaries' && (mapped.consent === null || mapped.consent === undefined)) {
    // zod says "expected object"; say what the law wants.
    const at = issues.findIndex((i) => i.field === 'consent');
    const issue = { entry: '', field: 'consent', message: '发布前须填写当事人（或监护人）的同意记录' };
    if (at >= 0) issues[at] = issue;
    else issues.push(issue);
  }
  if (collection === 'matchingPools') issues.push(...poolIssues(entry, mapped));
  for (const i of lintEntryText(collection, mapped)) {
    issues.push({ ...i, field: toStrapiFieldPath(collection, i.field) });
  }
  return issues;
}

/**
 * A charity's 统一社会信用代码 is checked on every save, drafts included. Returns the normalised code
 * (trimmed, upper case), or throws. Empty is left to the publish check (required).
 */
export function checkCreditCodeOnSave(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = creditCode.safeParse(value);
  if (parsed.success) return parsed.data;
  throw toValidationError(
    'charities',
    [{ entry: '', field: 'creditCode', message: parsed.error.issues[0]?.message ?? '统一社会信用代码无效' }],
    'save',
  );
}

/** Throws when a save names a value outside a choice field's vocabulary (choice-check.ts). */
export function checkChoicesOnSave(collection: CollectionName, modelOf: ModelOf, uid: string, data: unknown): void {
  const issues = choiceIssues(modelOf, uid, data);
  if (issues.length > 0) throw toValidationError(collection, issues, 'save', 'NOT_AN_ALLOWED_VALUE');
}

/**
 * Strapi's ValidationError (HTTP 400) naming each field as the form labels it (`「个案情况」：疑似手机号码……`;
 * `字段 <attribute>` where no view labels it); the attribute paths are in `details.errors[].path`,
 * and `code`, a stable English constant, in `details.code`, for programs to match on.
 */
export function toValidationError(
  collection: CollectionName,
  issues: ContentIssue[],
  phase: 'publish' | 'save' = 'publish',
  code?: string,
): errors.ValidationError {
  const uid = STRAPI_COLLECTIONS[collection].uid;
  const lines = issues
    .slice(0, 10)
    .map((i) =>
      i.field ? `${fieldLabelOf(uid, i.field, strapiModelOf) ?? `字段 ${i.field}`}：${i.message}` : i.message,
    );
  const more = issues.length > 10 ? `；另有 ${issues.length - 10} 处问题` : '';
  const what = phase === 'publish' ? '未通过发布校验' : '无法保存';
  const message = `${COLLECTION_LABELS[collection]}${what}：${lines.join('；')}${more}`;
  return new errors.ValidationError(message, {
    ...(code ? { code } : {}),
    errors: issues.map((i) => ({
      path: i.field ? i.field.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '') : [],
      message: i.message,
      name: 'ValidationError',
      value: null,
    })),
  });
}
