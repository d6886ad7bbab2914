/**
 * The one script every page carries, inline in <head> so 长辈模式 is on before first paint (no
 * flash of small text): restores the choice from localStorage, keeps the header switch in step,
 * and stores a change. It also marks `<html class="js">`, so the stylesheet can show what only
 * works with JavaScript (the donate island's questions while it hydrates) and nothing of it when
 * scripts do not run. Plain ES5, no imports.
 *
 * It lives here, not in the layout, because the Content-Security-Policy allows inline scripts only
 * by hash: astro.config.mjs hashes this exact text into `experimental.csp`, so the layout must
 * render it byte for byte (`set:html`).
 */
export const ELDER_MODE_SCRIPT = `(function () {
  var d = document.documentElement, k = 'xj-elder';
  d.classList.add('js');
  function on() { try { return localStorage.getItem(k) === '1'; } catch (e) { return false; } }
  function sync() {
    d.classList.toggle('elder', on());
    var b = document.getElementById('elder-mode');
    if (b) b.checked = d.classList.contains('elder');
  }
  sync();
  document.addEventListener('DOMContentLoaded', sync);
  window.addEventListener('pageshow', sync);
  document.addEventListener('change', function (e) {
    var b = e.target;
    if (!b || b.id !== 'elder-mode') return;
    d.classList.toggle('elder', b.checked);
    try { localStorage.setItem(k, b.checked ? '1' : '0'); } catch (e2) {}
  });
})();`;
