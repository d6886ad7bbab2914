/** The day the e2e demo snapshot is generated for: every flag on the built pages follows from it. */
export const E2E_AS_OF = '2026-11-27';
