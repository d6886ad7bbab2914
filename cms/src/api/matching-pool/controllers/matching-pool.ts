import { coreController } from '../../../lib/core-api.ts';

export default coreController('api::matching-pool.matching-pool');
