import { z } from 'zod';

/**
 * zod compiles an object schema's parser with `new Function` when the schema is built, after
 * probing whether eval is allowed. Under the portal's Content-Security-Policy (no 'unsafe-eval',
 * publisher/serve/security-headers.ts) the probe is refused and reported as a violation, though
 * zod then parses without it. `jitless` skips the probe; it must be set before any schema is
 * built, so an island that uses zod imports this module first. Interpreted parsing is plenty for
 * one form in a browser.
 */
z.config({ jitless: true });
