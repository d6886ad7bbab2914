import type { Core } from '@strapi/strapi';
import type { RoleKey } from '../bootstrap/roles.ts';
import { applyView } from '../edit-views/apply-views.ts';
import { chinaDay } from '../lib/content.ts';
import { assertReportPermissions } from './report-access.ts';
import {
  ANSWER_FIELDS,
  REPORT_FIELD_HINTS,
  REPORT_FIELD_LABELS,
  REPORT_UID,
  type ReportField,
} from './report-fields.ts';
import { REPORT_CT } from './report-rows.ts';

/**
 * Reports in the admin: Chinese labels, the list's columns (deadline and the overdue flag among
 * them, filterable and sortable), newest first, everything but the answer fields shown read-only;
 * a unique index on the reference (the intake's idempotency holds under concurrent deliveries);
 * and the overdue flag kept current as deadlines pass (hourly, and at each day's start in China).
 */

const LIST_COLUMNS: ReportField[] = [
  'reference',
  'kind',
  'targetTitle',
  'charityName',
  'receivedAt',
  'deadline',
  'handlingStatus',
  'overdue',
];

export async function configureReportAdmin(strapi: Core.Strapi): Promise<void> {
  const editable = new Set<string>(ANSWER_FIELDS);
  const fields = Object.fromEntries(
    Object.entries(REPORT_FIELD_LABELS).map(([field, label]) => [
      field,
      { label, description: REPORT_FIELD_HINTS[field as ReportField], editable: editable.has(field) },
    ]),
  );
  await applyView(
    strapi,
    {
      uid: REPORT_UID,
      mainField: 'reference',
      list: LIST_COLUMNS,
      sort: { by: 'receivedAt', order: 'DESC' },
      fields,
    },
    { filterable: true, searchable: true, bulkable: false },
  );
}

interface SchemaInspector {
  getIndexes(table: string): Promise<{ name: string }[]>;
}

/** Strapi's `unique` is checked by a query before the insert; two deliveries at once pass it both. */
export async function ensureReferenceIndex(strapi: Core.Strapi): Promise<void> {
  const inspector = (strapi.db.dialect as unknown as { schemaInspector: SchemaInspector }).schemaInspector;
  const table = strapi.db.metadata.get(REPORT_UID).tableName;
  const name = `${table}_reference_unique`;
  if ((await inspector.getIndexes(table)).some((index) => index.name === name)) return;
  await strapi.db.getSchemaConnection().alterTable(table, (t) => {
    t.unique(['reference'], { indexName: name });
  });
}

/**
 * Flags reports whose deadline day (China time) is over without an answer. Answered reports got
 * their flag when they were answered (report-answer.ts); only this transition happens with time.
 */
export async function refreshOverdueFlags(strapi: Core.Strapi, now: Date): Promise<number> {
  const result = (await strapi.db.query(REPORT_CT).updateMany({
    where: { overdue: false, answeredAt: { $null: true }, deadline: { $lt: chinaDay(now) } },
    data: { overdue: true },
  })) as { count?: number };
  return result.count ?? 0;
}

export async function scheduleOverdueFlags(strapi: Core.Strapi): Promise<void> {
  await refreshOverdueFlags(strapi, new Date());
  strapi.cron.add({
    'xianjie-report-overdue': {
      task: async () => {
        await refreshOverdueFlags(strapi, new Date());
      },
      // Hourly, at second 30 of minute 0: in China time, so 00:00:30 is one of them.
      options: { rule: '30 0 * * * *', tz: 'Asia/Shanghai' },
    },
  });
}

/** Everything reports need at start-up, after the editor roles are written. */
export async function bootstrapReports(strapi: Core.Strapi, roleIds: Record<RoleKey, number>): Promise<void> {
  await assertReportPermissions(strapi, roleIds);
  await ensureReferenceIndex(strapi);
  await configureReportAdmin(strapi);
  await scheduleOverdueFlags(strapi);
}
