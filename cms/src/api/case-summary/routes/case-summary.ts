import { coreRouter } from '../../../lib/core-api.ts';

export default coreRouter('api::case-summary.case-summary');
