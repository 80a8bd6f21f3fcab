import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { CHROMIUM } from '../support/browser.ts';

// The accessibility checks of the browser suites expect no violation; this proves the check can see one.
describe.skipIf(CHROMIUM === null)('the accessibility check itself', () => {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM ?? undefined, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('reports an input without a label and low-contrast text as serious, and a clean page as clean', async () => {
    if (!browser) throw new Error('not started');
    const page = await browser.newPage();
    await page.setContent('<html lang="vi"><head><title>t</title></head><body><main><h1>Tiêu đề</h1><input type="text"><p style="color:#ccc;background:#fff">chữ mờ</p></main></body></html>');
    const found = await axeViolations(page);
    expect(found.map((violation) => violation.id).sort()).toEqual(['color-contrast', 'label']);
    await page.setContent('<html lang="vi"><head><title>t</title></head><body><main><h1>Tiêu đề</h1><label>Tên <input type="text"></label></main></body></html>');
    expect(await axeViolations(page)).toEqual([]);
  });
});
