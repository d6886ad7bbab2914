import type { ReactNode } from 'react';
import type { DonationFormValues } from '../donation-request.ts';
import { ChoiceGroup } from './choice-group.tsx';

/**
 * 单次/每月, the donate form's first question. It is part of the up-front form (rendered by the
 * server too, disabled until hydration) because anything that appears above the questions later
 * pushes them down under the donor's finger: when it came with the lazily loaded flow on the
 * form's first focus, a tap on 需要票据 right after choosing an amount could land on the control
 * that had moved into its place. The monthly questions (`MonthlyDetails`, ui/monthly-fields.tsx)
 * still come with the flow: they open below the choice the donor has just made.
 */
export interface FrequencyChoiceProps {
  idPrefix: string;
  values: DonationFormValues;
  set: (patch: Partial<DonationFormValues>) => void;
  /** The monthly questions, or a line saying they are loading. */
  children?: ReactNode;
}

export function FrequencyChoice({ idPrefix, values, set, children }: FrequencyChoiceProps) {
  return (
    <ChoiceGroup
      idPrefix={idPrefix}
      name="frequency"
      legend="捐赠方式"
      options={[
        { value: 'once', label: '单次捐赠' },
        { value: 'monthly', label: '每月捐赠' },
      ]}
      value={values.frequency ?? 'once'}
      onChange={(v) => set({ frequency: v === 'monthly' ? 'monthly' : 'once' })}
    >
      {values.frequency === 'monthly' && children}
    </ChoiceGroup>
  );
}
