import { boolean, componentType, regionCode, string } from '../../lib/schema-kit.ts';

/** content/schemas/region.ts `regionSchema`: a place by its GB/T 2260 code. */
export default componentType({
  collectionName: 'components_shared_regions',
  displayName: '地区',
  description: '按 GB/T 2260 行政区划代码标识的地区；帮扶案例和救助需求只能到县级',
  attributes: {
    code: regionCode(),
    name: string(60),
    provinceCode: string(6, { regex: '^[1-9]\\d{5}$' }),
    province: string(20),
    keyCounty: boolean(false),
  },
});
