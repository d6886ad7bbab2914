import { loadEnv } from './env.ts';

export default () => {
  const { secrets } = loadEnv();
  return {
    auth: { secret: secrets.adminJwtSecret },
    apiToken: { salt: secrets.apiTokenSalt },
    transfer: { token: { salt: secrets.transferTokenSalt } },
    secrets: { encryptionKey: secrets.encryptionKey },
    // Never open a browser from a server process.
    autoOpen: false,
    flags: { nps: false, promoteEE: false },
  };
};
