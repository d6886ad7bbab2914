import { lintPii } from './pii-lint.ts';

/**
 * What a team's public words (name, message, leader's name) may not carry (issue 18): a team page
 * is shared in WeChat under the portal's name, so it may not become a personal fundraising appeal
 * (个人求助 belongs on the platforms the law designates, not in a charity's project), point at a
 * beneficiary, advertise, link elsewhere or carry markup. Checked on the server (POST /api/teams)
 * and in the island before sending. Every refusal has a stable code and says what is allowed.
 */
export type TeamTextProblem = 'html' | 'url' | 'help-request' | 'beneficiary' | 'ad' | 'personal-info';

export const TEAM_TEXT_MESSAGES: Record<TeamTextProblem, string> = {
  html: '不能包含 HTML 标签或代码，请只写文字',
  url: '不能包含网址、链接或二维码信息，分享请用本页的链接',
  'help-request': '一起捐只为慈善项目募捐，不能用于个人求助（如为自己或家人筹医药费）',
  beneficiary: '不能点名或描述具体受助人（姓名、村组、病情等），请介绍项目本身',
  ad: '不能包含广告、推广或联系方式（如加微信、代理、返利）',
  'personal-info': '为保护隐私，不能包含身份证号、手机号、银行卡号、详细地址或真实姓名',
};

const HTML = /<\s*\/?\s*[a-z!?][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});|javascript:/i;
const URL =
  /(?:https?:\/\/|www\.|\b[a-z0-9-]{2,}\s*(?:\.|。|点)\s*(?:com|cn|net|org|top|xyz|vip|cc|io|me|shop|link)\b|t\.cn\/|二维码|扫码加)/i;
const HELP =
  /求助|救救|救命|帮帮我|我(?:家|的孩子|儿子|女儿|父亲|母亲|爸爸?|妈妈?|老公|老婆|爱人)|医药费|手术费|治疗费|筹钱|筹款给|水滴筹|轻松筹|捐给我|转账给|打款到|收款码/;
const BENEFICIARY =
  /受助人|受助对象(?:是|为|叫)|患儿|患者(?:是|叫)|[一二三四五六七八九十\d]+组(?:的)?(?:村民|老人|孩子)|(?:村|屯|组)的?(?:[\u4e00-\u9fa5]{1,2})(?:大爷|大娘|奶奶|爷爷|阿姨|叔叔)|身患|确诊|白血病|癌症晚期/;
const AD =
  /加(?:我)?(?:微信|V|v|薇|qq|QQ)|微信号|vx|VX|wx号|代理|返利|优惠|推广|招商|兼职|赚钱|低价|促销|淘宝|拼多多|抖音号|快手号|直播间|下单/;

export interface TeamTextIssue {
  problem: TeamTextProblem;
  message: string;
}

export function teamTextIssue(text: string): TeamTextIssue | null {
  const checks: [TeamTextProblem, boolean][] = [
    ['html', HTML.test(text)],
    ['url', URL.test(text)],
    // A team's words need no long numbers; any run of 7+ digits may be an ID, phone or card.
    ['personal-info', /\d{7,}/.test(text.replace(/\s/g, '')) || lintPii(text).length > 0],
    ['help-request', HELP.test(text)],
    ['beneficiary', BENEFICIARY.test(text)],
    ['ad', AD.test(text)],
  ];
  const found = checks.find(([, hit]) => hit);
  return found ? { problem: found[0], message: TEAM_TEXT_MESSAGES[found[0]] } : null;
}
