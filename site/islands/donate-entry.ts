import { mountDonate } from './donate-island.ts';
import { mountLiveTotals } from './live-totals.ts';

/**
 * Entry of the giving islands, loaded by an Astro `<script>` on project, needs and campaign pages
 * only: live totals on `#live-totals`, the donate form on an accepting project's `#donate` and on
 * every cause-donation slot.
 */
const totals = document.getElementById('live-totals');
if (totals) mountLiveTotals(totals);

const mounts = document.querySelectorAll<HTMLElement>('#donate[data-accepting="true"], [data-cause-donate]');
mounts.forEach((root, i) => {
  mountDonate(root, `donate${i + 1}`);
});
