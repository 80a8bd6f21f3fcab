import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { REPO_ROOT, type RunningProduct, freePort, startProduct } from './product.ts';

// Debian's Chromium (what .ci/run installs), else the headless shell some machines carry; never a download.
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell'].find((path) => existsSync(path)) ?? null;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');
export const ADMIN_TOKEN = 'browser-test-admin-token-0123456789abcdef';
/** The demo province's password for every demo account (services/src/demo). */
export const DEMO_PASSWORD = 'chiso-demo-2025';

if (CHROMIUM === null) console.warn('Bỏ qua kiểm thử trình duyệt: không có Chromium / browser test skipped: no /usr/bin/chromium or /usr/bin/chromium-headless-shell (apt-get install chromium)');

/** A started product with the demo province, the web app built from the sources under test, and a browser. */
export interface BrowserWorld {
  product: RunningProduct;
  browser: Browser;
  /** A fresh page (its own storage: one person), in Vietnamese on a laptop-sized screen unless told. */
  page(options?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  /** Signs a demo account in on the page and waits until the app shows its first screen. */
  signIn(page: Page, login: string, password?: string): Promise<void>;
  /** Saves a screenshot under test-results/screenshots/<name>.png for people to look at. */
  shoot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the web app into a folder of this run's own (so test files running side by side never serve each
 * other's half-written build), starts the product on free ports with a fresh data folder and the demo
 * province, and launches Chromium.
 */
export async function startBrowserWorld(): Promise<BrowserWorld> {
  if (CHROMIUM === null) throw new Error('no Chromium');
  const dataDir = mkdtempSync(join(tmpdir(), 'chiso-browser-'));
  const webDist = join(dataDir, 'web-dist');
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'web', '--outDir', webDist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  // A start that fails half-way leaves nothing behind: no temp folder, no product keeping the caller alive.
  const forget = () => rmSync(dataDir, { recursive: true, force: true });
  if (build.status !== 0) {
    forget();
    throw new Error(`The web build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const product = await startProduct({
    dataDir: join(dataDir, 'data'),
    port: await freePort(),
    dynamoPort: await freePort(),
    env: { DEMO: 'on', SYSTEM_ADMIN_TOKEN: ADMIN_TOKEN, WEB_DIST: webDist },
  }).catch((error: unknown) => {
    forget();
    throw error;
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS }).catch(async (error: unknown) => {
    await product.stop();
    forget();
    throw error;
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    product,
    browser,
    async page(options = {}) {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, locale: options.locale ?? 'vi-VN' });
      const page = await context.newPage();
      await page.goto(product.baseUrl);
      return page;
    },
    async signIn(page, login, password = DEMO_PASSWORD) {
      await page.getByLabel('Tỉnh/thành (mã)').fill('demo');
      await page.getByLabel('Tên đăng nhập hoặc email').fill(login);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).or(page.getByRole('heading', { name: 'Chọn đơn vị làm việc' })).first().waitFor({ timeout: 30_000 });
    },
    shoot: async (page, name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (product.process.exitCode === null) await product.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`: the keyboard alone finds it. */
export async function tabTo(page: Page, selector: string, backwards = false, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A call of the started product's API, as a test's setup makes it; any refusal fails the test with its body. */
export async function apiCall<T>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/api${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
