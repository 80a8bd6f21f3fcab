import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { type BrowserWorld, CHROMIUM, apiCall, DEMO_PASSWORD, startBrowserWorld, tabTo } from '../support/browser.ts';

// The new version's label: the school's form header shows it, so the school can tell which set it fills.
const NEW_LABEL = 'Minh Hòa 2026.1';
const CAMPAIGN = 'Đánh giá chuyển đổi số thử nghiệm bộ Minh Hòa 2026';
// The name after the draft is edited: it still holds CAMPAIGN, so the school finds its card by it.
const EDITED = `${CAMPAIGN} (đợt 1)`;

interface Json {
  [key: string]: unknown;
}

interface VersionRow {
  setKey: string;
  number: number;
  version: number;
  status: string;
}

/**
 * What the builder will do through its screens, done here through the API: the province admin clones the
 * province's published 4725, moves criterion 1.3's level-2 band from 10 to 12 points, and publishes it.
 */
async function publishNewVersion(baseUrl: string): Promise<VersionRow> {
  const { token } = await apiCall<{ token: string }>(baseUrl, null, 'POST', '/auth/sign-in', { tenant: 'demo', login: 'so.quantri', password: DEMO_PASSWORD });
  const { items } = await apiCall<{ items: VersionRow[] }>(baseUrl, token, 'GET', '/criteria-versions');
  const source = items.find((version) => version.status === 'published');
  if (source === undefined) throw new Error('the demo province has no published version');
  const draft = await apiCall<{ version: VersionRow; definition: Json }>(baseUrl, token, 'POST', '/criteria-sets/drafts', {
    from: 'clone',
    source: { setKey: source.setKey, number: source.number },
    label: NEW_LABEL,
  });
  const definition = structuredClone(draft.definition);
  const groups = definition.groups as { criteria: { id: string; bands: { level: number; min?: number; max?: number }[] }[] }[];
  const criterion = groups.flatMap((group) => group.criteria).find((candidate) => candidate.id === '1.3');
  const [level1, level2] = criterion?.bands ?? [];
  if (level1 === undefined || level2 === undefined) throw new Error('criterion 1.3 has no bands');
  level1.max = 12;
  level2.min = 12;
  const saved = await apiCall<{ version: VersionRow; problems: { severity: string; message: string }[] }>(
    baseUrl,
    token,
    'PUT',
    `/criteria-sets/${draft.version.setKey}/versions/${draft.version.number}`,
    { version: draft.version.version, definition },
  );
  expect(saved.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return apiCall<VersionRow>(baseUrl, token, 'POST', `/criteria-sets/${saved.version.setKey}/versions/${saved.version.number}/publish`, { version: saved.version.version });
}

const statusOfRow = (page: Page, unit: string) => page.locator(`tr[data-unit="${unit}"]`).getAttribute('data-status');

describe.skipIf(CHROMIUM === null)('campaign screens in a real browser', () => {
  let world: BrowserWorld | null = null;
  let published: VersionRow | null = null;

  beforeAll(async () => {
    world = await startBrowserWorld();
    published = await publishNewVersion(world.product.baseUrl);
  }, 240_000);

  afterAll(async () => {
    await world?.close();
  });

  it('the province admin opens a campaign on a new version; a school fills that version at once, and progress follows it', { timeout: 180_000 }, async () => {
    if (!world || !published) throw new Error('not started');
    const { shoot } = world;
    const ref = `${published.setKey}@${published.number}`;
    const admin = await world.page();
    // What the screens fetch: the office of each school and the kinds of each version now come with the listings.
    const requested: string[] = [];
    admin.on('request', (request) => requested.push(new URL(request.url()).pathname + new URL(request.url()).search));
    await world.signIn(admin, 'so.quantri');

    // The list: the demo campaign is there, open.
    await admin.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kỳ đánh giá' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Các kỳ đánh giá' }).waitFor();
    await admin.locator('[data-campaign-list] li').first().waitFor();
    await expect.poll(() => admin.locator('[data-campaign-list] dd').nth(2).textContent(), { timeout: 15_000 }).toMatch(/^\d+$/);
    await shoot(admin, 'campaigns-1-list');
    expect(await axeViolations(admin)).toEqual([]);

    // The new campaign: a refused deadline order is shown under its field before anything is sent.
    await admin.getByRole('link', { name: 'Tạo kỳ đánh giá mới' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Tạo kỳ đánh giá' }).waitFor();
    await admin.getByLabel('Tên kỳ đánh giá').fill(CAMPAIGN);
    await admin.getByLabel('Năm học').fill('2026-2027');
    const primary = admin.getByLabel('Tiểu học', { exact: true });
    await expect.poll(() => primary.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    for (const kind of ['Tiểu học', 'Trung học cơ sở', 'Trung học phổ thông', 'Tiểu học và THCS', 'Trung tâm GDTX / GDNN-GDTX']) {
      await admin.getByLabel(kind, { exact: true }).selectOption({ label: `${NEW_LABEL} (${ref})` });
    }
    await admin.getByLabel('Tự đánh giá, nộp hồ sơ').fill('2027-01-31');
    await admin.getByLabel('Đề nghị đánh giá ngoài').fill('2027-02-15');
    await admin.getByLabel('Đánh giá ngoài', { exact: true }).fill('2027-02-01');
    await admin.getByLabel('Công nhận mức độ').fill('2027-05-15');
    await admin.getByLabel('Công bố kết quả').fill('2027-05-31');
    await admin.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('Hạn đánh giá ngoài không được trước hạn đề nghị đánh giá ngoài');
    expect(await admin.getByLabel('Đánh giá ngoài', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shoot(admin, 'campaigns-2-new');
    expect(await axeViolations(admin)).toEqual([]);
    expect(requested.filter((path) => /^\/api\/criteria-sets\/[^/]+\/versions\/\d+$/.test(path))).toEqual([]);
    await admin.getByLabel('Đánh giá ngoài', { exact: true }).fill('2027-03-31');
    expect(await admin.getByLabel('Đánh giá ngoài', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await admin.getByRole('button', { name: 'Lưu bản nháp' }).click();

    // The draft: opening it says how many schools get a submission, then every school is "not started".
    await admin.getByRole('heading', { level: 1, name: CAMPAIGN }).waitFor({ timeout: 15_000 });
    expect(await admin.locator('[data-campaign-status]').getAttribute('data-campaign-status')).toBe('draft');

    // Editing the draft: the form comes filled in. Someone else saves first (here through the API): the save
    // is refused, their change is shown and taken into the form, and what the admin typed stays.
    const campaignId = new URL(admin.url()).pathname.split('/').at(-1) ?? '';
    await admin.getByRole('link', { name: 'Sửa kỳ đánh giá' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Sửa kỳ đánh giá' }).waitFor();
    expect(await admin.getByLabel('Tên kỳ đánh giá').inputValue()).toBe(CAMPAIGN);
    await expect.poll(() => admin.getByLabel('Tiểu học', { exact: true }).inputValue(), { timeout: 15_000 }).toBe(ref);
    expect(await admin.getByLabel('Đánh giá ngoài', { exact: true }).inputValue()).toBe('2027-03-31');
    await admin.getByLabel('Tên kỳ đánh giá').fill(EDITED);
    const { token } = await apiCall<{ token: string }>(world.product.baseUrl, null, 'POST', '/auth/sign-in', { tenant: 'demo', login: 'so.quantri', password: DEMO_PASSWORD });
    const stored = await apiCall<{ version: number }>(world.product.baseUrl, token, 'GET', `/campaigns/${campaignId}`);
    await apiCall(world.product.baseUrl, token, 'PATCH', `/campaigns/${campaignId}`, { version: stored.version, deadlines: { publication: '2027-06-30' } });
    await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const conflict = admin.locator('[data-conflict]');
    await expect.poll(() => conflict.textContent(), { timeout: 15_000 }).toContain('Người khác vừa sửa kỳ đánh giá này');
    expect(await conflict.getAttribute('role')).toBe('alert');
    expect(await conflict.textContent()).toContain('Hạn công bố: 2027-05-31 → 2027-06-30');
    expect(await admin.getByLabel('Tên kỳ đánh giá').inputValue()).toBe(EDITED);
    expect(await admin.getByLabel('Công bố kết quả').inputValue()).toBe('2027-06-30');
    await shoot(admin, 'campaigns-7-edit');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await admin.getByRole('heading', { level: 1, name: EDITED }).waitFor({ timeout: 15_000 });
    expect(await admin.getByRole('status').first().textContent()).toContain('Đã lưu thay đổi của kỳ đánh giá');
    expect(await admin.locator('.deadline-summary li').nth(4).textContent()).toContain('2027-06-30');

    await admin.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
    const confirm = admin.getByRole('alertdialog');
    await expect.poll(() => confirm.textContent()).toMatch(/tạo hồ sơ tự đánh giá cho 7 trường/);
    await admin.getByRole('button', { name: 'Mở và tạo hồ sơ' }).click();
    await expect.poll(() => admin.getByRole('status').first().textContent(), { timeout: 15_000 }).toContain('đã tạo hồ sơ cho 7 trường');
    expect(await admin.locator('[data-campaign-status]').getAttribute('data-campaign-status')).toBe('open');
    await expect.poll(() => admin.locator('[data-count="not-started"]').textContent()).toBe('7');
    expect(await admin.locator('[data-count="total"]').textContent()).toBe('7');
    expect(await statusOfRow(admin, 'Trường Tiểu học Sông Biếc')).toBe('not-started');
    await admin.evaluate("document.getElementById('progress-title').scrollIntoView()");
    await shoot(admin, 'campaigns-3-progress');
    expect(await axeViolations(admin)).toEqual([]);

    // Each school names its office, as the API gives it: its Phòng, or the Sở for a school straight under it.
    expect(await admin.locator('tr[data-unit="Trường Tiểu học Sông Biếc"] td[data-label="Đơn vị quản lý"]').textContent()).toBe('Phòng GDĐT Thành phố Minh Hòa');
    expect(await admin.locator('tr[data-unit="Trường THPT Minh Hòa"] td[data-label="Đơn vị quản lý"]').textContent()).toBe('Sở Giáo dục và Đào tạo tỉnh Minh Hòa');
    expect(requested.filter((path) => path.startsWith('/api/units'))).toEqual([]);

    // The filters: kind and office narrow the table.
    await admin.getByLabel('Loại trường').selectOption({ label: 'Tiểu học' });
    await expect.poll(() => admin.locator('tbody tr[data-unit]').count()).toBe(2);
    await admin.getByLabel('Đơn vị quản lý').selectOption({ label: 'Phòng GDĐT Thành phố Minh Hòa' });
    await expect.poll(() => admin.locator('tbody tr[data-unit]').count()).toBe(1);
    await admin.getByLabel('Loại trường').selectOption({ label: 'Tất cả' });
    await expect.poll(() => admin.locator('tbody tr[data-unit]').count()).toBe(2);
    expect(await admin.locator('tbody tr[data-unit]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-unit')))).toEqual(['Trường THCS Đồi Thông', 'Trường Tiểu học Sông Biếc']);
    await admin.getByLabel('Đơn vị quản lý').selectOption({ label: 'Sở Giáo dục và Đào tạo tỉnh Minh Hòa' });
    await expect.poll(() => admin.locator('tbody tr[data-unit]').count()).toBe(2);
    await admin.getByLabel('Đơn vị quản lý').selectOption({ label: 'Tất cả' });

    // An extension for one school: it needs a reason, and a day before the campaign's own deadline is refused, naming the field.
    await admin.getByRole('button', { name: 'Gia hạn cho Trường Tiểu học Vân Phong' }).click();
    const extension = admin.getByRole('form', { name: 'Gia hạn cho Trường Tiểu học Vân Phong' });
    await extension.getByLabel('Hạn mới (hết ngày)').fill('2027-01-10');
    await extension.getByLabel('Lý do gia hạn').fill('ab');
    await extension.getByRole('button', { name: 'Lưu gia hạn' }).click();
    await expect.poll(() => extension.getByRole('alert').textContent()).toContain('Hãy ghi lý do gia hạn');
    expect(await extension.getByLabel('Lý do gia hạn').getAttribute('aria-invalid')).toBe('true');
    await extension.getByLabel('Lý do gia hạn').fill('Trường bị ảnh hưởng bởi bão, mất điện nhiều ngày');
    expect(await extension.getByLabel('Lý do gia hạn').getAttribute('aria-invalid')).toBeNull();
    await extension.getByRole('button', { name: 'Lưu gia hạn' }).click();
    await expect.poll(() => extension.getByRole('alert').textContent()).toContain('2027-01-31');
    expect(await extension.getByLabel('Hạn mới (hết ngày)').getAttribute('aria-invalid')).toBe('true');
    await shoot(admin, 'campaigns-6-extension-refused');
    expect(await axeViolations(admin)).toEqual([]);
    await extension.getByLabel('Hạn mới (hết ngày)').fill('2027-02-10');
    await extension.getByRole('button', { name: 'Lưu gia hạn' }).click();
    await expect.poll(() => admin.locator('tr[data-unit="Trường Tiểu học Vân Phong"] time').first().textContent(), { timeout: 15_000 }).toBe('2027-02-10');
    expect(await admin.getByRole('status').first().textContent()).toContain('Trường Tiểu học Vân Phong');
    // The reason is kept with the extension and shown beside the deadline.
    await expect
      .poll(() => admin.locator('tr[data-unit="Trường Tiểu học Vân Phong"] [data-extension="selfAssessment"]').textContent(), { timeout: 15_000 })
      .toContain('Lý do: Trường bị ảnh hưởng bởi bão, mất điện nhiều ngày');

    // Moving the external review for every school: only the deadlines can change, in order, and the form says
    // that the new day holds for every school while later per-unit extensions still apply.
    // By keyboard alone: back up from the extension to the plan's link, follow it, and save with Enter.
    await tabTo(admin, 'a[href$="/edit"]', true);
    expect(await admin.evaluate('document.activeElement?.textContent')).toBe('Dời hạn');
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { level: 1, name: 'Dời hạn của kỳ đánh giá' }).waitFor();
    expect(await admin.locator('#move-note').textContent()).toMatch(/mọi trường.*Gia hạn riêng.*vẫn có hiệu lực/);
    expect(await admin.getByLabel('Tên kỳ đánh giá').count()).toBe(0);
    await admin.getByLabel('Đánh giá ngoài', { exact: true }).fill('2027-02-01');
    await admin.getByRole('button', { name: 'Lưu hạn mới' }).click();
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('Hạn đánh giá ngoài không được trước hạn đề nghị đánh giá ngoài');
    expect(await admin.getByLabel('Đánh giá ngoài', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await admin.getByLabel('Đánh giá ngoài', { exact: true }).fill('2027-04-30');
    await admin.getByLabel('Đánh giá ngoài', { exact: true }).press('Enter');
    await admin.getByRole('heading', { level: 1, name: EDITED }).waitFor({ timeout: 15_000 });
    expect(await admin.getByRole('status').first().textContent()).toContain('hạn mới áp dụng cho mọi trường');
    expect(await admin.locator('.deadline-summary li').nth(2).textContent()).toBe('Đánh giá ngoài: 2027-04-30');

    // The history: who, when (Vietnam time), what — the moved deadline before → after, the extension with its reason.
    const history = admin.getByRole('region', { name: 'Lịch sử thay đổi' });
    const moved = history.locator('[data-history="updated"]').first();
    await expect.poll(() => moved.textContent(), { timeout: 15_000 }).toContain('Hạn đánh giá ngoài: 2027-03-31 → 2027-04-30');
    await expect.poll(() => moved.textContent(), { timeout: 15_000 }).toContain('Nguyễn Văn Quản Trị (demo)');
    expect(await moved.locator('time').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const extended = history.locator('[data-history="extension"]');
    expect(await extended.count()).toBe(1);
    expect(await extended.textContent()).toContain('Hạn tự đánh giá của Trường Tiểu học Vân Phong: 2027-02-10');
    expect(await extended.textContent()).toContain('Lý do: Trường bị ảnh hưởng bởi bão, mất điện nhiều ngày');
    expect(await history.locator('[data-change="name"]').first().textContent()).toBe(`Tên: ${CAMPAIGN} → ${EDITED}`);
    expect(await history.locator('[data-history="opened"]').textContent()).toContain('tạo hồ sơ cho 7 trường');
    expect(await history.locator('[data-history="created"]').count()).toBe(1);
    await admin.evaluate("document.getElementById('history-title').scrollIntoView()");
    await shoot(admin, 'campaigns-8-history');
    expect(await axeViolations(admin)).toEqual([]);

    // A school head, in another browser, sees the new campaign and the form of the new version: no restart.
    const school = await world.page();
    await world.signIn(school, 'th.songbiec.hieutruong');
    const card = school.locator('li.card', { hasText: CAMPAIGN });
    await card.getByRole('button', { name: 'Mở hồ sơ tự đánh giá' }).click();
    await school.locator('[data-group-points="1"]').waitFor({ timeout: 30_000 });
    expect(await school.locator('main').textContent()).toContain(NEW_LABEL);
    await school.locator('[data-field="live_teaching_deployed"]').getByLabel('Có').check();
    await expect.poll(() => school.locator('[data-save-state]').getAttribute('data-save-state'), { timeout: 15_000 }).toBe('saved');
    await school.evaluate('window.scrollTo(0, 0)');
    await shoot(school, 'campaigns-4-school-new-version');

    // Back at the Sở: that school is now a draft.
    await admin.reload();
    await expect.poll(() => statusOfRow(admin, 'Trường Tiểu học Sông Biếc'), { timeout: 15_000 }).toBe('draft');
    expect(await admin.locator('[data-count="draft"]').textContent()).toBe('1');
    expect(await admin.locator('[data-count="not-started"]').textContent()).toBe('6');
    expect(await admin.locator('tr[data-unit="Trường Tiểu học Sông Biếc"]').textContent()).toContain('Mức 1');

    // On a phone the same progress is one column of units.
    const phone = await world.page({ width: 390, height: 844 });
    await world.signIn(phone, 'so.quantri');
    await phone.goto(admin.url());
    await phone.locator('tr[data-unit="Trường Tiểu học Sông Biếc"]').scrollIntoViewIfNeeded();
    const scrollWidth = await phone.evaluate('document.documentElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(390);
    await shoot(phone, 'campaigns-5-progress-phone');
    // Moving deadlines on a phone: one column, nothing wider than the screen.
    await phone.goto(`${admin.url()}/edit`);
    await phone.getByRole('heading', { level: 1, name: 'Dời hạn của kỳ đánh giá' }).waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // Closing, confirmed: the campaign is closed and extensions are no longer offered.
    await admin.getByRole('button', { name: 'Đóng kỳ đánh giá' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'Đóng kỳ đánh giá' }).click();
    await expect.poll(() => admin.locator('[data-campaign-status]').getAttribute('data-campaign-status'), { timeout: 15_000 }).toBe('closed');
    expect(await admin.getByRole('button', { name: /^Gia hạn/ }).count()).toBe(0);
  });
});
