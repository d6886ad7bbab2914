import type { DonationFormValues, FormField } from '../donation-request.ts';
import { ChoiceGroup } from './choice-group.tsx';
import { FieldError, type ShownError } from './error-message.tsx';
import { WeChatFormGuide } from './wechat-guide.tsx';

/**
 * The monthly questions of the donate form, shown under 单次/每月 (ui/frequency-choice.tsx) when
 * 每月 is chosen and loaded with the flow on the form's first focus, so the project page's
 * up-front script does not carry them: the day of month — 1 to 28, Alipay's monthly rule — and
 * what happens when the project stops accepting gifts.
 */
export interface MonthlyFieldsProps {
  idPrefix: string;
  values: DonationFormValues;
  errors: Partial<Record<FormField, ShownError>>;
  set: (patch: Partial<DonationFormValues>) => void;
}

const DAYS = Array.from({ length: 28 }, (_, i) => String(i + 1));

/** The head of the form once the flow is loaded: the way out of WeChat (shown there only). */
export function FormHead({ idPrefix }: { idPrefix: string }) {
  return <WeChatFormGuide idPrefix={idPrefix} />;
}

export function MonthlyDetails({ idPrefix: id, values, errors, set }: MonthlyFieldsProps) {
  return (
    <div className="field">
      <label htmlFor={`${id}-dayOfMonth`}>每月扣款日</label>
      <select
        id={`${id}-dayOfMonth`}
        name="dayOfMonth"
        aria-describedby={`${id}-dayOfMonth-hint ${id}-dayOfMonth-error`}
        aria-invalid={errors.dayOfMonth ? true : undefined}
        value={values.dayOfMonth ?? ''}
        onChange={(event) => set({ dayOfMonth: event.target.value })}
      >
        <option value="">请选择</option>
        {DAYS.map((d) => (
          <option value={d} key={d}>
            每月 {d} 日
          </option>
        ))}
      </select>
      <p className="hint" id={`${id}-dayOfMonth-hint`}>
        在支付宝开通扣款协议后，每月在这一天（或之前 2
        天内）自动捐出所选金额；随时可在管理链接中修改、暂停或一步取消。每月捐赠暂不能在此申请票据（下面的票据选项不适用），可向收款的慈善组织索取。
      </p>
      <FieldError id={`${id}-dayOfMonth-error`} error={errors.dayOfMonth} />
      <ChoiceGroup
        idPrefix={id}
        name="onProjectEnd"
        legend="项目结束募捐后"
        options={[
          { value: 'continue', label: '转到同一慈善组织的其他项目' },
          { value: 'stop', label: '停止月捐' },
        ]}
        value={values.onProjectEnd ?? 'continue'}
        onChange={(v) => set({ onProjectEnd: v === 'stop' ? 'stop' : 'continue' })}
        invalid={Boolean(errors.onProjectEnd)}
      >
        <FieldError id={`${id}-onProjectEnd-error`} error={errors.onProjectEnd} />
      </ChoiceGroup>
    </div>
  );
}
