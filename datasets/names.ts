import type { Rng } from './random.ts';

/**
 * Word parts for fictional names. Organisation names are composed from a provincial literary
 * prefix, a warm two-character word and a form suffix, so they read as real Chinese charity names
 * without being one; well-known brands (春蕾, 春苗, 希望工程, 壹基金…) are deliberately absent.
 */
export const NAME_WORDS = (
  '暖阳 春晖 同心 善行 仁爱 益路 星光 晨曦 康宁 安心 微光 乐龄 向阳 暖心 相伴 知行 守望 润泽 馨园 厚德 致远 ' +
  '明德 和美 禾苗 青禾 新芽 长青 暖流 携手 同行 互助 聚善 济困 恒善 乐善 德润 慈晖 爱邻 邻里 薪火 望山 沐光 ' +
  '溪流 晴川 山茶 格桑 石榴籽 木棉 映山红 胡杨 雪莲 红柳 白桦 丁香 杜鹃 桂花 合欢 紫荆 金桔 青松 清泉 ' +
  '朝阳 晓光 嘉禾 丰年 安康 福寿 颐年 夕阳红 银龄 童心 稚语 萤火 繁星 远山 小溪 甘霖 春雨 暖冬 拾光 ' +
  '匠心 信达 恒心 善源 爱心桥 连心 知心 同舟 守护 温馨 燕归 归雁 种子 星火'
).split(' ');

export const FOUNDATION_THEMES = ['助老', '助残', '关爱儿童', '助学', '康复', '济困', '公益', '慈善', '乡村发展'];
export const SERVICE_CENTRE_FORMS = [
  '社会工作服务中心',
  '社工服务中心',
  '公益服务中心',
  '助残服务中心',
  '养老服务中心',
  '儿童发展服务中心',
  '社区发展服务中心',
  '康复服务中心',
];
export const ASSOCIATION_FORMS = ['慈善协会', '公益协会', '志愿服务协会', '公益促进会', '慈善促进会', '扶贫济困促进会'];

const SURNAMES = (
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢' +
  '姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
).split('');
const GIVEN = (
  '建国 秀兰 志强 晓燕 海燕 国华 丽萍 振华 卫东 红梅 德明 淑珍 永胜 春燕 立新 文静 明远 思源 雅琴 光辉 ' +
  '玉兰 宏伟 桂英 少华 泽民 惠芳 家乐 子涵 书瑶 伟 敏 静 磊 芳 勇 杰 娟 涛 霞 鹏 琳 斌 蕾 刚 军 玲 浩 婷 欣 ' +
  '晓东 雪梅 德华 春生 秋菊 文华 国庆 建华 丽华 红英 海涛 建平 玉珍 振宇 若溪 一鸣 梓萱 浩然 明轩 佳怡'
).split(' ');

/** A fictional person's name: a surname and one or two given characters. */
export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

/** Surnames for aliases (王奶奶, 小李): one character each. */
export const ALIAS_SURNAMES: readonly string[] = SURNAMES.slice(0, 60);

const ENTERPRISE_INDUSTRIES = [
  '农业科技',
  '食品',
  '建材',
  '医药',
  '物流',
  '电子科技',
  '新能源',
  '乳业',
  '纺织',
  '商贸',
  '文化传媒',
  '生物科技',
  '茶业',
  '智能装备',
  '网络科技',
];
const ENTERPRISE_FORMS = ['有限公司', '股份有限公司', '集团有限公司'];

/** A fictional enterprise: `陇原润泽农业科技有限公司`. */
export function enterpriseName(rng: Rng, prefix: string): string {
  return `${prefix}${rng.pick(NAME_WORDS)}${rng.pick(ENTERPRISE_INDUSTRIES)}${rng.pick(ENTERPRISE_FORMS)}`;
}

export const ROAD_NAMES = (
  '民安路 兴业路 文化路 建设路 和平路 团结路 幸福大道 育才路 康乐街 新华路 长青路 振兴大道 公园路 ' +
  '滨河路 朝阳路 迎宾大道 光明路 人民路 友谊路 解放路 五一路 北环路 南环路 东风路 西苑路'
).split(' ');
/** Mailbox names a charity's office would use. */
export const MAILBOXES = ['office', 'contact', 'info', 'gongyi', 'juanzeng'];
export const BUILDINGS = ['公益园区', '社会组织孵化基地', '综合服务楼', '社会组织服务中心', '志愿服务大楼'];
