/**
 * What the generator knows about each province: a literary prefix for composing fictional charity
 * names (陇原, 黔山…), the landline area code of its capital (for an organisation's office
 * number), where it lies (east/central/west: western counties get more projects, as 民发〔2023〕46号
 * (四) asks). What is true of a place's landscape lives in region-facts.ts, not here.
 */
export type Tier = 'east' | 'central' | 'west';

export interface ProvinceMeta {
  prefixes: readonly string[];
  areaCode: string;
  tier: Tier;
}

const m = (prefixes: string, areaCode: string, tier: Tier): ProvinceMeta => ({
  prefixes: prefixes.split(' '),
  areaCode,
  tier,
});

export const PROVINCE_META: Record<string, ProvinceMeta> = {
  '11': m('京华 燕京', '010', 'east'),
  '12': m('津沽 海河', '022', 'east'),
  '13': m('燕赵 冀中', '0311', 'east'),
  '14': m('三晋 汾河', '0351', 'central'),
  '15': m('草原 北疆', '0471', 'west'),
  '21': m('辽河 沈水', '024', 'east'),
  '22': m('长白 松江', '0431', 'east'),
  '23': m('龙江 北国', '0451', 'east'),
  '31': m('申城 浦江', '021', 'east'),
  '32': m('江南 吴越', '025', 'east'),
  '33': m('之江 钱塘', '0571', 'east'),
  '34': m('江淮 皖山', '0551', 'central'),
  '35': m('八闽 闽山', '0591', 'east'),
  '36': m('赣鄱 赣南', '0791', 'central'),
  '37': m('齐鲁 泰山', '0531', 'east'),
  '41': m('中原 河洛', '0371', 'central'),
  '42': m('荆楚 江汉', '027', 'central'),
  '43': m('湘江 潇湘', '0731', 'central'),
  '44': m('岭南 南粤', '020', 'east'),
  '45': m('八桂 桂山', '0771', 'west'),
  '46': m('琼州 椰风', '0898', 'east'),
  '50': m('巴渝 山城', '023', 'west'),
  '51': m('巴蜀 天府', '028', 'west'),
  '52': m('黔山 黔岭', '0851', 'west'),
  '53': m('彩云 滇山', '0871', 'west'),
  '54': m('雪域 高原', '0891', 'west'),
  '61': m('三秦 秦岭', '029', 'west'),
  '62': m('陇原 河西', '0931', 'west'),
  '63': m('青海湖 江源', '0971', 'west'),
  '64': m('塞上 六盘', '0951', 'west'),
  '65': m('天山 昆仑', '0991', 'west'),
};

/**
 * 国家乡村振兴重点帮扶县 — DEMO FLAGS ONLY. A hand-picked set of real central/western counties
 * that are, or are close to, the 160 counties on the national list; approximate on purpose and
 * never to be read as the official list. Keys are `<2-digit province>:<county name>`.
 */
const KEY_COUNTY_NAMES: Record<string, string> = {
  '62': '岷县 漳县 通渭县 渭源县 东乡族自治县 积石山保安族东乡族撒拉族自治县 临潭县 宕昌县 礼县 西和县 舟曲县 静宁县 会宁县',
  '52': '威宁彝族回族苗族自治县 纳雍县 赫章县 从江县 榕江县 望谟县 紫云苗族布依族自治县 晴隆县 沿河土家族自治县 册亨县',
  '53': '镇雄县 会泽县 澜沧拉祜族自治县 福贡县 兰坪白族普米族自治县 屏边苗族自治县 彝良县 宁蒗彝族自治县 广南县 元阳县',
  '51': '昭觉县 布拖县 美姑县 金阳县 越西县 喜德县 普格县 盐源县 甘洛县',
  '64': '西吉县 海原县 同心县 红寺堡区 原州区 泾源县',
  '63': '囊谦县 杂多县 达日县 玛多县 治多县 甘德县',
  '65': '叶城县 莎车县 疏附县 墨玉县 皮山县 于田县 洛浦县 伽师县 策勒县',
  '45': '三江侗族自治县 融水苗族自治县 都安瑶族自治县 大化瑶族自治县 隆林各族自治县 乐业县 罗城仫佬族自治县 环江毛南族自治县',
  '61': '紫阳县 岚皋县 镇巴县 商南县 山阳县 丹凤县',
  '43': '泸溪县 保靖县 古丈县 花垣县 永顺县 龙山县 城步苗族自治县',
  '50': '城口县 巫溪县 酉阳土家族苗族自治县 彭水苗族土家族自治县',
  '15': '四子王旗 察哈尔右翼中旗',
  '14': '岢岚县 静乐县',
};

export const KEY_COUNTIES: ReadonlySet<string> = new Set(
  Object.entries(KEY_COUNTY_NAMES).flatMap(([p, names]) => names.split(' ').map((n) => `${p}:${n}`)),
);
