import { componentType, date } from '../../lib/schema-kit.ts';

/** content/schemas/common.ts `dateRange`. */
export default componentType({
  collectionName: 'components_shared_date_windows',
  displayName: '起止日期',
  description: '开始与结束日期（含）',
  attributes: {
    start: date(),
    end: date(),
  },
});
