/**
 * Prints a charity's bearer token for its receipt export, generating it the first time:
 * `npx tsx donations/scripts/export-token.ts <charity-slug>`. Hand it to that charity only; it
 * then fetches `GET /api/charities/<slug>/receipt-requests.csv` with `Authorization: Bearer <token>`.
 */
import { readDonationsConfig } from '../config.ts';
import { ExportTokens } from '../secrets.ts';

const slug = process.argv[2] ?? '';
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
  process.stderr.write('用法：npx tsx donations/scripts/export-token.ts <慈善组织标识>\n');
  process.exit(2);
}
const config = readDonationsConfig();
process.stdout.write(`${new ExportTokens(config.exportTokensFile).tokenFor(slug)}\n`);
