import type { z } from 'zod';
import { type NotProseReason, notProseRegistry } from '../schemas/not-prose.ts';

/**
 * Which strings of a schema are free text, read off the schema itself: every string field is,
 * unless its schema is marked `notProse` (`content/schemas/not-prose.ts`). The PII lint's field
 * list is derived from this, so a field added to a published schema is linted without anyone
 * remembering to list it, and a construct this walk cannot see into fails loudly instead of
 * hiding its strings.
 */
export interface TextField {
  /** Dotted path; `[]` stands for every item of an array (`plan.partners[].name`). */
  path: string;
  /** Why it is not linted, or null for free text. */
  notProse: NotProseReason | null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Schemas that hold no string a person types: numbers, flags, fixed vocabularies. */
const NO_TEXT = new Set(['number', 'int', 'boolean', 'bigint', 'null', 'undefined', 'date', 'nan', 'enum', 'literal']);
/** Wrappers whose strings are their inner schema's. */
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'readonly',
  'catch',
  'success',
]);

function walk(schema: z.core.$ZodType, path: string, inherited: NotProseReason | null, out: TextField[]): void {
  const notProse = inherited ?? notProseRegistry.get(schema as z.ZodType)?.notProse ?? null;
  const def = schema._zod.def;
  if (def.type === 'string' || def.type === 'template_literal') {
    out.push({ path, notProse });
  } else if (def.type === 'object') {
    const { shape, catchall } = def as z.core.$ZodObjectDef;
    if (catchall && catchall._zod.def.type !== 'never' && catchall._zod.def.type !== 'unknown') {
      throw new Error(`${path || '(根)'}：不能判断带 catchall 的对象中哪些字段是自由文本`);
    }
    for (const [key, child] of Object.entries(shape)) walk(child, join(path, key), notProse, out);
  } else if (def.type === 'array') {
    walk((def as z.core.$ZodArrayDef).element, `${path}[]`, notProse, out);
  } else if (WRAPPERS.has(def.type)) {
    walk((def as z.core.$ZodOptionalDef).innerType, path, notProse, out);
  } else if (def.type === 'pipe') {
    walk((def as z.core.$ZodPipeDef).in, path, notProse, out);
    walk((def as z.core.$ZodPipeDef).out, path, notProse, out);
  } else if (def.type === 'union') {
    for (const option of (def as z.core.$ZodUnionDef).options) walk(option, path, notProse, out);
  } else if (def.type === 'intersection') {
    walk((def as z.core.$ZodIntersectionDef).left, path, notProse, out);
    walk((def as z.core.$ZodIntersectionDef).right, path, notProse, out);
  } else if (!NO_TEXT.has(def.type) && def.type !== 'transform') {
    // record, map, tuple, lazy, any, unknown, custom…: strings could hide in there unseen.
    throw new Error(`${path || '(根)'}：不能判断 ${def.type} 类型中哪些字段是自由文本，请改用对象、数组或字符串`);
  }
}

/** Every string field of `schema`, once per path (a union or pipe may name one twice), in schema order. */
export function textFields(schema: z.core.$ZodType): TextField[] {
  const all: TextField[] = [];
  walk(schema, '', null, all);
  const byPath = new Map<string, TextField>();
  for (const f of all) {
    const seen = byPath.get(f.path);
    // Free text wins: if any branch leaves the path unmarked, it is linted.
    if (!seen || (seen.notProse !== null && f.notProse === null)) byPath.set(f.path, f);
  }
  return [...byPath.values()];
}

/** The paths of the free-text fields of `schema`. */
export function freeTextPaths(schema: z.core.$ZodType): string[] {
  return textFields(schema)
    .filter((f) => f.notProse === null)
    .map((f) => f.path);
}
