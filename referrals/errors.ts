/**
 * A refusal the workbench shows a person: an HTTP status, a stable English `code` for programs and
 * tests, and a Chinese message that says what is allowed.
 */
export class WorkbenchError extends Error {
  override name = 'WorkbenchError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The one answer for "not yours" and "does not exist": nobody learns which it was. */
export const notFound = () => new WorkbenchError(404, 'NOT_FOUND', '找不到该转介记录，或您无权查看');
