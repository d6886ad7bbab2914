import { mountResult } from './result-page.ts';

/** Entry of the result page's island (site/pages/donations/result.astro). */
const root = document.getElementById('donation-result');
if (root) mountResult(root, window.location.search);
