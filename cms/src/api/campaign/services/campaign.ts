import { coreService } from '../../../lib/core-api.ts';

export default coreService('api::campaign.campaign');
