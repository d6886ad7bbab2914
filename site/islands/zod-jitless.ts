import { config } from 'zod';

/**
 * zod without `new Function`: by default zod 4 probes for eval (a caught `new Function('')`) and
 * compiles fast object parsers with it. Under the pages' Content-Security-Policy (no
 * 'unsafe-eval') the probe is refused and reported as a violation, though zod falls back. Jitless
 * must be set before any schema is built, so donate-flow.ts imports this module first.
 */
config({ jitless: true });
