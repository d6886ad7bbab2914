import { describe, expect, it } from 'vitest';
import { REGIONS, regionByCode, searchRegions } from '../../../../../cms/src/admin/regions.ts';
import { countySchema, regionLevelOf, regionSchema } from '../../../../../content/index.ts';

describe('管理后台的地区选择（GB/T 2260）', () => {
  it('每个可选地区都符合 content/ 的地区规则，县级的符合县级规则', () => {
    expect(REGIONS.length).toBeGreaterThan(3000);
    for (const r of REGIONS) {
      const region = {
        code: r.code,
        name: r.name,
        provinceCode: r.provinceCode,
        province: r.province,
        keyCounty: false,
      };
      expect(regionSchema.safeParse(region).success, r.code).toBe(true);
      expect(r.level === '县级', r.code).toBe(regionLevelOf(r.code) === 'county');
      if (r.level === '县级') expect(countySchema.safeParse(region).success, r.code).toBe(true);
    }
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(REGIONS.length);
  });

  it('按地名或代码找到，县排在前面，并给出全称和省份', () => {
    expect(searchRegions('岷县')[0]).toMatchObject({
      code: '621126',
      name: '甘肃省定西市岷县',
      province: '甘肃省',
      provinceCode: '620000',
      level: '县级',
    });
    expect(searchRegions('定西 岷').map((r) => r.code)).toContain('621126');
    expect(searchRegions('6211').every((r) => r.code.startsWith('6211'))).toBe(true);
    expect(searchRegions('北京市')[0]?.code).toBe('110000');
    expect(regionByCode('440300')?.name).toBe('广东省深圳市');
    expect(regionByCode('110101')?.name).toBe('北京市东城区');
  });
});
