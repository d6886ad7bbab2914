import { Typography } from '@strapi/design-system';
import { customFieldUid } from '../custom-fields/names.ts';
import { choicesOf } from './fields/field-props.ts';
import { formatFenAsYuan } from './money.ts';

/**
 * List-view cells for our custom fields: the content-manager prints a cell's raw value
 * (`progress`, `548800`, `2,026`, `["minors"]`); the `inject-column-in-table` hook lets a header
 * bring its own formatter.
 */

interface Header {
  name: string;
  attribute?: { type: string; customField?: string; enum?: string[]; options?: { labels?: Record<string, string> } };
  cellFormatter?: (row: Record<string, unknown>, header: Header) => unknown;
}

const CHOICE = new Set([customFieldUid('choice'), customFieldUid('codeChoice'), customFieldUid('choices')]);

function formatterFor(header: Header): ((value: unknown) => string) | null {
  const attribute = header.attribute;
  const custom = attribute?.customField;
  if (!attribute || !custom) return null;
  if (custom === customFieldUid('yuan')) return formatFenAsYuan;
  if (custom === customFieldUid('year')) return (v) => (v === null || v === undefined ? '' : String(v));
  if (!CHOICE.has(custom)) return null;
  const labels = new Map(choicesOf(attribute).map((o) => [o.value, o.label]));
  const one = (v: unknown) => (typeof v === 'string' ? (labels.get(v) ?? v) : '');
  return (v) => (Array.isArray(v) ? v.map(one).join('、') : one(v));
}

export function withReadableCells({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) {
  return {
    displayedHeaders: displayedHeaders.map((header) => {
      const format = formatterFor(header);
      if (!format || header.cellFormatter) return header;
      return {
        ...header,
        // Typography as Strapi's own cells use it; `-` for no value, as they show it.
        cellFormatter: (row: Record<string, unknown>) => (
          <Typography textColor="neutral800">{format(row[header.name]) || '-'}</Typography>
        ),
      };
    }),
    layout,
  };
}
