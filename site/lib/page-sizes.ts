/**
 * Items per listing page. getStaticPaths is hoisted out of a page's frontmatter, so the sizes
 * live here where both it and the page body can read them.
 */
export const PAGE_SIZES = {
  projects: 20,
  charities: 40,
  typicalCases: 24,
  campaignProjects: 40,
  overdue: 100,
} as const;
