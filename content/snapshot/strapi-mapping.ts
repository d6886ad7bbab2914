/**
 * Strapi ↔ content/ mapping, shared by the CMS (publish validation, seed import) and the
 * publisher's pull from Strapi. Pure: no Strapi import, no zod at runtime.
 */
export * from './strapi-mapping-model.ts';
export * from './strapi-mapping-read.ts';
export * from './strapi-mapping-write.ts';
