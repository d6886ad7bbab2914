import { parseArgs } from 'node:util';
import { createAccount } from '../accounts/accounts.ts';
import { enableTotp } from '../accounts/totp.ts';
import { readReferralsConfig } from '../config.ts';
import { FieldCipher } from '../crypto/field-cipher.ts';
import { generatePassword } from '../crypto/passwords.ts';
import { openWorkbenchDb } from '../db/open-db.ts';
import { WorkbenchError } from '../errors.ts';

/**
 * The administrator's command for workbench accounts:
 *
 *   npx tsx referrals/scripts/create-account.ts --username county.621126 --name 岷县民政局张 \
 *     --role civil-affairs --region 621126
 *   … --role civil-affairs --region 620000        (a province's oversight account)
 *   … --role charity --charity <charity slug>
 *   … --role ministry
 *   … --totp          (a second factor: prints the otpauth:// link once)
 *
 * The password comes from WORKBENCH_PASSWORD (never a command-line argument: those show in `ps`),
 * or is generated and printed once. Same database as the portal (REFERRALS_DATABASE_URL or the
 * SQLite file under the data directory).
 */
const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    region: { type: 'string' },
    charity: { type: 'string' },
    /** Turn on the TOTP second factor and print the otpauth:// link for the authenticator app. */
    totp: { type: 'boolean' },
  },
});
const config = readReferralsConfig();
const wb = await openWorkbenchDb(config.database);
const given = process.env.WORKBENCH_PASSWORD;
const password = given ?? generatePassword();
try {
  const account = await createAccount(wb, {
    username: values.username ?? '',
    displayName: values.name ?? values.username ?? '',
    role: (values.role ?? '') as 'ministry',
    ...(values.region ? { regionCode: values.region } : {}),
    ...(values.charity ? { charitySlug: values.charity } : {}),
    password,
  });
  process.stdout.write(`已创建账号 ${account.username}（${account.role}）\n`);
  if (!given) process.stdout.write(`初始密码（只显示这一次）：${password}\n`);
  if (values.totp) {
    const { uri } = await enableTotp(wb, FieldCipher.fromConfig(config), account.username);
    process.stdout.write(`两步验证已开启。请用验证器应用添加（只显示这一次）：\n${uri}\n`);
  }
} catch (error) {
  if (!(error instanceof WorkbenchError)) throw error;
  process.stderr.write(`未能创建账号：${error.message}\n`);
  process.exitCode = 1;
} finally {
  await wb.close();
}
