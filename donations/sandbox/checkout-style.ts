/**
 * The sandbox cashier's stylesheet, inline in its page (donations/sandbox/checkout-page.ts). The
 * site's Content-Security-Policy allows inline styles only by hash, so astro.config.mjs hashes
 * this exact text into `experimental.csp` and the page must carry it byte for byte.
 */
export const SANDBOX_PAGE_STYLE = `body{font:18px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a}
main{max-width:32rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:8px}
.notice{background:#fff4ce;border:2px solid #8a6d00;padding:.75rem 1rem;font-weight:700;border-radius:6px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#444}dd{margin:0;word-break:break-all}
button,a.button{font:inherit;min-height:44px;padding:.5rem 1.25rem;border-radius:6px;border:2px solid #0b5cad;margin:.25rem .5rem .25rem 0;display:inline-block;text-decoration:none}
button.pay{background:#0b5cad;color:#fff}button.cancel{background:#fff;color:#0b5cad}
input{font:inherit;min-height:44px;padding:.25rem .5rem;border:2px solid #555;border-radius:6px;width:100%;max-width:14rem;box-sizing:border-box}
.hint{color:#444;font-size:.875rem}.error{color:#a4000f;font-weight:700}
`;
