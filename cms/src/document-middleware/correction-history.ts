import { createHash } from 'node:crypto';
import type { Core, UID } from '@strapi/strapi';
import {
  CORRECTION_REASON_MIN,
  type CorrectedCollection,
  type CorrectionNote,
  canonicalJson,
  changedFields,
  correctionFieldValues,
  correctionReason,
  describeChangedFields,
  lintPii,
  maskPii,
  STRAPI_COLLECTIONS,
  STRAPI_POPULATE,
  type StrapiRecord,
  todayIso,
  toSnapshotEntry,
} from '../lib/content.ts';
import { toValidationError } from '../lib/validation.ts';

/**
 * 更正说明: a published project or disclosure that is changed is published again only with a
 * correction note (content/schemas/correction.ts), kept in its history; never a silent edit.
 * Called by publish-validation.ts inside the publish's transaction, for every path that
 * publishes (content-manager, Content API, scripts), so a refusal leaves nothing written.
 *
 * - Before a publish, `publishedBaseline` reads what the public sees now: digests of its public
 *   fields and its history.
 * - After it, `recordCorrection` compares the new published version with that baseline
 *   (content/rules/correction-diff.ts). Changed fields without a `correctionReason` → 400 with a
 *   message saying what to do. With one, a note {today, changed fields, reason} is appended to
 *   the history, and the reason cleared, on the draft and the published version alike (with the
 *   component writer Strapi exposes to document middlewares, `updateComponents`). The history
 *   written always starts from the published one, so whatever a draft says about it is ignored.
 * - `keepHistoryOnSave` refuses a save that adds, edits or removes history entries (the edit
 *   view also shows them read-only: correction-attributes.ts).
 * - Unpublishing keeps the digests of the withdrawn version on the draft
 *   (`rememberPublished` + `keepFingerprint`), so publishing it again after an edit still needs a
 *   note; a clone starts with no history (`forgetHistory`).
 */

type Digests = Record<string, string>;

export interface PublishedBaseline {
  digests: Digests;
  history: CorrectionNote[];
}

type Params = { documentId?: string; data?: Record<string, unknown> };

const uidOf = (collection: CorrectedCollection) => STRAPI_COLLECTIONS[collection].uid as UID.ContentType;

/** sha-256 of each field's canonical JSON, shortened (128 bits): a change, not a secret, is what it shows. */
function digestsOf(collection: CorrectedCollection, entry: StrapiRecord): Digests {
  const values = correctionFieldValues(collection, toSnapshotEntry(collection, entry) as Record<string, unknown>);
  return Object.fromEntries(
    Object.entries(values).map(([path, json]) => [
      path,
      createHash('sha256').update(json).digest('base64url').slice(0, 22),
    ]),
  );
}

function isDigests(value: unknown): value is Digests {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value as object).every((v) => typeof v === 'string')
  );
}

function historyOf(collection: CorrectedCollection, entry: StrapiRecord): CorrectionNote[] {
  return (toSnapshotEntry(collection, entry).corrections as CorrectionNote[] | undefined) ?? [];
}

async function findVersion(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  documentId: string,
  status: 'draft' | 'published',
): Promise<StrapiRecord | null> {
  return (await strapi.documents(uidOf(collection)).findOne({
    documentId,
    status,
    populate: STRAPI_POPULATE[collection] as never,
  })) as StrapiRecord | null;
}

/** What the public sees before a publish: null when the document has no published version. */
export async function publishedBaseline(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  documentId: string | undefined,
): Promise<PublishedBaseline | null> {
  if (!documentId) return null;
  const published = await findVersion(strapi, collection, documentId, 'published');
  return published ? { digests: digestsOf(collection, published), history: historyOf(collection, published) } : null;
}

function reasonFor(collection: CorrectedCollection, raw: unknown, changed: readonly string[]): string {
  const what = describeChangedFields(collection, changed);
  const refuse = (code: string, message: string) =>
    toValidationError(collection, [{ entry: '', field: 'correctionReason', message }], 'publish', code);
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw refuse(
      'CORRECTION_REASON_REQUIRED',
      `此内容已公开，修改后再次发布须填写更正说明：请在“更正说明”栏写明改了什么、为什么改（至少 ${CORRECTION_REASON_MIN} 个字），再点“发布”。更正说明会连同修改日期和修改的字段一起公开。本次修改了：${what}`,
    );
  }
  const parsed = correctionReason.safeParse(raw);
  if (!parsed.success) {
    throw refuse(
      'CORRECTION_REASON_INVALID',
      `${parsed.error.issues[0]?.message ?? '更正说明无效'}（本次修改了：${what}）`,
    );
  }
  const found = lintPii(parsed.data);
  if (found.length > 0) {
    const list = found.map((f) => `${f.message}“${maskPii(f.text)}”`).join('、');
    throw refuse('CORRECTION_REASON_INVALID', `更正说明会公开，不能包含个人信息：${list}`);
  }
  return parsed.data;
}

/** Writes the history, the kept digests and the cleared reason to one stored version. */
async function writeVersion(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  id: unknown,
  values: { history?: CorrectionNote[]; fingerprint: Digests | null },
): Promise<void> {
  const uid = uidOf(collection);
  const data: Record<string, unknown> = { correctionReason: null, publishedFingerprint: values.fingerprint };
  if (values.history) {
    const components = await strapi
      .documents(uid)
      .updateComponents({ id: id as number }, { corrections: values.history.map((c) => ({ ...c })) } as never);
    Object.assign(data, components);
  }
  await strapi.db.query(uid).update({ where: { id }, data });
}

/** After a publish (same transaction): records the note, or refuses a change that has none. */
export async function recordCorrection(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  documentId: string,
  baseline: PublishedBaseline | null,
): Promise<void> {
  const published = await findVersion(strapi, collection, documentId, 'published');
  if (!published) return;
  // Without a published version before, the draft may still remember a withdrawn one.
  const kept = published.publishedFingerprint;
  const before = baseline?.digests ?? (isDigests(kept) ? kept : null);
  const history = baseline?.history ?? historyOf(collection, published);
  const changed = before ? changedFields(collection, before, digestsOf(collection, published)) : [];
  const next =
    changed.length === 0
      ? history
      : [
          ...history,
          { date: todayIso(), fields: changed, reason: reasonFor(collection, published.correctionReason, changed) },
        ];

  const rewrite = canonicalJson(historyOf(collection, published)) !== canonicalJson(next);
  if (!rewrite && published.correctionReason == null && kept == null) return;
  const uid = uidOf(collection);
  const draft = (await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: null }, select: ['id'] })) as {
    id: number;
  } | null;
  // The draft first: the content-manager calls an entry "modified" when its draft is newer.
  for (const id of [draft?.id, published.id]) {
    if (id !== undefined)
      await writeVersion(strapi, collection, id, { history: rewrite ? next : undefined, fingerprint: null });
  }
}

/** The history as a save submits it (the edit view sends each entry with its component id). */
function submittedHistory(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (item === null || typeof item !== 'object') return item;
    const r = item as Record<string, unknown>;
    let fields = r.fields;
    if (typeof fields === 'string') {
      try {
        fields = JSON.parse(fields);
      } catch {
        // compared as it is, and so refused
      }
    }
    return { date: r.date, fields, reason: typeof r.reason === 'string' ? r.reason.trim() : r.reason };
  });
}

/**
 * Before a create or update: the history may be sent back unchanged (the edit view does), and is
 * then left out of the write; any other value is refused. The kept digests are never taken from a caller.
 */
export async function keepHistoryOnSave(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  action: 'create' | 'update',
  params: Params,
): Promise<void> {
  const data = params.data;
  if (!data || typeof data !== 'object') return;
  delete data.publishedFingerprint;
  if (!('corrections' in data)) return;
  const draft =
    action === 'update' && params.documentId ? await findVersion(strapi, collection, params.documentId, 'draft') : null;
  const stored = draft ? historyOf(collection, draft) : [];
  if (canonicalJson(submittedHistory(data.corrections)) === canonicalJson(stored)) {
    delete data.corrections;
    return;
  }
  throw toValidationError(
    collection,
    [
      {
        entry: '',
        field: 'corrections',
        message:
          '更正记录由系统在再次发布时生成，不能新增、修改或删除。修改已公开的内容后，请在“更正说明”栏写明改了什么、为什么改，再发布',
      },
    ],
    'save',
    'CORRECTION_HISTORY_READ_ONLY',
  );
}

/** Before an unpublish: the digests of the version being withdrawn (null when none is published). */
export async function rememberPublished(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  documentId: string | undefined,
): Promise<Digests | null> {
  return (await publishedBaseline(strapi, collection, documentId))?.digests ?? null;
}

/** After an unpublish: the draft keeps the withdrawn version's digests until it is published again. */
export async function keepFingerprint(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  documentId: string,
  digests: Digests,
): Promise<void> {
  await strapi.db
    .query(uidOf(collection))
    .updateMany({ where: { documentId, publishedAt: null }, data: { publishedFingerprint: digests } });
}

/** After a clone: the copy is a new entry, with no history and nothing published to compare with. */
export async function forgetHistory(
  strapi: Core.Strapi,
  collection: CorrectedCollection,
  documentId: string,
): Promise<void> {
  const rows = (await strapi.db.query(uidOf(collection)).findMany({ where: { documentId }, select: ['id'] })) as {
    id: number;
  }[];
  for (const row of rows) await writeVersion(strapi, collection, row.id, { history: [], fingerprint: null });
}
