import { loadEnv } from './env.ts';

/** Merged over Strapi's winston defaults (console, pretty print); only the level is ours. */
export default () => ({ level: loadEnv().logLevel });
