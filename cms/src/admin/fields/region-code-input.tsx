import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useField, useForm } from '@strapi/strapi/admin';
import { type ChangeEvent, useMemo, useState } from 'react';
import { regionByCode, searchRegions } from '../regions.ts';
import { FieldFrame } from './field-frame.tsx';
import type { CustomFieldInputProps } from './field-props.ts';

/**
 * A region's GB/T 2260 code, picked by typing a place name or code (`岷县`, `6211`): the list
 * shows full names with their level and code, and picking one also fills in the region's full
 * name, province and province code beside it (the fields of the same `shared.region`).
 */
export default function RegionCodeInput(props: CustomFieldInputProps) {
  const { name, placeholder, disabled } = props;
  const field = useField<string | null>(name);
  const setValue = useForm('RegionCodeInput', (form) => form.onChange);
  const [query, setQuery] = useState('');
  const current = regionByCode(field.value);
  const options = useMemo(() => {
    const found = searchRegions(query);
    return current && !found.includes(current) ? [current, ...found] : found;
  }, [query, current]);
  // `regions.0.code` → `regions.0.`: the sibling fields of this region.
  const prefix = name.slice(0, name.lastIndexOf('.') + 1);

  return (
    <FieldFrame field={props} error={field.error}>
      <Combobox
        value={field.value ?? ''}
        placeholder={placeholder || '输入地名或代码搜索，如：岷县'}
        disabled={disabled}
        autocomplete={{ type: 'list', filter: 'contains' }}
        onInputChange={(e: ChangeEvent<HTMLInputElement>) => setQuery(e.currentTarget.value)}
        onClear={() => field.onChange(name, null)}
        noOptionsMessage={() => '没有找到这个地区'}
        onChange={(code?: string) => {
          const region = regionByCode(code);
          if (!region) return;
          field.onChange(name, region.code);
          setValue(`${prefix}name`, region.name);
          setValue(`${prefix}provinceCode`, region.provinceCode);
          setValue(`${prefix}province`, region.province);
          setQuery('');
        }}
      >
        {options.map((r) => (
          <ComboboxOption key={r.code} value={r.code}>
            {`${r.name}（${r.level} ${r.code}）`}
          </ComboboxOption>
        ))}
      </Combobox>
    </FieldFrame>
  );
}
