import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { type BrowserWorld, CHROMIUM, DEMO_PASSWORD, startBrowserWorld, tabTo } from '../support/browser.ts';

async function apiAs(baseUrl: string, login: string): Promise<(path: string, method?: string, body?: unknown) => Promise<unknown>> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', login, password: DEMO_PASSWORD }),
  });
  const { token } = (await response.json()) as { token: string };
  return async (path, method = 'GET', body = undefined) =>
    (
      await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    ).json();
}

describe.skipIf(CHROMIUM === null)('the provincial form builder in a real browser', () => {
  let world: BrowserWorld | null = null;

  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 180_000);

  afterAll(async () => {
    await world?.close();
  });

  it('clones 4725, changes a band of 1.4a in the structured editor, sees the test panel and the diff change, and publishes', { timeout: 180_000 }, async () => {
    if (!world) throw new Error('not started');
    const { shoot } = world;
    const page = await world.page();
    await world.signIn(page, 'so.quantri');

    // The catalogue: the province's own 4725, published, and the national sets.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bộ chỉ số' }).click();
    await page.getByRole('heading', { name: 'Bộ chỉ số và các phiên bản' }).waitFor();
    await page.locator('[data-version="4725@1"] [data-status="published"]').waitFor();
    await shoot(page, 'builder-1-catalogue');
    expect(await axeViolations(page)).toEqual([]);

    // A new version: a copy of the published 4725.
    await page.getByLabel('Sao chép từ').selectOption('4725@1');
    await page.getByLabel('Tên phiên bản mới').fill('2026.1');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/builder\/4725\/2$/);
    await page.locator('[data-error-count="0"]').first().waitFor({ timeout: 15_000 });

    // The test panel first: 15 digital materials give 1.4a a cap of 3 under the national bands.
    const tab = (name: 'edit' | 'preview' | 'diff') => page.locator(`[data-tab="${name}"]`);
    await tab('preview').click();
    await page.getByLabel('Chấm mỗi chỉ số bằng điểm tối đa hiện tại').check();
    await page.locator('#field-digital_materials').fill('15');
    const groupPoints = () => page.locator('[data-group-points="1"]').textContent();
    await expect.poll(() => page.locator('[data-cap="1.4a"] strong').textContent(), { timeout: 5_000 }).toBe('3');
    expect(await groupPoints()).toBe('3');
    expect(await axeViolations(page)).toEqual([]);

    // The editor: criterion 1.4 from the outline.
    await tab('edit').click();
    await page.getByRole('navigation', { name: 'Mục lục bộ chỉ số' }).getByRole('button', { name: /^1\.4\./ }).click();
    await page.getByRole('heading', { name: 'Tiêu chí 1.4', level: 2 }).waitFor();
    await shoot(page, 'builder-2-editor');
    expect(await axeViolations(page)).toEqual([]);

    // The cap rule of 1.4a reads as thresholds; the first threshold (below 20) becomes below 10, with the keyboard only.
    const rule = page.locator('[data-rule-editor="b-groups-0-criteria-3-indicators-0-cap"]');
    expect(await rule.locator('#b-groups-0-criteria-3-indicators-0-cap-mode').inputValue()).toBe('bands');
    const threshold = '#b-groups-0-criteria-3-indicators-0-cap-step-0-limit';
    expect(await page.locator(threshold).inputValue()).toBe('20');
    await page.getByRole('heading', { name: 'Tiêu chí 1.4', level: 2 }).focus();
    await tabTo(page, threshold);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    expect(await page.locator(threshold).inputValue()).toBe('10');
    await page.locator('[data-draft-state="dirty"]').waitFor();
    await page.locator(threshold).scrollIntoViewIfNeeded();
    await shoot(page, 'builder-3-rule');

    // Back to the test panel with the keyboard: the cap is now 6, and so are the group's points.
    await tabTo(page, '[data-tab="preview"]', true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-cap="1.4a"] strong').textContent(), { timeout: 5_000 }).toBe('6');
    expect(await groupPoints()).toBe('6');
    await page.locator('[data-cap="1.4a"]').scrollIntoViewIfNeeded();
    await shoot(page, 'builder-4-test-panel');

    // The diff against 4725 · 2022.1 names 1.4a's cap rule, under criterion 1.4.
    await tab('diff').click();
    const entry = page.locator('[data-diff-section="c:1.4"] [data-diff-entry="indicator:1.4a"]');
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/quy tắc điểm tối đa/);
    expect(await entry.textContent()).toContain('10');
    expect(await page.locator('[data-diff-entry]').count()).toBe(2); // the set's version label, and 1.4a
    await shoot(page, 'builder-5-diff');

    // Save, then publish, confirmed in a dialog naming the version.
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.locator('[data-draft-state="saved"]').waitFor();
    await page.getByRole('button', { name: 'Ban hành…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận ban hành' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('4725 · 2026.1');
    await dialog.getByRole('button', { name: 'Ban hành', exact: true }).click();
    await page.locator('[data-version-status="published"]').waitFor();

    await page.getByRole('link', { name: /Danh mục bộ chỉ số/ }).click();
    await page.locator('[data-version="4725@2"] [data-status="published"]').waitFor();
    await shoot(page, 'builder-6-published');

    // Through the API: version 2 is published with the new band.
    const get = await apiAs(world.product.baseUrl, 'so.quantri');
    const detail = (await get('/criteria-sets/4725/versions/2')) as { version: { status: string; label: string }; definition: { groups: { criteria: { id: string; indicators: { id: string; cap?: unknown }[] }[] }[] } };
    expect(detail.version).toMatchObject({ status: 'published', label: '2026.1' });
    const cap = detail.definition.groups[0]?.criteria.find((criterion) => criterion.id === '1.4')?.indicators.find((indicator) => indicator.id === '1.4a')?.cap;
    expect(cap).toEqual({ if: [{ '<': [{ var: 'digital_materials' }, 10] }, 3, { '<': [{ var: 'digital_materials' }, 40] }, 6, 10] });
  });

  it('a campaign opened on the version just published reaches a school at once: its form caps 1.4a with the new band', { timeout: 180_000 }, async () => {
    if (!world) throw new Error('not started');
    const campaign = 'Kỳ đánh giá thử phiên bản 2026.1';
    const admin = await world.page();
    await world.signIn(admin, 'so.quantri');
    await admin.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kỳ đánh giá' }).click();
    await admin.getByRole('link', { name: 'Tạo kỳ đánh giá mới' }).click();
    await admin.getByLabel('Tên kỳ đánh giá').fill(campaign);
    await admin.getByLabel('Năm học').fill('2026-2027');
    const primary = admin.getByLabel('Tiểu học', { exact: true });
    await expect.poll(() => primary.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    for (const kind of ['Tiểu học', 'Trung học cơ sở', 'Trung học phổ thông', 'Tiểu học và THCS', 'Trung tâm GDTX / GDNN-GDTX']) {
      await admin.getByLabel(kind, { exact: true }).selectOption({ label: '2026.1 (4725@2)' });
    }
    for (const [label, day] of [['Tự đánh giá, nộp hồ sơ', '2027-01-31'], ['Đề nghị đánh giá ngoài', '2027-02-15'], ['Đánh giá ngoài', '2027-03-31'], ['Công nhận mức độ', '2027-05-15'], ['Công bố kết quả', '2027-05-31']] as const)
      await admin.getByLabel(label, { exact: true }).fill(day);
    await admin.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await admin.getByRole('heading', { level: 1, name: campaign }).waitFor({ timeout: 15_000 });
    await admin.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    await admin.getByRole('button', { name: 'Mở và tạo hồ sơ' }).click();
    await expect.poll(() => admin.locator('[data-campaign-status]').getAttribute('data-campaign-status'), { timeout: 15_000 }).toBe('open');

    // No restart: the school opens the new campaign and 15 digital materials now cap 1.4a at 6 (the national band gives 3).
    const school = await world.page();
    await world.signIn(school, 'th.songbiec.hieutruong');
    await school.locator('li.card', { hasText: campaign }).getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).click();
    await school.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
    expect(await school.locator('main').textContent()).toContain('2026.1');
    await school.locator('#field-digital_materials').fill('15');
    await expect.poll(() => school.locator('[data-cap="1.4a"] strong').textContent(), { timeout: 5_000 }).toBe('6');
    await school.locator('[data-cap="1.4a"]').scrollIntoViewIfNeeded();
    await world.shoot(school, 'builder-7-school-sees-new-band');
  });

  it('shows an import’s refusal with its paths, links each problem to its field, keeps the local copy on a conflict, and retires a version', { timeout: 180_000 }, async () => {
    if (!world) throw new Error('not started');
    const page = await world.page();
    await world.signIn(page, 'so.quantri');
    await page.goto(`${world.product.baseUrl}/builder`);
    await page.getByRole('heading', { name: 'Tạo phiên bản mới' }).waitFor();

    // An import the API refuses: every problem listed with its path.
    await page.getByLabel('Nhập tệp JSON').check();
    await page.getByLabel('Tệp JSON của bộ chỉ số').setInputFiles({ name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, setKey: 'thu-nghiem' })) });
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    const refusal = page.locator('[data-new-draft-error] .refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/version/);
    expect(await refusal.locator('li').count()).toBeGreaterThan(2);

    // A blank set: the linter's one error blocks publishing, and its link focuses the place it names.
    await page.getByLabel('Bộ trống').check();
    await page.getByLabel('Tên phiên bản mới').fill('2026.1');
    await page.getByLabel('Mã bộ chỉ số').fill('thu-nghiem');
    await page.getByLabel('Tên bộ chỉ số').fill('Bộ chỉ số thử nghiệm');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/builder\/thu-nghiem\/1$/);
    await page.locator('[data-problems="b-lint"] [data-error-count="1"]').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Ban hành…' }).isDisabled()).toBe(true);
    await page.locator('[data-problems="b-lint"]').getByRole('button', { name: 'groups[0].criteria[0].indicators' }).click();
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('b-groups-0-criteria-0-indicators');

    // Someone else saves the draft first: the save is refused as a conflict, the local copy stays, and overwriting keeps it.
    await page.getByLabel('Tên (tiếng Việt)').first().fill('Tiêu chí của tôi');
    const call = await apiAs(world.product.baseUrl, 'so.quantri');
    const current = (await call('/criteria-sets/thu-nghiem/versions/1')) as { version: { version: number }; definition: { title: { vi: string } } };
    await call('/criteria-sets/thu-nghiem/versions/1', 'PUT', { version: current.version.version, definition: { ...current.definition, title: { vi: 'Tên do người khác sửa' } } });
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.locator('[data-conflict]').waitFor();
    expect(await page.getByLabel('Tên (tiếng Việt)').first().inputValue()).toBe('Tiêu chí của tôi');
    await world.shoot(page, 'builder-8-conflict');
    await page.getByRole('button', { name: 'Lưu đè bằng bản của tôi' }).click();
    await page.locator('[data-draft-state="saved"]').waitFor();
    const saved = (await call('/criteria-sets/thu-nghiem/versions/1')) as { definition: { groups: { criteria: { title: { vi: string } }[] }[] } };
    expect(saved.definition.groups[0]?.criteria[0]?.title.vi).toBe('Tiêu chí của tôi');

    // An edit left unsaved stays in the browser: another tab of the same browser (signed in anew) offers it back.
    await page.getByLabel('Tên (tiếng Việt)').first().fill('Bản chưa lưu');
    await page.locator('[data-draft-state="dirty"]').waitFor();
    await page.waitForTimeout(800);
    const again = await page.context().newPage();
    await again.goto(world.product.baseUrl);
    await world.signIn(again, 'so.quantri');
    await again.goto(`${world.product.baseUrl}/builder/thu-nghiem/1`);
    await again.locator('[data-left-over]').waitFor({ timeout: 15_000 });
    await again.getByRole('button', { name: 'Khôi phục bản chưa lưu' }).click();
    await again.getByRole('navigation', { name: 'Mục lục bộ chỉ số' }).getByRole('button', { name: '1.1. Bản chưa lưu' }).waitFor();
    expect(await again.locator('[data-draft-state]').getAttribute('data-draft-state')).toBe('dirty');
    await again.close();

    // Retiring the version published by the first scenario, confirmed.
    await page.getByRole('link', { name: /Danh mục bộ chỉ số/ }).click();
    await page.locator('[data-version="4725@2"]').getByRole('button', { name: 'Ngừng áp dụng…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận ngừng áp dụng' });
    expect(await dialog.textContent()).toContain('4725 · 2026.1');
    await dialog.getByRole('button', { name: 'Ngừng áp dụng', exact: true }).click();
    await page.locator('[data-version="4725@2"] [data-status="retired"]').waitFor();

    // On a phone the editor is one column.
    const phone = await world.page({ width: 390, height: 844 });
    await world.signIn(phone, 'so.quantri');
    await phone.goto(`${world.product.baseUrl}/builder/thu-nghiem/1`);
    await phone.getByRole('navigation', { name: 'Mục lục bộ chỉ số' }).waitFor();
    await world.shoot(phone, 'builder-9-phone');
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth + 1')).toBe(true);
  });

  it('names where each version was copied from, levels the total, adds a validation the test panel enforces, and switches every label to English', { timeout: 180_000 }, async () => {
    if (!world) throw new Error('not started');
    const { shoot } = world;
    const page = await world.page();
    await world.signIn(page, 'so.quantri');
    await page.goto(`${world.product.baseUrl}/builder`);

    // "Copied from" says whose set: the province's 4725 · 2022.1 came from the national one, 4725@2 from the province's own.
    const copiedFrom = (version: string) => page.locator(`[data-version="${version}"] [data-derived-from]`);
    await copiedFrom('4725@1').waitFor();
    expect(await copiedFrom('4725@1').getAttribute('data-derived-from')).toBe('national');
    expect(await copiedFrom('4725@1').textContent()).toBe('Bộ quốc gia 4725 · 2022.1');
    expect(await copiedFrom('4725@2').getAttribute('data-derived-from')).toBe('own');
    expect(await copiedFrom('4725@2').textContent()).toBe('Bộ của Sở 4725 · 2022.1 (phiên bản số 1)');

    await page.getByLabel('Sao chép từ').selectOption('4725@1');
    await page.getByLabel('Tên phiên bản mới').fill('2026.2');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/builder\/4725\/3$/);
    const lintErrors = page.locator('[data-problems="b-lint"] [data-error-count]');
    await page.locator('[data-problems="b-lint"] [data-error-count="0"]').waitFor({ timeout: 15_000 });

    // The set's own page: bands over the total of both groups (0..200), the first boundary moved to 100 on both sides.
    await page.getByLabel('Xếp mức theo tổng điểm các nhóm', { exact: true }).check();
    const bound = (band: number, end: 'min' | 'max') => page.locator(`#b-overall-totalBands-${band}-${end}`);
    expect(await bound(0, 'max').inputValue()).toBe('66.67');
    await bound(0, 'max').fill('90');
    // A gap between the bands is the core's error, linked to the band it is about.
    await expect.poll(() => lintErrors.getAttribute('data-error-count'), { timeout: 5_000 }).not.toBe('0');
    await page.locator('[data-problems="b-lint"]').getByRole('button', { name: /^overall\.totalBands/ }).first().click();
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toMatch(/^b-overall-totalBands/);
    await bound(1, 'min').fill('90');
    await expect.poll(() => lintErrors.getAttribute('data-error-count'), { timeout: 5_000 }).toBe('0');
    // The overall rule still takes the lowest group's level: one button makes the total's level the overall one.
    await page.locator('[data-use-total-level]').click();
    await expect.poll(() => page.locator('[data-use-total-level]').count()).toBe(0);
    await expect.poll(() => lintErrors.getAttribute('data-error-count'), { timeout: 5_000 }).toBe('0');
    await page.locator('[data-total-bands]').scrollIntoViewIfNeeded();
    await shoot(page, 'builder-10-total-bands');
    expect(await axeViolations(page)).toEqual([]);

    // The diff, against the province's own 4725 · 2022.1 it was copied from, names the total bands.
    const tab = (name: 'edit' | 'preview' | 'diff') => page.locator(`[data-tab="${name}"]`);
    await tab('diff').click();
    const diff = page.locator('[data-diff]');
    await diff.waitFor();
    expect(await diff.locator('h2').textContent()).toContain('Bộ của Sở 4725 · 2022.1 (phiên bản số 1)');
    expect(await diff.locator('[data-diff-section="set"]').textContent()).toMatch(/các mức theo tổng điểm/);

    // A validation on 1.4a: at most 1000 digital materials, its message in both languages.
    await tab('edit').click();
    await page.getByRole('navigation', { name: 'Mục lục bộ chỉ số' }).getByRole('button', { name: /^1\.4\./ }).click();
    const validations = page.locator('[data-validations="1.4a"]');
    await validations.getByRole('button', { name: /Thêm quy tắc kiểm tra/ }).click();
    const at = '#b-groups-0-criteria-3-indicators-0-validations-0';
    await page.locator(`${at}-rule-json`).fill('{"<=": [{"var": "digital_materials"}, 1000]}');
    await page.locator(`${at}-message-vi`).fill('Số học liệu số không quá 1000');
    await page.locator(`${at}-message-en`).fill('At most 1000 digital materials');
    await page.locator('[data-problems="b-lint"] [data-error-count="0"]').waitFor();
    await validations.scrollIntoViewIfNeeded();
    await shoot(page, 'builder-11-validation');
    expect(await axeViolations(page)).toEqual([]);

    // The test panel shows the message for an answer that breaks it, and drops it for one that does not.
    await tab('preview').click();
    await page.locator('#field-digital_materials').fill('5000');
    const problems = page.locator('#field-digital_materials-problems');
    await expect.poll(() => problems.textContent(), { timeout: 5_000 }).toContain('Số học liệu số không quá 1000');
    await page.locator('#field-digital_materials').scrollIntoViewIfNeeded();
    await shoot(page, 'builder-12-validation-message');
    await page.locator('#field-digital_materials').fill('500');
    await expect.poll(() => problems.textContent(), { timeout: 5_000 }).not.toContain('Số học liệu số không quá 1000');

    // In English, the labels the builder used to show in both languages show English only.
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await tab('edit').click();
    const op = page.locator('#b-groups-0-criteria-3-indicators-0-cap-step-0-op');
    await op.waitFor();
    expect(await op.locator('option:checked').textContent()).toBe('below');
    const kind = page.locator('#b-groups-0-criteria-3-indicators-0-fields-0-kind');
    expect(await kind.locator('option:checked').textContent()).toBe('Count');
    expect(await page.locator('main').textContent()).not.toMatch(/dưới|Số lượng/);
    await page.getByRole('heading', { name: 'Validations of the answers' }).first().waitFor();
    await op.scrollIntoViewIfNeeded();
    await shoot(page, 'builder-13-english');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('vi');
  });
});
