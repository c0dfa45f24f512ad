/**
 * Driving the VS Code workbench in the browser as a user does: keyboard
 * shortcuts, Quick Open, Go to Line, the Problems panel, hovers. Every wait
 * is a retry loop on what the page shows, with a generous deadline; nothing
 * sleeps for a fixed time to let something happen.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './codeServer';

/** Monaco renders spaces as U+00A0; read text as a user reads it. */
export function visible(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** Retries `probe` until it returns a value (not undefined/false), or fails with the last reason. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60000): Promise<T> {
  const start = Date.now();
  const deadline = start + timeoutMs;
  let last: unknown;
  for (let delay = 100, tries = 1; ; delay = Math.min(delay * 2, 1000), tries++) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) {
        // Slow waits are reported (never asserted), to show where a run spends its time.
        if (Date.now() - start > 10000 && process.env.BD_EDITOR_VERBOSE) console.log(`      (${tries} tries, ${Math.round((Date.now() - start) / 1000)} s: ${what}${last ? `; last: ${String(last).split('\n')[0]}` : ''})`);
        return v as T;
      }
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, delay));
  }
}

export class Workbench {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120000 });
    // The explorer shows the folder once the remote file system answers.
    await until('the explorer', async () => (await this.page.locator('.explorer-folders-view .monaco-list-row').count()) > 0, 120000);
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P), by name. */
  async open(name: string): Promise<void> {
    await until(`${name} to open`, async () => {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+P');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(name);
      // Enter opens the focused row: wait until the list has caught up with the typing.
      const row = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first();
      await row.waitFor({ state: 'visible', timeout: 5000 });
      await this.page.keyboard.press('Enter');
      return until(`${name} tab`, async () => (await this.activeTab()) === name, 5000);
    });
    await this.editor().waitFor({ state: 'visible' });
  }

  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  async activeTab(): Promise<string> {
    const t = this.page.locator('.editor-group-container.active .tab.active').first();
    return (await t.getAttribute('data-resource-name', { timeout: 2000 })) ?? '';
  }

  async statusText(id: string): Promise<string> {
    // Icons (codicons) break lines in innerText; read it as one line.
    return visible((await this.page.locator(`[id="${id}"]`).first().innerText({ timeout: 2000 })) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The tooltip of a status bar item (by its element id), as its hover shows it, once it contains `text`. */
  async statusTooltip(id: string, text: string | RegExp): Promise<string> {
    return until(`the tooltip of ${id} with ${String(text)}`, async () => {
      // Away and back: a hover already shown is not shown again while the mouse stays.
      await this.page.mouse.move(640, 300);
      await this.page.locator(`[id="${id}"]`).first().hover({ timeout: 2000 });
      const hover = this.page.locator('.workbench-hover, .monaco-hover:not(.hidden)').first();
      await hover.waitFor({ state: 'visible', timeout: 4000 });
      const got = visible(await hover.innerText()).replace(/\s+/g, ' ').trim();
      return (typeof text === 'string' ? got.includes(text) : text.test(got)) ? got : undefined;
    });
  }

  /** The cursor as the status bar shows it (1-based). */
  async cursor(): Promise<{ line: number; column: number }> {
    const m = /Ln (\d+), Col (\d+)/.exec(await this.statusText('status.editor.selection'));
    if (!m) throw new Error('no cursor position in the status bar');
    return { line: Number(m[1]), column: Number(m[2]) };
  }

  /** Go to Line (Ctrl+G) with a 1-based line and column. */
  async goTo(line: number, column: number): Promise<void> {
    await until(`the cursor at ${line}:${column}`, async () => {
      await this.page.keyboard.press('Escape');
      // Quick Open with a leading ':' is Go to Line (what Ctrl+G opens).
      await this.page.keyboard.press('Control+P');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`:${line}:${column}`);
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: `${line}` }).first().waitFor({ state: 'visible', timeout: 5000 });
      await this.page.keyboard.press('Enter');
      return until('the cursor', async () => {
        const c = await this.cursor();
        return c.line === line && c.column === column;
      }, 3000);
    });
  }

  /** Runs a command from the Command Palette (F1) by its title. */
  async command(title: string): Promise<void> {
    await until(`command ${title}`, async () => {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`);
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ state: 'visible', timeout: 5000 });
      await row.click();
      return true;
    });
  }

  /** The text of the rendered editor lines (only what is on screen), as a user reads it. */
  async editorText(): Promise<string> {
    return visible((await this.editor().locator('.view-lines').innerText()) ?? '');
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) until it contains `text`; returns its text. */
  async hoverAtCursor(text: string | RegExp): Promise<string> {
    return until(`a hover with ${String(text)}`, async () => {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
      await hover.waitFor({ state: 'visible', timeout: 4000 });
      const got = visible(await hover.innerText());
      if (!(typeof text === 'string' ? got.includes(text) : text.test(got))) return undefined;
      // Fully faded in, so a screenshot shows it as a user sees it.
      const opaque = await this.page.locator('.monaco-hover:not(.hidden)').first().evaluate((e) => (globalThis as any).getComputedStyle(e).opacity === '1');
      return opaque ? got : undefined;
    });
  }

  /**
   * Every notification in the notification center, as text. The center draws only the rows that fit (the newest
   * first): it is scrolled until each row of the list (`aria-posinset` of `aria-setsize`) has been read.
   */
  async notifications(): Promise<string[]> {
    const center = this.page.locator('.notifications-center');
    if (!(await center.isVisible())) await this.command('Notifications: Show Notifications');
    await center.waitFor({ state: 'visible', timeout: 5000 });
    // An empty center says so, with no list.
    const list = center.locator('.notifications-list-container');
    if (!(await list.isVisible())) return [];
    const box = await list.boundingBox();
    if (!box) throw new Error('the notification center has no size');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const drawn = () => center.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => ({
      at: Number(e.getAttribute('aria-posinset')), of: Number(e.getAttribute('aria-setsize')), text: (e as any).innerText as string,
    })));
    // From the top (the list may have been scrolled before), then down until every row has been drawn.
    await until('the top of the notifications', async () => {
      await this.page.mouse.wheel(0, -100000);
      const now = await drawn();
      return now.length === 0 || now.some((r) => r.at === 1);
    });
    const rows = new Map<number, string>();
    return until('every notification read', async () => {
      const now = await drawn();
      for (const r of now) rows.set(r.at, visible(r.text).replace(/\s+/g, ' ').trim());
      if (!now.length) return [];
      if (rows.size >= now[0].of) return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
      await this.page.mouse.wheel(0, box.height / 3);
      return undefined;
    }, 30000);
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M), types `filter` into its filter
   * box (the list shows only the rows on screen), and returns the rows' text
   * once `want` holds.
   */
  async problems(filter: string, want: (rows: string[]) => boolean): Promise<string[]> {
    return until(`Problems panel rows for "${filter}"`, async () => {
      if (!(await this.page.locator('.markers-panel').isVisible())) await this.page.keyboard.press('Control+Shift+M');
      const box = this.page.getByPlaceholder(/^Filter \(e\.g\./).first();
      if ((await box.inputValue({ timeout: 2000 })) !== filter) await box.fill(filter);
      const rows = (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(visible);
      return want(rows) ? rows : undefined;
    }, 90000);
  }
}

/** A headless Chromium on `url` (a code-server page) with the workbench loaded, as each suite's `before` opens it. */
export async function openWorkbench(url: string): Promise<{ browser: Browser; page: Page; wb: Workbench }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  const wb = new Workbench(page);
  await wb.ready();
  return { browser, page, wb };
}
