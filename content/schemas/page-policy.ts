import { z } from 'zod';

/**
 * The release's page policy: the `script-src` and `style-src` sources Astro put in every page's
 * Content-Security-Policy <meta> (astro.config.mjs `experimental.csp`), recorded by the site build
 * (site/integrations/record-csp.ts) in `site/page-policy.json` of the release, beside `client/`
 * and `server/`. The portal copies them into its policy header (publisher/serve/
 * security-headers.ts), so header and meta allow the same scripts and styles, and a response with
 * no meta (the per-request results page, the sandbox cashier, files) is held to them too.
 *
 * Only sources that cannot widen the policy beyond this origin and the listed hashes are accepted:
 * a record with 'unsafe-inline', a host or a stray `;` is refused as a whole.
 */
export const PAGE_POLICY_FILE = 'page-policy.json';

const source = z
  .string()
  .regex(
    /^(?:'self'|'wasm-unsafe-eval'|'sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}')$/,
    '只允许 self、wasm-unsafe-eval 和哈希',
  );

export const pagePolicySchema = z
  .object({
    scriptSrc: z.array(source).min(1),
    styleSrc: z.array(source).min(1),
  })
  .strict();

export type PagePolicy = z.infer<typeof pagePolicySchema>;

/** The sources of one directive in a policy text (`script-src 'self' …; …`), or null when absent. */
export function directiveSources(policy: string, name: string): string[] | null {
  for (const part of policy.split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive?.toLowerCase() === name) return sources;
  }
  return null;
}
