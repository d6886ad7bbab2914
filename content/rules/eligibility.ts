import { formatDate } from '../contracts/format.ts';
import type { Charity } from '../schemas/charity.ts';
import type { IsoDate } from '../schemas/common.ts';
import type { Project } from '../schemas/project.ts';

/**
 * Whether a project may take donations here (DESIGN.md, Charity Law Art. 22–27): published,
 * assistance-oriented, inside its filed window, with a 备案编号, run by a charity that holds
 * 公开募捐资格 today, and with a merchant that pays the charity directly. Pages, search facets
 * and the donations API all call this one rule, so they can never disagree.
 */
export type EligibilityCode =
  | 'NOT_PUBLISHED'
  | 'NOT_ASSISTANCE'
  | 'PROJECT_CLOSED'
  | 'NO_PLAN'
  | 'NO_FILING_NUMBER'
  | 'BEFORE_WINDOW'
  | 'WINDOW_ENDED'
  | 'NO_PUBLIC_FUNDRAISING'
  | 'NO_MERCHANT'
  | 'CHARITY_MISMATCH';

export interface EligibilityReason {
  code: EligibilityCode;
  message: string;
}

export type DonationEligibility = { eligible: true } | { eligible: false; reasons: EligibilityReason[] };

export interface DonationEligibilityInput {
  project: Project;
  charity: Charity;
  today: IsoDate;
  merchantConfigured: boolean;
  /** Snapshot entries are published, so this defaults to true. */
  published?: boolean;
}

/** Every reason is reported, so an editor fixes them all in one pass. */
export function donationEligibility(input: DonationEligibilityInput): DonationEligibility {
  const { project, charity, today, merchantConfigured, published = true } = input;
  const reasons: EligibilityReason[] = [];
  const add = (code: EligibilityCode, message: string) => reasons.push({ code, message });

  if (project.charity !== charity.slug) {
    add('CHARITY_MISMATCH', `项目所属慈善组织（${project.charity}）与收款慈善组织（${charity.slug}）不一致`);
  }
  if (!published) add('NOT_PUBLISHED', '项目尚未发布');
  if (!project.assistanceOriented) add('NOT_ASSISTANCE', '该项目不属于救助帮扶类项目，本门户不为其接受捐赠');

  // A project that ended or was stopped early takes no money, even inside its filed window.
  if (project.status === 'completed' || project.status === 'terminated') {
    add('PROJECT_CLOSED', `项目${project.status === 'completed' ? '已结项' : '已终止'}，不再接受捐赠`);
  }

  const plan = project.plan;
  if (plan === null) {
    add('NO_PLAN', '项目没有备案的募捐方案，不能公开募捐');
  } else {
    if (!plan.filingNumber?.trim()) add('NO_FILING_NUMBER', '募捐方案尚无备案编号');
    if (today < plan.window.start) add('BEFORE_WINDOW', `募捐期自${formatDate(plan.window.start)}开始，尚未开始`);
    // The end day itself is still inside the window.
    if (today > plan.window.end) add('WINDOW_ENDED', `募捐期已于${formatDate(plan.window.end)}结束`);
  }

  const since = charity.publicFundraisingSince;
  if (since === null) {
    add('NO_PUBLIC_FUNDRAISING', `${charity.name}不具有公开募捐资格`);
  } else if (since > today) {
    add('NO_PUBLIC_FUNDRAISING', `${charity.name}自 ${since} 起才具有公开募捐资格`);
  }

  if (!merchantConfigured) add('NO_MERCHANT', `${charity.name}尚未开通收款商户，暂不能在线捐赠`);

  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}
