import type { ReactNode } from 'react';

/**
 * A labelled radio group: a fieldset whose legend names the question, one `label.choice` per
 * option (the whole box is the target, 60 px in 长辈模式). Native radios, so arrow keys move and
 * choose within the group and Tab leaves it, as screen-reader users expect.
 */
export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChoiceGroupProps {
  /** Prefix of every id in the form. */
  idPrefix: string;
  name: string;
  legend: string;
  options: readonly ChoiceOption[];
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  /** Inputs and errors that belong to the question (shown under the choices). */
  children?: ReactNode;
}

export function ChoiceGroup({ idPrefix, name, legend, options, value, onChange, invalid, children }: ChoiceGroupProps) {
  return (
    <fieldset className="choices" id={`${idPrefix}-${name}`}>
      <legend>{legend}</legend>
      <div className="choices__row">
        {options.map((o) => {
          const id = `${idPrefix}-${name}-${o.value}`;
          return (
            <label className="choice" htmlFor={id} key={o.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-invalid={invalid ? true : undefined}
              />{' '}
              <span>{o.label}</span>
            </label>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
