import type { Core } from '@strapi/strapi';
import { TEAM_MODERATION_VIEW } from '../teams/team-moderation-view.ts';
import { CHARITY_CONTENT_VIEWS } from './charity-views.ts';
import { MINISTRY_VIEWS } from './ministry-views.ts';
import { SHARED_VIEWS } from './shared-views.ts';
import { isComponentUid, type ModelView } from './view-kit.ts';

/**
 * Writes the views of view-kit.ts into the content-manager's configuration (core store keys
 * `plugin_content_manager_configuration_content_types::<uid>` and `…_components::<uid>`), at
 * every start, after the content-manager has synced it with the schemas. What the views name
 * is set; anything else (a field's width someone changed in "Configure the view", a field added
 * to a schema but not yet to a view) is kept, so a forgotten field is still on the form.
 */

export const ALL_VIEWS: readonly ModelView[] = [
  ...CHARITY_CONTENT_VIEWS,
  ...MINISTRY_VIEWS,
  ...SHARED_VIEWS,
  TEAM_MODERATION_VIEW,
];

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}
type LayoutRow = { name: string; size: number }[];
export interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: LayoutRow[] };
}
interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<CmConfiguration>;
  updateConfiguration(model: { uid: string }, configuration: CmConfiguration): Promise<unknown>;
}

/** `view` over `current`: the configuration the content-manager stores. Pure. */
export function mergeView(view: ModelView, current: CmConfiguration, extraSettings = {}): CmConfiguration {
  const metadatas: Record<string, Metadata> = { ...current.metadatas };
  for (const [name, f] of Object.entries(view.fields)) {
    const meta = metadatas[name];
    if (!meta) throw new Error(`${view.uid} 没有字段 ${name}（src/edit-views 与模型不一致）`);
    metadatas[name] = {
      edit: {
        ...meta.edit,
        label: f.label,
        description: f.description ?? '',
        placeholder: f.placeholder ?? '',
        editable: f.editable ?? true,
        ...(f.mainField ? { mainField: f.mainField } : {}),
      },
      list: { ...meta.list, label: f.label },
    };
  }
  let edit = current.layouts.edit;
  if (view.edit) {
    edit = view.edit.map((row) => row.map(([name, size]) => ({ name, size })));
    const placed = new Set(edit.flat().map((f) => f.name));
    for (const row of current.layouts.edit) {
      const rest = row.filter((f) => !placed.has(f.name));
      if (rest.length > 0) edit.push(rest);
    }
  }
  return {
    settings: {
      ...current.settings,
      mainField: view.mainField,
      ...(view.sort ? { defaultSortBy: view.sort.by, defaultSortOrder: view.sort.order } : {}),
      ...extraSettings,
    },
    metadatas,
    layouts: { ...current.layouts, list: view.list ? [...view.list] : current.layouts.list, edit },
  };
}

export async function applyView(strapi: Core.Strapi, view: ModelView, extraSettings = {}): Promise<void> {
  const kind = isComponentUid(view.uid) ? 'components' : 'content-types';
  const service = strapi.plugin('content-manager').service(kind) as unknown as ConfigurationService;
  const model = kind === 'components' ? strapi.components[view.uid as never] : strapi.contentTypes[view.uid as never];
  if (!model) throw new Error(`没有模型 ${view.uid}（src/edit-views）`);
  const current = await service.findConfiguration(model as { uid: string });
  await service.updateConfiguration(model as { uid: string }, mergeView(view, current, extraSettings));
}

export async function applyEditViews(strapi: Core.Strapi): Promise<void> {
  for (const view of ALL_VIEWS) await applyView(strapi, view);
}
