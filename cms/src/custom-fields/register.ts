import type { Core } from '@strapi/strapi';
import { CUSTOM_FIELDS } from './names.ts';

/**
 * Registers the server half of the CMS's custom fields (the admin half is in
 * src/admin/custom-fields.ts). Must run in `register()`: Strapi swaps `type: 'customField'` for the
 * stored type right after the register phase.
 */
export function registerCustomFields(strapi: Core.Strapi): void {
  strapi.customFields.register(
    Object.values(CUSTOM_FIELDS).map(({ name, type }) => ({
      name,
      type,
      // A JSON field takes a whole row by default; a multi-select of labels fits in half of one.
      ...(type === 'json' ? { inputSize: { default: 6, isResizable: true } } : {}),
    })),
  );
}
