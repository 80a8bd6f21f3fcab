import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type RunningProduct, freePort, startProduct } from '../support/product.ts';

// Debian's Chromium (what .ci/run installs), else the headless shell some machines carry; never a download.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].find((path) => existsSync(path)) ?? null;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
const ADMIN_TOKEN = 'browser-test-admin-token-0123456789abcdef';

if (CHROMIUM === null) console.warn('Bỏ qua kiểm thử trình duyệt: không có Chromium / browser test skipped: no /usr/bin/chromium or /usr/bin/chromium-headless-shell (apt-get install chromium)');

describe.skipIf(CHROMIUM === null)('the school form in a real browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chiso-browser-'));
  let product: RunningProduct | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    // The product serves web/dist: build it from the sources under test, as the root `npm start` does.
    const build = spawnSync('npm', ['run', 'build', '-w', '@chiso/web'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`The web build failed:\n${build.stdout}\n${build.stderr}`);
    product = await startProduct({ dataDir, port: await freePort(), dynamoPort: await freePort(), env: { DEMO: 'on', SYSTEM_ADMIN_TOKEN: ADMIN_TOKEN } });
    browser = await chromium.launch({ executablePath: CHROMIUM ?? undefined, args: ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (product && product.process.exitCode === null) await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const shoot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

  it('signs the GDTX head in, shows seed 003’s 84 / 94 / level 3, and rescores and autosaves an award live', { timeout: 120_000 }, async () => {
    if (!browser || !product) throw new Error('not started');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await page.goto(product.baseUrl);

    await page.getByLabel('Tỉnh/thành (mã)').fill('demo');
    await page.getByLabel('Tên đăng nhập hoặc email').fill('gdtx.giamdoc');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The API's own Vietnamese message for a refused sign-in.
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/\S/);
    await page.getByLabel('Mật khẩu').fill('chiso-demo-2025');
    await shoot(page, '1-sign-in');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).first().waitFor();
    await shoot(page, '2-campaigns');
    await page.getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).first().click();

    const groupPoints = (id: string) => page.locator(`[data-group-points="${id}"]`).textContent();
    await page.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
    expect(await groupPoints('1')).toBe('84');
    expect(await groupPoints('2')).toBe('94');
    expect(await page.locator('[data-overall-level]').textContent()).toMatch(/Mức\s*3/);
    expect(await page.locator('[data-group-level="1"]').textContent()).toMatch(/Mức\s*3/);
    // Every kind of input the set asks for is on screen, with the ratio's computed percentage.
    await expect.poll(() => page.locator('output.percent').first().textContent(), { timeout: 5_000 }).toMatch(/%/);
    await shoot(page, '3-form');

    // 1.6a was awarded 7; awarding 5 drops group 1 to 82 as one types, then autosave stores it.
    const award = page.locator('#award-1_6a');
    expect(await award.inputValue()).toBe('7');
    await award.fill('5');
    await expect.poll(() => groupPoints('1'), { timeout: 5_000 }).toBe('82');
    expect(await groupPoints('2')).toBe('94');
    await expect.poll(() => page.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
    await award.scrollIntoViewIfNeeded();
    await shoot(page, '4-award-changed');

    await page.reload();
    await page.locator('[data-group-points="1"]').waitFor();
    expect(await groupPoints('1')).toBe('82');
    expect(await page.locator('#award-1_6a').inputValue()).toBe('5');
  });
});
