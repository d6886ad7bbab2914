import { Field, TextInput } from '@strapi/design-system';
import { unstable_useContentManagerContext, useFetchClient, useField, useForm } from '@strapi/strapi/admin';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { FieldFrame } from './field-frame.tsx';
import type { CustomFieldInputProps } from './field-props.ts';

/**
 * The slug of a new entry follows its title as the editor types it (the server turns the title
 * into pinyin and makes it unique: src/extensions/content-manager/pinyin-uid.ts); once the editor
 * types into the slug itself, or on an entry that already exists, it is left alone. The
 * 「按标题重新生成」 action asks again at any time.
 */
export default function SlugInput(props: CustomFieldInputProps & { attribute: { targetField?: string } }) {
  const { name, placeholder, disabled, attribute } = props;
  const field = useField<string | null>(name);
  const target = attribute.targetField;
  const title = useForm('SlugInput', (form) => (target ? (form.values as Record<string, unknown>)[target] : undefined));
  const { model, id } = unstable_useContentManagerContext();
  const { post } = useFetchClient();
  const [following, setFollowing] = useState(!id);
  const stillFollowing = useRef(following);
  stillFollowing.current = following;
  const onChange = useRef(field.onChange);
  onChange.current = field.onChange;

  /** Asks the server for the title's slug; an automatic answer that arrives after the editor typed a slug is dropped. */
  const generate = async (text: string, automatic: boolean): Promise<void> => {
    if (!target) return;
    const res = await post<{ data: string }>('/content-manager/uid/generate', {
      contentTypeUID: model,
      field: name,
      data: { [target]: text },
    });
    if (res.data?.data && (!automatic || stillFollowing.current)) onChange.current(name, res.data.data);
  };
  const generated = useRef(generate);
  generated.current = generate;

  useEffect(() => {
    if (!following || typeof title !== 'string' || title.trim() === '') return;
    const timer = setTimeout(() => void generated.current(title, true).catch(() => undefined), 400);
    return () => clearTimeout(timer);
  }, [title, following]);

  return (
    <FieldFrame field={props} error={field.error}>
      <TextInput
        value={field.value ?? ''}
        placeholder={placeholder}
        disabled={disabled}
        autoComplete="off"
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          stillFollowing.current = false;
          setFollowing(false);
          field.onChange(name, e.target.value);
        }}
        endAction={
          target && !disabled ? (
            <Field.Action
              label="按标题重新生成"
              onClick={() => {
                if (typeof title === 'string' && title.trim() !== '') {
                  void generated.current(title, false).catch(() => undefined);
                }
              }}
            >
              <span aria-hidden="true">↻</span>
            </Field.Action>
          ) : undefined
        }
      />
    </FieldFrame>
  );
}
