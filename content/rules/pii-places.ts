/**
 * School-and-class and hospital-and-bed: DOMAIN.md §3 forbids both in a story, because together
 * with an age band and a county they point at one child or one patient.
 */
const CN = '[一二三四五六七八九十\\d]{1,3}';
const re = (source: string) => new RegExp(source, 'gu');
/** Name-like characters before 小学/医院: stops at the verbs and particles that lead into a place. */
const NAME = (min: number, max: number) => `[^\\s\\d,，。、；;:：()（）在住于至到从往的和与及是为入读]{${min},${max}}`;

export const SCHOOL_CLASS_PATTERNS = [
  // 三年级二班, 初二(3)班, 高一3班, 七年级（2）班
  re(`(?:${CN}年级|[初高][一二三]|[小初高]中?${CN}年级)[（(]?${CN}[）)]?班`),
  // 岷县第一中学 … 3班 / 阳光小学五(2)班
  re(`${NAME(1, 10)}(?:小学|中学|初中|高中|学校|幼儿园)[（(]?${CN}[）)]?班`),
];

export const HOSPITAL_BED_PATTERNS = [
  // 12床, 3号床, 内科5号病床, 病房302-2床 — a count such as 20张病床 has 张 in between and passes.
  re(`(?:${NAME(0, 8)}(?:医院|病区|病房|科))?\\d{1,4}(?:-\\d{1,3})?\\s*号?病?床(?!位)`),
  // 住院号 12345, 病案号：A123
  re(`(?:住院号|病案号|病历号|床号)[:：\\s]*[A-Za-z]?\\d{2,}`),
];

export interface PlaceSpan {
  start: number;
  end: number;
}

function spans(text: string, patterns: RegExp[]): PlaceSpan[] {
  const out: PlaceSpan[] = [];
  for (const p of patterns) {
    for (const m of text.matchAll(p)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const findSchoolClasses = (text: string): PlaceSpan[] => spans(text, SCHOOL_CLASS_PATTERNS);
export const findHospitalBeds = (text: string): PlaceSpan[] => spans(text, HOSPITAL_BED_PATTERNS);
