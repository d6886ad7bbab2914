import { coreRouter } from '../../../lib/core-api.ts';

export default coreRouter('api::disclosure.disclosure');
