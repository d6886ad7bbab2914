import { COVER_CONSENT_LABEL } from '../lib/content.ts';
import { type FieldView, field, type ModelView } from './view-kit.ts';

/** Components used by several types: a region, a date range, a correction note. */

export const REGION_VIEW: ModelView = {
  uid: 'shared.region',
  mainField: 'name',
  edit: [
    [
      ['code', 6],
      ['name', 6],
    ],
    [
      ['province', 4],
      ['provinceCode', 4],
      ['keyCounty', 4],
    ],
  ],
  fields: {
    code: field(
      '地区',
      '输入地名或代码，从 GB/T 2260 行政区划中选择（省、地市或县级）；右边的全称和省份随之填好',
      '输入地名或代码搜索，如：岷县',
    ),
    name: { label: '地区全称', description: '选择地区后自动填写', editable: false },
    provinceCode: { label: '省级代码', description: '选择地区后自动填写', editable: false },
    province: { label: '省份', description: '选择地区后自动填写', editable: false },
    keyCounty: field('国家乡村振兴重点帮扶县', '只有县级地区可以勾选'),
  },
};

export const DATE_WINDOW_VIEW: ModelView = {
  uid: 'shared.date-window',
  mainField: 'start',
  edit: [
    [
      ['start', 6],
      ['end', 6],
    ],
  ],
  fields: {
    start: field('开始日期'),
    end: field('结束日期', '含当天'),
  },
};

export const CORRECTION_VIEW: ModelView = {
  uid: 'shared.correction',
  // A collapsed entry shows its reason (the default would be an empty title: no `string` field).
  mainField: 'reason',
  fields: {
    date: { label: '更正日期', editable: false },
    fields: { label: '修改的字段', description: '发布时比较新旧版本得出', editable: false },
    reason: { label: '更正原因', editable: false },
  },
};

/** 更正说明 and 更正记录 on projects and disclosures (src/lib/correction-attributes.ts). */
export const CORRECTION_FIELDS: Readonly<Record<string, FieldView>> = {
  correctionReason: field(
    '更正说明（修改已公开的内容后必填）',
    '已公开的内容修改后再次发布时，写明改了什么、为什么改；发布后会连同修改日期和修改的字段一起公开，并清空本栏',
    '例如：原公开的一笔支出日期录入有误，已按原始票据更正。',
  ),
  corrections: {
    label: '更正记录（系统生成，不可修改）',
    description: '每次修改已公开的内容后再次发布时自动追加，在网站上公开',
    editable: false,
  },
};

/** Help text of the `cover` field on projects and typical cases. */
export const COVER_HELP = `可选。添加后须填写图片说明并勾选“${COVER_CONSENT_LABEL}”才能发布`;

export const COVER_IMAGE_VIEW: ModelView = {
  uid: 'shared.cover-image',
  mainField: 'alt',
  edit: [[['image', 12]], [['alt', 12]], [['noIdentifiableBeneficiary', 12]]],
  fields: {
    image: field('图片', '从媒体库上传或选择一张图片；网站按屏幕宽度选用媒体库生成的各尺寸'),
    alt: field(
      '图片说明（替代文字）',
      '看不到图片的读者（读屏软件）听到的文字：说明图片里有什么，120 字以内',
      '例如：志愿者在村卫生室为老人测量血压',
    ),
    noIdentifiableBeneficiary: field(
      COVER_CONSENT_LABEL,
      '发布前必须勾选：图片不得出现能认出受助人的面部、姓名、门牌或证件，不得出现未成年人面部',
    ),
  },
};

export const SHARED_VIEWS: readonly ModelView[] = [REGION_VIEW, DATE_WINDOW_VIEW, CORRECTION_VIEW, COVER_IMAGE_VIEW];
