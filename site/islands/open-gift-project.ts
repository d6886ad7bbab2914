import type { ProjectName } from './subscription-api.ts';

/**
 * Which project the gift opened on 我的捐赠 (/my/) belongs to, told to the page's subscribe form.
 * The form is its own island hydrated when it scrolls into view (`client:visible`), so it may
 * mount long after the gift opened: the my-gifts island keeps the open project on its root
 * element's data attributes (read on mount) and announces each change with a DOM event.
 */
const EVENT = 'xianjie:open-gift-project';
const ROOT = 'my-gifts';

/** The data attributes the my-gifts root carries for the open gift (none when no gift is open). */
export function openGiftAttributes(project: ProjectName | null): Record<string, string> {
  return project ? { 'data-open-project': project.slug, 'data-open-project-title': project.title } : {};
}

export function announceOpenGiftProject(project: ProjectName | null): void {
  document.dispatchEvent(new CustomEvent<ProjectName | null>(EVENT, { detail: project }));
}

export function currentOpenGiftProject(): ProjectName | null {
  const root = document.getElementById(ROOT);
  const slug = root?.dataset.openProject;
  return slug ? { slug, title: root?.dataset.openProjectTitle ?? '' } : null;
}

/** Calls `listener` with each newly opened (or closed: null) gift's project; returns the unsubscribe. */
export function onOpenGiftProject(listener: (project: ProjectName | null) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<ProjectName | null>).detail);
  document.addEventListener(EVENT, handle);
  return () => document.removeEventListener(EVENT, handle);
}
