import { coreService } from '../../../lib/core-api.ts';

export default coreService('api::matching-pool.matching-pool');
