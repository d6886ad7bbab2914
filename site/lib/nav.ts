import { paths } from '../../content/paths.ts';

/** The main navigation, in the order a visitor meets the portal's purposes. */
export const NAV_ITEMS = [
  { key: 'home', label: '首页', href: paths.home() },
  { key: 'projects', label: '慈善项目', href: paths.projects() },
  { key: 'needs', label: '需求对接', href: paths.needs() },
  { key: 'charities', label: '慈善组织', href: paths.charities() },
  { key: 'cases', label: '典型案例', href: paths.typicalCases() },
  { key: 'awards', label: '表彰', href: paths.awards() },
  { key: 'campaigns', label: '专题活动', href: paths.campaigns() },
  { key: 'transparency', label: '公开透明', href: paths.transparency() },
  { key: 'data', label: '开放数据', href: paths.openData() },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]['key'];
