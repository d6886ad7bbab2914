import { readDonationsConfig } from '../../../donations/config.ts';
import { html, type SafeHtml } from '../html.ts';
import { paths } from '../paths.ts';
import type { ProjectView } from '../site-data.ts';

/**
 * Where giving starts. The donate island (site/islands/donate-island.ts) mounts in
 * `[data-donate-mount]` of `#donate`; the reasons a project does not accept donations come from
 * the same eligibility rule the donations API uses, so the page and the API never disagree.
 * Without JavaScript the slot says so and points to the charity's own contact details.
 */
let bounds: { minFen: number; maxFen: number } | null = null;

/** The amount bounds the API enforces (donations/config.ts), read once per build. */
export function donationBounds(): { minFen: number; maxFen: number } {
  if (!bounds) {
    try {
      bounds = readDonationsConfig().amount;
    } catch {
      // A malformed donations environment is the API's problem to report; the form keeps the
      // documented defaults and the API's own answer still decides.
      bounds = { minFen: 100, maxFen: 5_000_000 };
    }
  }
  return bounds;
}

function noScript(charitySlug: string, charityName: string): SafeHtml {
  return html`<p class="donate__nojs" data-donate-nojs>在线捐赠需要启用浏览器的 JavaScript。也可以按<a href="${paths.charity(charitySlug)}">${charityName}</a>公布的联系方式直接向该组织捐赠。</p>`;
}

export function donateSlotHtml(view: ProjectView): SafeHtml {
  const { eligibility, charity, project } = view;
  const { minFen, maxFen } = donationBounds();
  const body = eligibility.eligible
    ? html`<div class="callout"><p>本项目正在依法公开募捐。善款直接进入${charity.name}的账户，本站不经手资金。</p></div>${noScript(charity.slug, charity.name)}<div data-donate-mount></div>`
    : html`<div class="callout callout--warn"><p><strong>本项目目前不接受捐赠。</strong>原因：</p><ul>${eligibility.reasons.map((r) => html`<li>${r.message}</li>`)}</ul></div>`;
  return html`<section id="donate" aria-labelledby="donate-heading" data-project-slug="${project.slug}" data-accepting="${String(eligibility.eligible)}" data-min-fen="${minFen}" data-max-fen="${maxFen}"><h2 id="donate-heading">捐赠</h2>${body}</section>`;
}

export interface CauseSlotOptions {
  /** Unique on the page (several slots may share one). */
  id: string;
  heading: string;
  intro: string;
  /** 帮扶对象 the donor may choose from (codes and Chinese labels). */
  groups: { value: string; label: string }[];
  /** GB/T 2260 code the money stays in, with its name. */
  region?: { code: string; name: string };
}

/**
 * A cause-donation entry for needs and campaign pages: gives to `{pool:{targetGroup, region}}`;
 * the API routes it to one eligible project and the island shows which one, and why, before
 * anything is paid.
 */
export function causeDonateSlotHtml(o: CauseSlotOptions): SafeHtml {
  const { minFen, maxFen } = donationBounds();
  return html`<section class="section donate-cause" id="${o.id}" aria-labelledby="${o.id}-heading" data-cause-donate data-groups="${JSON.stringify(o.groups)}"${o.region ? html` data-region="${o.region.code}" data-region-name="${o.region.name}"` : ''} data-min-fen="${minFen}" data-max-fen="${maxFen}"><h2 id="${o.id}-heading">${o.heading}</h2><p>${o.intro}</p><p class="donate__nojs" data-donate-nojs>在线捐赠需要启用浏览器的 JavaScript。也可以打开下面列出的项目，按其慈善组织公布的联系方式捐赠。</p><div data-donate-mount></div></section>`;
}
