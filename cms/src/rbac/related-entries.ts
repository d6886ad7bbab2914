import type { Core } from '@strapi/strapi';
import { type Entity, isPlainObject, type ReadAccess } from './admin-read-access.ts';

/**
 * Every related entry an admin (content-manager) response carries passes the same check as the
 * entry itself (admin-read-access.ts): the role must read the target type, the row must meet the
 * permission's conditions ("own charity"), and only the role's fields of the target stay. An entry
 * that fails is left out (a to-one relation disappears, a to-many list keeps the others) — what
 * Strapi's Content API does with relations to types a token may not read.
 *
 * Applied to the output of the content-manager's permission checker (`sanitizeOutput`), which every
 * document endpoint runs on its way out: lists, the edit view, create/update/publish answers, clone,
 * bulk validation. So it covers `populate` from the query string, the list view's populate of
 * to-one relations and the deep populate of bulk validation alike. Relation counts (`{ count }`,
 * what the edit view gets instead of related entries) stay: they carry no entry.
 *
 * Relations to admin users (`createdBy`, `updatedBy`, charity `editors`) are left as Strapi trims
 * them (id, names, e-mail): whether they appear at all is the field list of the entry that holds
 * them — the root's by Strapi, a related entry's here (`editors` is hidden from every editor role).
 */

type Attribute = { type: string; target?: string; component?: string };
type Model = { attributes: Record<string, Attribute> };

const REMOVE = Symbol('remove');

/** `{ count: 3 }`: what the content-manager populates instead of the related entries. */
const isCount = (value: unknown): boolean =>
  isPlainObject(value) && Object.keys(value).length === 1 && typeof value.count === 'number';

export async function pruneRelatedEntries(
  strapi: Core.Strapi,
  access: ReadAccess,
  uid: string,
  data: unknown,
): Promise<unknown> {
  if (Array.isArray(data)) return Promise.all(data.map((item) => pruneRelatedEntries(strapi, access, uid, item)));
  if (!isPlainObject(data)) return data;

  const related = async (attribute: Attribute, value: unknown): Promise<unknown> => {
    if (isCount(value)) return value;
    const target = attribute.target;
    if (target === 'admin::user') return value;
    if (!target || !access.canReadType(target)) return REMOVE;
    const many = Array.isArray(value);
    const entries = (many ? (value as unknown[]) : [value]).filter(isPlainObject);
    const readable = await access.readableRows(
      target,
      entries.map((entry) => entry.id),
    );
    const kept: Entity[] = [];
    for (const entry of entries) {
      const subject = readable === null ? entry : readable.get(entry.id);
      if (!subject) continue;
      kept.push(await entity(target, await access.sanitizeEntry(target, entry, subject)));
    }
    if (many) return kept;
    return kept[0] ?? REMOVE;
  };

  const entity = async (modelUid: string, value: Entity): Promise<Entity> => {
    const model = strapi.getModel(modelUid as never) as Model | undefined;
    if (!model) return value;
    const out: Entity = { ...value };
    for (const [key, attribute] of Object.entries(model.attributes)) {
      const current = out[key];
      if (current === undefined || current === null) continue;
      if (attribute.type === 'relation') {
        const kept = await related(attribute, current);
        if (kept === REMOVE) delete out[key];
        else out[key] = kept;
      } else if (attribute.type === 'component' && attribute.component) {
        const component = attribute.component;
        out[key] = Array.isArray(current)
          ? await Promise.all(current.map((item) => (isPlainObject(item) ? entity(component, item) : item)))
          : isPlainObject(current)
            ? await entity(component, current)
            : current;
      } else if (attribute.type === 'dynamiczone' && Array.isArray(current)) {
        out[key] = await Promise.all(
          current.map((item) =>
            isPlainObject(item) && typeof item.__component === 'string' ? entity(item.__component, item) : item,
          ),
        );
      }
    }
    return out;
  };

  return entity(uid, data);
}
