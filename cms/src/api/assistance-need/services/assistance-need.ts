import { coreService } from '../../../lib/core-api.ts';

export default coreService('api::assistance-need.assistance-need');
