import type { Core } from '@strapi/strapi';
import { slugFromTitle } from '../../lib/pinyin-slug.ts';

/**
 * The content-manager's uid service, generating from a Chinese title: Strapi's slugify drops
 * Chinese characters, so `2026年第二季度项目进展` became `2026` (or the type's name for a title
 * with no digits). Everything else — uniqueness (`-1`, `-2` suffixes among drafts), availability
 * checks — stays Strapi's.
 */

interface UidArgs {
  contentTypeUID: string;
  field: string;
  data: Record<string, unknown>;
  locale?: string;
}
interface UidService {
  generateUIDField(args: UidArgs): Promise<string>;
  findUniqueUID(args: { contentTypeUID: string; field: string; value: string; locale?: string }): Promise<string>;
}
type Factory<T> = ((deps: { strapi: Core.Strapi }) => T) | T;

export function withPinyinUids(factory: Factory<unknown>): Factory<UidService> {
  return ({ strapi }: { strapi: Core.Strapi }) => {
    const base = (typeof factory === 'function' ? factory({ strapi }) : factory) as UidService;
    return {
      ...base,
      async generateUIDField(this: UidService, args: UidArgs): Promise<string> {
        const attribute = strapi.contentTypes[args.contentTypeUID as never]?.attributes?.[args.field] as
          | { targetField?: string }
          | undefined;
        const title = attribute?.targetField ? args.data?.[attribute.targetField] : undefined;
        const value = typeof title === 'string' ? slugFromTitle(title) : '';
        if (!value) return base.generateUIDField.call(this, args);
        return this.findUniqueUID({ ...args, value });
      },
    };
  };
}
