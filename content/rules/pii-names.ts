/**
 * Real names next to the cues that usually give them away (`姓名：张三`, `患者王五`,
 * `张三，身份证…`). A bare name elsewhere in a story cannot be told from ordinary words, so this
 * looks only around cues and errs towards silence: aliases (王奶奶, 小李, 刘叔叔, 张某) and
 * role words (工作人员) pass. Works on text already normalised by `pii-lint.ts`.
 */

/**
 * Common single-character surnames, minus those that are everyday words after a cue (于, 向, 文…).
 * 万 常 康 安 关 包 申 洪 are common too; the words they start after a cue are in NOT_NAMES.
 */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿焦俞柳祝舒阮柯纪梅童凌毕季裴霍涂苗谷盛翁冉骆蓝卓万常康安关包申洪',
);

/**
 * Two-character (复姓) surnames. Left out: those that are ordinary words after a cue (长孙 "eldest
 * grandson", 第五, 百里, 东门, 单于).
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '宇文',
  '司徒',
  '司空',
  '令狐',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '赫连',
  '万俟',
  '钟离',
  '宗政',
  '濮阳',
  '淳于',
  '东郭',
  '拓跋',
  '鲜于',
  '闾丘',
  '公羊',
  '梁丘',
  '左丘',
]);

/** Characters that do not start a given name: particles, prepositions, measure words. */
const NOT_GIVEN_NAME_START = new Set('在了的是和与及或也都已被将把从向对等们个些次位患因于');

/** After a surname these make an alias or a title, not a given name. */
const ALIAS_SUFFIX =
  /^(?:奶奶|爷爷|阿姨|叔叔|大爷|大妈|大娘|大伯|大叔|大哥|大姐|伯伯|婆婆|阿婆|阿公|同学|师傅|老师|女士|先生|同志|医生|大夫|护士|校长|村长|书记|主任|经理|老板|老汉|某|氏|家|姐|哥|妹|弟|叔|姨|伯|婶|嫂|总|老|爸|妈)/;

/** Ordinary words that start with a surname character and often follow 患者/户主/联系人. */
const NOT_NAMES = new Set([
  '康复',
  '高龄',
  '高血',
  '高烧',
  '常年',
  '长期',
  '全家',
  '平时',
  '经济',
  '费用',
  '时间',
  '申请',
  '安全',
  '任何',
  '包括',
  '关系',
  '方面',
  '方式',
  '方案',
  '方便',
  '金额',
  '钱款',
  '孙子',
  '孙女',
  '白天',
  '余下',
  '余额',
  '马上',
  '程度',
  '田地',
  '石头',
  '黄金',
  '叶片',
  '毛病',
  '史上',
  '龙头',
  '齐全',
  '温暖',
  '江边',
  '严重',
  '武汉',
  '汤药',
  '钟点',
  '段时',
  '许多',
  '何时',
  '苏醒',
  '万一',
  '万元',
  '常常',
  '常见',
  '常规',
  '常住',
  '安置',
  '安排',
  '安装',
  '安心',
  '安徽',
  '关节',
  '关爱',
  '关注',
  '关心',
  '关怀',
  '包扎',
  '申报',
  '申领',
  '洪水',
  '洪灾',
  '洪涝',
  '江西',
  '江苏',
  '郑州',
  '石家',
  '沈阳',
  '金华',
  '温州',
  '韩国',
  '周围',
  '周边',
  '周末',
  '周岁',
  '陆续',
  '黄疸',
  '白血',
  '白内',
  '曾经',
  '高龄',
  '石膏',
  '任务',
]);

/** Words that can follow a name and so end it: cues, particles, what a sentence says next. */
const FOLLOWERS = [
  '电话',
  '手机',
  '身份证',
  '联系',
  '性别',
  '年龄',
  '今年',
  '现年',
  '今天',
  '目前',
  '家住',
  '住在',
  '同志',
  '的',
  '是',
  '因',
  '于',
  '在',
  '和',
  '与',
  '及',
  '等',
  '患',
  '说',
  '男',
  '女',
  '确诊',
  '住院',
  '入院',
  '出院',
  '患有',
  '罹患',
  '现在',
  '长期',
  '自幼',
  '从小',
  '一家',
  '家中',
  '一直',
  '已',
  '被',
  '也',
  '都',
];

/** Characters that may stand right before a name inside a sentence (联系了张三，…). */
const BEFORE_NAME = new Set('了给向是为和与及找请叫名由对将把让被帮即');

const AFTER_CUE =
  /(?:姓名|联系人|患者|患儿|病人|户主|受助人|申请人|监护人|收款人|持卡人|开户人|开户名)(?:是|为|叫)?[:：\s]*/g;
const BEFORE_CUE = /[,，、\s:：]*(?:的)?(?:身份证|联系电话|电话|手机)/g;

const isHan = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);

function endsName(n: string, i: number): boolean {
  if (i >= n.length || !isHan(n[i])) return true;
  return FOLLOWERS.some((w) => n.startsWith(w, i));
}

/** Length of the surname starting at `i`: 2 for a compound one, 1 for a single one, 0 for none. */
function surnameAt(n: string, i: number): number {
  if (COMPOUND_SURNAMES.has(n.slice(i, i + 2))) return 2;
  return SURNAMES.has(n[i] as string) ? 1 : 0;
}

/** A surname and one or two characters of given name, not an alias, title or ordinary word. */
function plausibleName(n: string, start: number, length: number): boolean {
  const surname = surnameAt(n, start);
  if (surname === 0 || length - surname < 1 || length - surname > 2) return false;
  for (let i = start; i < start + length; i++) if (!isHan(n[i])) return false;
  if (NOT_GIVEN_NAME_START.has(n[start + surname] as string)) return false;
  if (ALIAS_SUFFIX.test(n.slice(start + surname, start + surname + 3))) return false;
  return !NOT_NAMES.has(n.slice(start, start + 2));
}

/**
 * A name starting at `start` right after a cue: surname plus one or two characters, the shorter
 * when the text ends it there. When neither length ends at a known word (`患者张伟住院`, a verb
 * the lint does not list), the cue still says a person's name starts here: the surname and the
 * first given character are reported, which is enough to refuse the text.
 */
function nameAfter(n: string, start: number): number {
  const surname = surnameAt(n, start);
  if (surname === 0 || !plausibleName(n, start, surname + 1)) return 0;
  if (endsName(n, surname + 1 + start)) return surname + 1;
  if (isHan(n[start + surname + 1]) && endsName(n, start + surname + 2)) return surname + 2;
  return surname + 1;
}

/** A name ending at `end`, right before a cue. */
function nameBefore(n: string, end: number): number {
  for (const length of [4, 3, 2]) {
    const start = end - length;
    if (start < 0 || !plausibleName(n, start, length)) continue;
    const prev = n[start - 1];
    if (start === 0 || !isHan(prev) || BEFORE_NAME.has(prev as string)) return start;
  }
  return -1;
}

export function findNamesNearCues(n: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const m of n.matchAll(AFTER_CUE)) {
    const start = m.index + m[0].length;
    const length = nameAfter(n, start);
    if (length > 0) found.push({ start, end: start + length });
  }
  for (const m of n.matchAll(BEFORE_CUE)) {
    const end = m.index;
    const start = nameBefore(n, end);
    if (start >= 0) found.push({ start, end });
  }
  return found;
}
