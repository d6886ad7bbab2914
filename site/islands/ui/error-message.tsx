/**
 * Errors as the donate form shows them: the Chinese message next to its control, and the one
 * `role=alert` region of a form that says it again. Each carries the error's stable English code
 * (`data-code`: INVALID_BODY, AMOUNT_OUT_OF_RANGE, RATE_LIMITED, NETWORK …) for support and tests;
 * people read the message, which names what is allowed.
 */
export interface ShownError {
  code: string;
  message: string;
}

/** The message beside a control; `id` is what the control's `aria-describedby` points at. */
export function FieldError({ id, error }: { id: string; error: ShownError | null | undefined }) {
  return (
    <p className="field-error" id={id} data-code={error?.code} hidden={!error}>
      {error?.message ?? ''}
    </p>
  );
}

/**
 * The form's alert region: present and empty from the start (a live region that appears together
 * with its text is often not announced), filled when something must be corrected.
 */
export function AlertRegion({ id, error }: { id: string; error: ShownError | null }) {
  return (
    <div className="donate__alert" id={id} role="alert" data-code={error?.code}>
      {error?.message ?? ''}
    </div>
  );
}
