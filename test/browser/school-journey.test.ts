import type { Field } from '@chiso/criteria';
import { national4725, seed003Example } from '@chiso/criteria/sets';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { type BrowserWorld, CHROMIUM, startBrowserWorld } from '../support/browser.ts';

/**
 * A lower-secondary school's head (blank 4725 submission in the demo campaign) fills seed 003 through the
 * UI, edits offline, meets a conflict, uploads and downloads evidence, and submits.
 */
const HEAD = 'thcs.doithong.hieutruong';
const fields = national4725.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.flatMap((i) => i.fields)));
const awardIds = Object.keys(seed003Example.awards);
const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** Answers one field the way a person does: clicks, chooses, types, each part under its visible label. */
async function answer(page: Page, field: Field, value: unknown): Promise<void> {
  const box = page.locator(`[data-field="${field.id}"]`);
  await box.waitFor({ timeout: 10_000 });
  const part = (label: string) => box.getByLabel(label, { exact: true });
  switch (field.kind) {
    case 'boolean':
      await part(value === true ? 'Có' : 'Không').check();
      return;
    case 'choice':
      await box.getByRole('combobox').selectOption(str(value));
      return;
    case 'multichoice':
      for (const option of field.options) if (Array.isArray(value) && value.includes(option.value)) await part(option.label.vi).check();
      return;
    case 'ratio':
      if (!isRecord(value)) throw new Error(field.id);
      await part(field.numeratorLabel.vi).fill(str(value.numerator));
      await part(field.denominatorLabel.vi).fill(str(value.denominator));
      return;
    case 'document':
      if (!isRecord(value)) throw new Error(field.id);
      await part('Số văn bản').fill(str(value.number));
      await part('Ngày ban hành').fill(str(value.date));
      await part('Trích yếu').fill(str(value.title));
      return;
    case 'contact':
      if (!isRecord(value)) throw new Error(field.id);
      await part('Họ và tên').fill(str(value.name));
      await part('Chức vụ').fill(str(value.position));
      await part('Email').fill(str(value.email));
      await part('Điện thoại').fill(str(value.phone));
      return;
    default:
      await box.locator(`#field-${safe(field.id)}`).fill(str(value));
  }
}

const saveState = (page: Page) => page.locator('[data-save-state]').getAttribute('data-save-state');
const points = (page: Page, group: string) => page.locator(`[data-group-points="${group}"]`).textContent();

async function openForm(world: BrowserWorld): Promise<Page> {
  const page = await world.page();
  await world.signIn(page, HEAD);
  await page.getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).first().click();
  await page.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
  return page;
}

describe.skipIf(CHROMIUM === null)('the school’s side: fill, offline, conflict, evidence, submit', () => {
  let world: BrowserWorld | null = null;
  let formUrl = '';

  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  it('fills the blank 4725 form with seed 003’s figures through the UI and sees 84 / 94 / level 3', { timeout: 240_000 }, async () => {
    if (!world) throw new Error('not started');
    const page = await openForm(world);
    formUrl = page.url();
    expect(await points(page, '1')).toBe('0');
    for (const field of fields) {
      const value = seed003Example.answers[field.id];
      if (value !== undefined) await answer(page, field, value);
    }
    for (const id of awardIds) await page.locator(`#award-${safe(id)}`).fill(String(seed003Example.awards[id]));
    await expect.poll(() => points(page, '1'), { timeout: 10_000 }).toBe('84');
    expect(await points(page, '2')).toBe('94');
    expect(await page.locator('[data-overall-level]').textContent()).toMatch(/Mức\s*3/);
    await expect.poll(() => saveState(page), { timeout: 20_000 }).toBe('saved');
    await world.shoot(page, 'school-1-form-filled');
    expect(await axeViolations(page)).toEqual([]);

    // What was saved is what a fresh page shows.
    await page.reload();
    await page.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
    expect(await points(page, '1')).toBe('84');
    expect(await page.locator('#field-lms_name').inputValue()).toBe(seed003Example.answers.lms_name);
    await page.context().close();
  });

  it('keeps edits made offline through a reload, sends them once back online, and loses nothing', { timeout: 120_000 }, async () => {
    if (!world) throw new Error('not started');
    const page = await openForm(world);
    await page.context().setOffline(true);
    await page.locator('#award-1_6a').fill('6');
    await page.locator('#field-live_teaching_software').fill('Zoom; Google Meet; Microsoft Teams');
    await expect.poll(() => points(page, '1')).toBe('83');
    await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('offline');
    expect(await page.locator('[data-save-state]').textContent()).toMatch(/Ngoại tuyến/);
    await world.shoot(page, 'school-2-offline');
    // A reload while offline: the page itself cannot load, the edits stay in the browser.
    await page.reload().catch(() => undefined);
    await page.context().setOffline(false);
    await page.goto(formUrl);
    await page.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#award-1_6a').inputValue()).toBe('6');
    await page.getByText('Đã khôi phục các thay đổi chưa lưu').waitFor();
    await expect.poll(() => saveState(page), { timeout: 20_000 }).toBe('saved');
    expect(await page.locator('[data-save-state]').textContent()).toMatch(/Đã lưu/);
    await page.context().close();

    const fresh = await openForm(world);
    expect(await fresh.locator('#award-1_6a').inputValue()).toBe('6');
    expect(await fresh.locator('#field-live_teaching_software').inputValue()).toBe('Zoom; Google Meet; Microsoft Teams');
    expect(await points(fresh, '1')).toBe('83');
    // Back to seed 003's figure for what follows.
    await fresh.locator('#award-1_6a').fill('7');
    await expect.poll(() => saveState(fresh), { timeout: 20_000 }).toBe('saved');
    await fresh.context().close();
  });

  it('two pages edit the same field: the second sees both values, chooses, and nothing is lost', { timeout: 120_000 }, async () => {
    if (!world) throw new Error('not started');
    const first = await openForm(world);
    const second = await openForm(world);
    await first.locator('#field-digital_materials').fill('50');
    await expect.poll(() => saveState(first), { timeout: 20_000 }).toBe('saved');

    await second.locator('#field-digital_materials').fill('60');
    await second.locator('#field-teaching_tools').fill('Azota, Padlet, Zoom, Google Meet, Quizizz');
    const view = second.locator('[data-conflict-view]');
    await view.waitFor({ timeout: 20_000 });
    const row = view.locator('[data-conflict="answer:digital_materials"]');
    expect(await row.locator('[data-theirs]').textContent()).toBe('50');
    expect(await row.locator('[data-mine]').textContent()).toBe('60');
    // Only the value both changed is asked about; the other edit is kept without asking.
    expect(await view.locator('[data-conflict]').count()).toBe(1);
    await world.shoot(second, 'school-3-conflict');
    expect(await axeViolations(second)).toEqual([]);
    await row.getByLabel(/Của bạn/).check();
    await view.getByRole('button', { name: 'Áp dụng lựa chọn và lưu' }).click();
    await expect.poll(() => saveState(second), { timeout: 20_000 }).toBe('saved');
    expect(await second.locator('[data-conflict-view]').count()).toBe(0);

    await first.reload();
    await first.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
    expect(await first.locator('#field-digital_materials').inputValue()).toBe('60');
    expect(await first.locator('#field-teaching_tools').inputValue()).toBe('Azota, Padlet, Zoom, Google Meet, Quizizz');
    await first.context().close();
    await second.context().close();
  });

  it('uploads a PDF with the progress bar reaching 100 %, refuses a text file by name, lists and downloads the PDF in the catalogue', { timeout: 120_000 }, async () => {
    if (!world) throw new Error('not started');
    const page = await openForm(world);
    const slot = page.locator('[data-slot="1.1/plan"]');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% Ke hoach day hoc truc tuyen (thu nghiem)\n'), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    await slot.getByLabel(/Tải tệp lên/).setInputFiles({ name: 'ke-hoach-day-hoc-truc-tuyen.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => slot.locator('[data-upload-percent]').textContent(), { timeout: 30_000 }).toBe('100 %');
    expect(await slot.locator('progress').getAttribute('value')).toBe('100');
    await slot.getByText('ke-hoach-day-hoc-truc-tuyen.pdf', { exact: false }).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => slot.locator('[data-slot-missing]').count()).toBe(0);
    await slot.scrollIntoViewIfNeeded();
    await world.shoot(page, 'school-4-upload');

    await slot.getByLabel(/Tải tệp lên/).setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải minh chứng') });
    const refusal = slot.getByRole('alert');
    await expect.poll(() => refusal.textContent(), { timeout: 15_000 }).toMatch(/ghi-chu\.txt.*Loại tệp không được nhận/s);

    await page.getByRole('button', { name: 'Xem danh mục minh chứng' }).click();
    await page.getByRole('heading', { name: 'Danh mục minh chứng' }).waitFor({ timeout: 15_000 });
    const entry = page.locator('[data-slot="1.1/plan"]');
    await entry.getByText('ke-hoach-day-hoc-truc-tuyen.pdf').waitFor();
    expect(await page.locator('[data-slot="1.3/links"] [data-slot-missing]').count()).toBe(1);
    await world.shoot(page, 'school-5-catalogue');
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: /Tải xuống/ }).click()]);
    expect(download.suggestedFilename()).toBe('ke-hoach-day-hoc-truc-tuyen.pdf');
    const saved = await download.path();
    expect(readFileSync(saved).equals(pdf)).toBe(true);
    await page.context().close();

    // On a phone: one column, the slot's inputs within the screen.
    const phone = await world.page({ width: 390, height: 844 });
    await world.signIn(phone, HEAD);
    await phone.getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).first().click();
    const phoneSlot = phone.locator('[data-slot="1.1/plan"]');
    await phoneSlot.getByText('ke-hoach-day-hoc-truc-tuyen.pdf').waitFor({ timeout: 30_000 });
    await phoneSlot.scrollIntoViewIfNeeded();
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await world.shoot(phone, 'school-8-phone-evidence');
    await phone.context().close();
  });

  it('the head submits: first what is missing, linked to the fields; then, complete, it is submitted and read-only', { timeout: 180_000 }, async () => {
    if (!world) throw new Error('not started');
    const page = await openForm(world);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).last().click();
    const refusal = page.locator('.submit-box [role="alert"]');
    await refusal.waitFor({ timeout: 15_000 });
    const missing = refusal.getByRole('link');
    expect(await missing.count()).toBeGreaterThan(0);
    await refusal.scrollIntoViewIfNeeded();
    await world.shoot(page, 'school-6-missing');
    expect(await axeViolations(page)).toEqual([]);
    const target = (await missing.first().getAttribute('href'))?.slice(1) ?? '';
    await missing.first().click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(target);

    // A link that is no web address: the API's refusal, in Vietnamese.
    const linkSlot = page.locator('[data-slot="1.3/links"]');
    await linkSlot.getByLabel('Đường link', { exact: true }).fill('ftp://khong-phai-web');
    await linkSlot.getByRole('button', { name: 'Thêm đường link' }).click();
    await linkSlot.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await linkSlot.getByRole('alert').textContent()).toMatch(/Không thêm được đường link/);

    // Every required slot still empty gets a link, as a person would add them one by one.
    for (let round = 0; round < 20; round += 1) {
      const empty = page.locator('.evidence-slot:has([data-slot-missing])').first();
      if ((await page.locator('.evidence-slot:has([data-slot-missing])').count()) === 0) break;
      const id = (await empty.getAttribute('data-slot')) ?? '';
      await empty.getByLabel('Đường link', { exact: true }).fill(`https://thcs-doithong.edu.vn/minh-chung/${id.replace(/\W/g, '-')}`);
      await empty.getByLabel('Mô tả (không bắt buộc)').fill(`Minh chứng ${id}`);
      await empty.getByRole('button', { name: 'Thêm đường link' }).click();
      await page.locator(`[data-slot="${id}"] [data-slot-missing]`).waitFor({ state: 'detached', timeout: 15_000 });
    }
    expect(await points(page, '1')).toBe('84');
    expect(await points(page, '2')).toBe('94');
    await expect.poll(() => saveState(page), { timeout: 20_000 }).toBe('saved');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).last().click();
    await page.getByText('Hồ sơ đã nộp.').waitFor({ timeout: 15_000 });
    await page.locator('[data-read-only]').waitFor();
    expect(await page.locator('#field-digital_materials').isDisabled()).toBe(true);
    expect(await page.locator('#award-1_3a').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Thêm đường link' }).count()).toBe(0);
    await world.shoot(page, 'school-7-submitted');
    expect(await axeViolations(page)).toEqual([]);
  });
});
