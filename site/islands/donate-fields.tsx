import type { AmountBounds } from '../../content/contracts/amount-bounds.ts';
import { CHANNEL_LABELS, CHANNELS, PRESETS_FEN } from './donate-options.ts';
import type { DonationFormValues, FormField } from './donation-request.ts';
import { AmountPicker } from './ui/amount-picker.tsx';
import { ChoiceGroup } from './ui/choice-group.tsx';
import { FieldError, type ShownError } from './ui/error-message.tsx';
import { TextField } from './ui/text-field.tsx';

/**
 * The donate form's questions, in order: (for a cause) 帮扶对象, the amount, anonymity or a
 * display name, a receipt request, the payment channel. Every control has a visible label; groups
 * are fieldsets with legends; each error has its place next to its control (`…-error`). The
 * fields a choice reveals (展示名, the receipt's details) stay in the page while hidden, so what
 * was typed is kept when the donor changes their mind twice.
 */
export interface PoolChoice {
  groups: { value: string; label: string }[];
  regionName?: string | undefined;
}

export interface DonateFieldsProps {
  idPrefix: string;
  bounds: AmountBounds;
  pool?: PoolChoice | undefined;
  values: DonationFormValues;
  errors: Partial<Record<FormField, ShownError>>;
  set: (patch: Partial<DonationFormValues>) => void;
}

export function DonateFields({ idPrefix: id, bounds, pool, values, errors, set }: DonateFieldsProps) {
  return (
    <>
      {pool && (
        <div className="field">
          <label htmlFor={`${id}-targetGroup`}>帮扶对象</label>
          <select
            id={`${id}-targetGroup`}
            name="targetGroup"
            aria-describedby={`${id}-targetGroup-hint ${id}-targetGroup-error`}
            aria-invalid={errors.targetGroup ? true : undefined}
            value={values.targetGroup}
            onChange={(event) => set({ targetGroup: event.target.value })}
          >
            <option value="">不限</option>
            {pool.groups.map((g) => (
              <option value={g.value} key={g.value}>
                {g.label}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-targetGroup-hint`}>
            {pool.regionName ? `善款用于${pool.regionName}。` : ''}
            提交后，系统按公开的规则选出一个正在依法募捐的项目，并告诉您选择的理由，您确认后再付款。
          </p>
          <FieldError id={`${id}-targetGroup-error`} error={errors.targetGroup} />
        </div>
      )}
      <AmountPicker
        idPrefix={id}
        presetsFen={PRESETS_FEN}
        bounds={bounds}
        amount={values.amount}
        customYuan={values.customYuan}
        onAmount={(amount) => set({ amount })}
        onCustomYuan={(customYuan) => set({ customYuan })}
        errors={{ amount: errors.amount, customYuan: errors.customYuan }}
      />
      <ChoiceGroup
        idPrefix={id}
        name="anonymous"
        legend="是否公开您的名字"
        options={[
          { value: 'yes', label: '匿名捐赠' },
          { value: 'no', label: '公开展示名' },
        ]}
        value={values.anonymous}
        onChange={(v) => set({ anonymous: v === 'no' ? 'no' : 'yes' })}
        invalid={Boolean(errors.anonymous)}
      >
        <FieldError id={`${id}-anonymous-error`} error={errors.anonymous} />
        <div hidden={values.anonymous !== 'no'}>
          <TextField
            id={`${id}-displayName`}
            name="displayName"
            label="展示名"
            maxLength={20}
            autoComplete="nickname"
            hint="最多 20 个字，会显示在项目的捐赠名单中。请勿填写电话、证件号等个人信息。"
            value={values.displayName}
            onValue={(displayName) => set({ displayName })}
            error={errors.displayName}
          />
        </div>
      </ChoiceGroup>
      <ChoiceGroup
        idPrefix={id}
        name="receipt"
        legend="公益事业捐赠票据"
        options={[
          { value: 'none', label: '不需要票据' },
          { value: 'wanted', label: '需要票据' },
        ]}
        value={values.receipt}
        onChange={(v) => set({ receipt: v === 'wanted' ? 'wanted' : 'none' })}
        invalid={Boolean(errors.receipt)}
      >
        <FieldError id={`${id}-receipt-error`} error={errors.receipt} />
        <div hidden={values.receipt !== 'wanted'}>
          <p className="hint">票据由收款的慈善组织开具。以下信息加密保存，只提供给该组织，不会公开。</p>
          <TextField
            id={`${id}-receiptName`}
            name="receiptName"
            label="票据抬头（个人姓名或单位名称）"
            maxLength={60}
            autoComplete="name"
            value={values.receiptName}
            onValue={(receiptName) => set({ receiptName })}
            error={errors.receiptName}
          />
          <TextField
            id={`${id}-receiptTaxId`}
            name="receiptTaxId"
            label="统一社会信用代码或身份证号码（选填）"
            maxLength={18}
            autoComplete="off"
            spellCheck={false}
            value={values.receiptTaxId}
            onValue={(receiptTaxId) => set({ receiptTaxId })}
            error={errors.receiptTaxId}
          />
          <TextField
            id={`${id}-receiptEmail`}
            name="receiptEmail"
            type="email"
            label="接收电子票据的邮箱（选填）"
            maxLength={254}
            autoComplete="email"
            value={values.receiptEmail}
            onValue={(receiptEmail) => set({ receiptEmail })}
            error={errors.receiptEmail}
          />
        </div>
      </ChoiceGroup>
      <ChoiceGroup
        idPrefix={id}
        name="channel"
        legend="支付方式（支付宝）"
        options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        value={values.channel}
        onChange={(channel) => set({ channel })}
        invalid={Boolean(errors.channel)}
      >
        <FieldError id={`${id}-channel-error`} error={errors.channel} />
      </ChoiceGroup>
    </>
  );
}
