import type { Locator, Page } from '@playwright/test';

/**
 * What a person's work on a form costs, counted while Chromium does it: every field filled, every
 * click and every key, priced with the keystroke-level model (Card, Moran & Newell; the operator
 * times below are the model's usual ones), so a journey can state "form work ≤ 2 minutes" for a
 * person rather than for the robot, which is faster.
 *
 * Prose the editor writes anyway (a title, the body, what an expense was for) is composing, not
 * form work: it is counted apart, at the pace of pinyin input (40 汉字 a minute).
 */
const MENTAL_S = 1.35; // M: deciding what the next field wants
const POINT_CLICK_S = 1.1 + 0.2; // P + B: moving to a control and clicking it
const KEY_S = 0.28; // K: an average typist's keystroke
const PROSE_CHARS_PER_S = 40 / 60;

export interface FormWorkSummary {
  fields: number;
  clicks: number;
  keys: number;
  proseChars: number;
  /** Seconds of form work for a person (M per field, P+B per click, K per key). */
  formSeconds: number;
  /** Seconds of composing the prose at 40 字/分. */
  proseSeconds: number;
}

export class FormWork {
  private fields = 0;
  private clicks = 0;
  private keys = 0;
  private proseChars = 0;

  constructor(private readonly page: Page) {}

  /** A click on a control (a button, a select, an option). */
  async click(target: Locator): Promise<void> {
    this.clicks++;
    await target.click();
  }

  /** A field typed into: one click to focus it, then its characters. */
  async type(target: Locator, text: string): Promise<void> {
    this.fields++;
    this.clicks++;
    this.keys += text.length;
    await target.fill(text);
  }

  /**
   * A field typed key by key over what it holds (select all, type, Enter): Strapi's date picker
   * ignores `fill` over an existing value (the form stays unchanged and 保存 stays disabled).
   */
  async retype(target: Locator, text: string): Promise<void> {
    this.fields++;
    this.clicks++;
    this.keys += text.length + 2;
    await target.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Prose typed into a field: the field is form work, the writing is composing. */
  async write(target: Locator, text: string): Promise<void> {
    this.fields++;
    this.clicks++;
    this.proseChars += text.length;
    await target.fill(text);
  }

  /** Prose typed where `fill` cannot reach (the Markdown editor): click, then keys. */
  async writeByKeyboard(target: Locator, text: string): Promise<void> {
    this.fields++;
    this.clicks++;
    this.proseChars += text.length;
    await target.click();
    await this.page.keyboard.type(text);
  }

  /** A select or relation: open it, optionally type to search, pick an option. */
  async pick(combobox: Locator, option: Locator, search?: string): Promise<void> {
    this.fields++;
    this.clicks += 2;
    await combobox.click();
    if (search) {
      this.keys += search.length;
      await this.page.keyboard.type(search);
    }
    await option.click();
  }

  summary(): FormWorkSummary {
    const formSeconds = this.fields * MENTAL_S + this.clicks * POINT_CLICK_S + this.keys * KEY_S;
    return {
      fields: this.fields,
      clicks: this.clicks,
      keys: this.keys,
      proseChars: this.proseChars,
      formSeconds: Math.round(formSeconds),
      proseSeconds: Math.round(this.proseChars / PROSE_CHARS_PER_S),
    };
  }
}
