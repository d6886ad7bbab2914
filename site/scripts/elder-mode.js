// 长辈模式: restores the larger text before first paint and keeps the switch in step. A classic
// (not module) script loaded from <head>, so it still runs before the body is painted; a file and
// not an inline script, so the Content-Security-Policy needs no 'unsafe-inline' for scripts
// (publisher/serve/security-headers.ts).
(() => {
  const d = document.documentElement;
  const k = 'xj-elder';
  const on = () => {
    try {
      return localStorage.getItem(k) === '1';
    } catch {
      return false;
    }
  };
  const sync = () => {
    d.classList.toggle('elder', on());
    const b = document.getElementById('elder-mode');
    if (b) b.checked = d.classList.contains('elder');
  };
  sync();
  document.addEventListener('DOMContentLoaded', sync);
  window.addEventListener('pageshow', sync);
  document.addEventListener('change', (e) => {
    const b = e.target;
    if (b?.id !== 'elder-mode') return;
    d.classList.toggle('elder', b.checked);
    try {
      localStorage.setItem(k, b.checked ? '1' : '0');
    } catch {
      // Private mode: the switch still works for this page.
    }
  });
})();
