import { coreController } from '../../../lib/core-api.ts';

export default coreController('api::case-summary.case-summary');
