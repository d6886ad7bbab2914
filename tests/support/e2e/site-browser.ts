import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../../../bench/harness/browser.ts';
import { type Templates, templateUrls } from './templates.ts';

/**
 * The set-up the browser tests over the e2e site share (donate, csp, islands-phone): the site the
 * global setup serves, one Chromium for the test file — launched before its tests, closed after
 * them — and the URL of one page of each template of the build.
 */
export interface SiteBrowser {
  /** Where the global setup serves the built site and its API routes. */
  readonly baseUrl: string;
  /** Read it inside tests and hooks (it is launched in `beforeAll`). */
  readonly browser: Browser;
  /** Read it inside tests and hooks (found in `beforeAll`). */
  readonly urls: Templates;
}

/** Call at a test file's top level: it registers the file's `beforeAll` and `afterAll`. */
export function siteBrowser(): SiteBrowser {
  let browser: Browser | undefined;
  let urls: Templates | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    urls = await templateUrls(inject('clientDir'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('Chromium and the template URLs are set up in beforeAll');
    return value;
  };
  return {
    baseUrl: inject('baseUrl'),
    get browser() {
      return started(browser);
    },
    get urls() {
      return started(urls);
    },
  };
}
