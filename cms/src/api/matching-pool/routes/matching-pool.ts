import { coreRouter } from '../../../lib/core-api.ts';

export default coreRouter('api::matching-pool.matching-pool');
