import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { type BrowserWorld, CHROMIUM, startBrowserWorld, tabTo } from '../support/browser.ts';

describe.skipIf(CHROMIUM === null)('the school form in a real browser', () => {
  let world: BrowserWorld | null = null;

  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  it('signs the GDTX head in, shows seed 003’s 84 / 94 / level 3, and rescores and autosaves an award typed with the keyboard only', { timeout: 120_000 }, async () => {
    if (!world) throw new Error('not started');
    const { shoot } = world;
    const page = await world.page();

    await page.getByLabel('Tỉnh/thành (mã)').fill('demo');
    await page.getByLabel('Tên đăng nhập hoặc email').fill('gdtx.giamdoc');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The API's own Vietnamese message for a refused sign-in.
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/\S/);
    await page.getByLabel('Mật khẩu').fill('chiso-demo-2025');
    await shoot(page, 'school-form-1-sign-in');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).first().waitFor();
    await shoot(page, 'school-form-2-campaigns');
    await page.getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).first().click();

    const groupPoints = (id: string) => page.locator(`[data-group-points="${id}"]`).textContent();
    await page.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
    expect(await groupPoints('1')).toBe('84');
    expect(await groupPoints('2')).toBe('94');
    expect(await page.locator('[data-overall-level]').textContent()).toMatch(/Mức\s*3/);
    expect(await page.locator('[data-group-level="1"]').textContent()).toMatch(/Mức\s*3/);
    // Every kind of input the set asks for is on screen, with the ratio's computed percentage.
    await expect.poll(() => page.locator('output.percent').first().textContent(), { timeout: 5_000 }).toMatch(/%/);
    await shoot(page, 'school-form-3-form');
    expect(await axeViolations(page)).toEqual([]);

    // 1.6a was awarded 7; awarding 5 drops group 1 to 82 as one types, then autosave stores it. With the
    // keyboard only: Tab from the top of the page reaches the input, whose focus is visible.
    const award = page.locator('#award-1_6a');
    expect(await award.inputValue()).toBe('7');
    await page.evaluate('window.scrollTo(0, 0); document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    await tabTo(page, '#award-1_6a', false, 400);
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    await expect.poll(() => groupPoints('1'), { timeout: 5_000 }).toBe('82');
    expect(await groupPoints('2')).toBe('94');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
    await award.scrollIntoViewIfNeeded();
    await shoot(page, 'school-form-4-award-changed');

    await page.reload();
    await page.locator('[data-group-points="1"]').waitFor();
    expect(await groupPoints('1')).toBe('82');
    expect(await page.locator('#award-1_6a').inputValue()).toBe('5');
  });
});
