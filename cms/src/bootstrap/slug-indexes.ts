import type { Core } from '@strapi/strapi';
import { STRAPI_COLLECTIONS } from '../lib/content.ts';

/**
 * Strapi indexes `document_id` but not `slug`, yet every publish checks that the slug is unique
 * (`uid` attribute: `WHERE slug = ? AND published_at IS NOT NULL`), and the publisher's pull
 * sorts by slug. Without an index both scan the whole table: harmless for the demo, quadratic
 * for an import of 70,000 disclosures (each check reads 140,000 rows). One `(slug,
 * published_at)` index per collection table fixes both.
 *
 * Strapi's schema sync leaves it alone: it drops only indexes it once created itself and no
 * longer declares (the "previous schema" side of its three-way diff), never ones it never tracked.
 */
interface SchemaInspector {
  getIndexes(table: string): Promise<{ name: string }[]>;
}

export const slugIndexName = (table: string) => `${table}_slug_idx`;

/** Creates the missing slug indexes; returns the tables that got one. */
export async function ensureSlugIndexes(strapi: Core.Strapi): Promise<string[]> {
  const inspector = (strapi.db.dialect as unknown as { schemaInspector: SchemaInspector }).schemaInspector;
  const created: string[] = [];
  for (const { uid } of Object.values(STRAPI_COLLECTIONS)) {
    const table = strapi.db.metadata.get(uid).tableName;
    const name = slugIndexName(table);
    const existing = await inspector.getIndexes(table);
    if (existing.some((index) => index.name === name)) continue;
    await strapi.db.getSchemaConnection().alterTable(table, (t) => {
      t.index(['slug', 'published_at'], name);
    });
    created.push(table);
  }
  return created;
}
