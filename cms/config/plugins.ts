import { loadEnv } from './env.ts';

export default () => {
  const { secrets } = loadEnv();
  return {
    'users-permissions': { config: { jwtSecret: secrets.jwtSecret } },
  };
};
