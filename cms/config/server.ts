import { loadEnv } from './env.ts';

export default () => {
  const env = loadEnv();
  return {
    host: env.host,
    port: env.port,
    app: { keys: env.secrets.appKeys },
    // No internet on our machines: no update check, no telemetry ping.
    logger: { updates: { enabled: false }, startup: { enabled: true } },
    webhooks: { populateRelations: false },
  };
};
