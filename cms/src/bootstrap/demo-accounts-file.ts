import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '../lib/content.ts';

/**
 * `<data>/cms/demo-accounts.json`: the demo accounts' generated passwords, where `npm start` tells
 * people to look. Written by the CMS on first start (demo-accounts.ts); read by the tests and
 * journeys that log in as those people.
 */
export const demoAccountsFileSchema = z.object({
  accounts: z.array(
    z.object({
      email: z.string(),
      password: z.string(),
      role: z.enum(['superAdmin', 'charityEditor', 'ministryEditor']),
      /** For charity editors: the slug of the charity they edit. */
      charity: z.string().optional(),
    }),
  ),
});

export type DemoAccount = z.infer<typeof demoAccountsFileSchema>['accounts'][number];

export function demoAccountsPath(dataDir: string): string {
  return join(dataDir, 'cms', 'demo-accounts.json');
}

/** The accounts in the file; none when it does not exist yet. */
export function readDemoAccountsFile(path: string): DemoAccount[] {
  if (!existsSync(path)) return [];
  return demoAccountsFileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).accounts;
}
