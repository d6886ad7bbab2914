import { createHash } from 'node:crypto';
import type { SafeHtml } from '../../content/contracts/safe-html.ts';

/** The portal's one escaped-HTML template tag (content/contracts/safe-html.ts). */
export { html, raw } from '../../content/contracts/safe-html.ts';
export type Markup = SafeHtml;

/**
 * The workbench's one stylesheet, inline and allowed by its hash (the pages carry no script at
 * all): phone first, large touch targets, and a larger type scale in 长辈模式.
 */
export const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1c1c1c;background:#f6f5f2}
body.large{font-size:20px}
header{background:#7a1f1f;color:#fff;padding:.6em 1em;display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center}
header a,header button{color:#fff}
header .who{font-size:.9em;opacity:.95}
header form{margin:0}
header button{background:none;border:1px solid #fff;border-radius:4px;padding:.25em .7em;font:inherit;cursor:pointer}
main{max-width:60em;margin:0 auto;padding:1em}
h1{font-size:1.4em;margin:.3em 0 .6em}
h2{font-size:1.15em;margin:1.2em 0 .5em;border-bottom:2px solid #e2ddd3;padding-bottom:.2em}
a{color:#0b57a4}
.card{background:#fff;border:1px solid #ddd6c8;border-radius:8px;padding:.8em 1em;margin:.6em 0}
.card.overdue{border:2px solid #b00020;background:#fff3f3}
.badge{display:inline-block;border-radius:4px;padding:0 .45em;font-size:.85em;background:#ece7dc;margin-right:.3em}
.badge.overdue{background:#b00020;color:#fff;font-weight:bold}
.badge.soon{background:#f2c94c}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0}
dt{color:#555}
dd{margin:0;overflow-wrap:anywhere}
label{display:block;margin:.7em 0 .2em;font-weight:600}
label.inline{display:flex;gap:.5em;align-items:flex-start;font-weight:normal;margin:.4em 0}
input[type=text],input[type=password],input[type=date],input[type=number],input[type=search],select,textarea{width:100%;font:inherit;padding:.55em;border:1px solid #8c8577;border-radius:6px;background:#fff}
input[type=checkbox],input[type=radio]{width:1.3em;height:1.3em;margin-top:.2em;flex:none}
textarea{min-height:5em}
fieldset{border:1px solid #ddd6c8;border-radius:8px;margin:1em 0;padding:.5em 1em 1em;background:#fff}
legend{font-weight:bold;padding:0 .3em}
.button,button.primary{display:inline-block;background:#7a1f1f;color:#fff;border:0;border-radius:6px;padding:.7em 1.2em;font:inherit;text-decoration:none;cursor:pointer;min-height:44px;margin:.4em .4em .4em 0}
button.secondary{background:#fff;color:#7a1f1f;border:2px solid #7a1f1f;border-radius:6px;padding:.6em 1.1em;font:inherit;min-height:44px;cursor:pointer}
.error{background:#fff3f3;border-left:4px solid #b00020;padding:.6em 1em;margin:.8em 0}
.notice{background:#eef6ee;border-left:4px solid #2e7d32;padding:.6em 1em;margin:.8em 0}
.hint{color:#555;font-size:.9em;margin:.2em 0}
.row{display:flex;flex-wrap:wrap;gap:.5em;align-items:center}
table{border-collapse:collapse;width:100%;font-size:.9em;background:#fff}
th,td{border-bottom:1px solid #e2ddd3;padding:.35em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
`.trim();

export const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

/** No script anywhere, the one stylesheet by hash, forms only to ourselves, never framed. */
export const WORKBENCH_CSP = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
