import { coreRouter } from '../../../lib/core-api.ts';

export default coreRouter('api::typical-case.typical-case');
