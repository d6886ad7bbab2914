/** The day the e2e demo snapshot is generated for: every flag on the built pages follows from it. */
export const E2E_AS_OF = '2026-11-27';

/** Debian's Chromium with the flags that run on our machines (STACK.md). Never a downloaded build. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
