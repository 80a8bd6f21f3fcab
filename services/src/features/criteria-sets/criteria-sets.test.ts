import { type Definition, DefinitionSchema } from '@chiso/criteria';
import { national4725, seed003Example } from '@chiso/criteria/sets';
import { beforeAll, describe, expect, it } from 'vitest';
import { SystemAdmin } from '../../auth/system-admin.ts';
import { TenantContext } from '../../auth/tenant-context.ts';
import type { Store } from '../../db/client.ts';
import { ConflictError, InvalidInputsError, StateConflictError } from '../../errors.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { auditLog } from '../audit-events/repository.ts';
import { contentHash } from './content-hash.ts';
import { criteriaSetRepository } from './repository.ts';
import {
  type CriteriaDeps,
  createDraft,
  diffVersions,
  getVersion,
  listCatalogue,
  listPublished,
  publishVersion,
  retireVersion,
  scoreSample,
  updateDraft,
} from './use-cases.ts';

let store: Store;
let deps: CriteriaDeps;
const admin = SystemAdmin.authenticate('token', 'token');
if (admin === null) throw new Error('no admin');
const tenant = (id: string) => TenantContext.forSystemAdmin(admin, id);

beforeAll(async () => {
  store = await createTestStore();
  deps = { sets: criteriaSetRepository(store) };
});

/** The definition with one band of criterion 1.4 moved: level 3 from above 7 points. */
function withBandChanged(definition: Definition): Definition {
  const copy = DefinitionSchema.parse(JSON.parse(JSON.stringify(definition)));
  const criterion = copy.groups[0]?.criteria.find((c) => c.id === '1.4');
  if (criterion?.kind !== 'scored') throw new Error('1.4 is scored');
  criterion.bands = [
    { level: 1, max: 4, minInclusive: true, maxInclusive: false },
    { level: 2, min: 4, max: 7, minInclusive: true, maxInclusive: true },
    { level: 3, min: 7, minInclusive: false, maxInclusive: false },
  ];
  return copy;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('criteria versions', () => {
  it('clones the national 4725 into a province as a draft that records where it came from', async () => {
    const ctx = tenant('clone-a');
    const { version, definition, problems } = await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026-2027' });
    expect(version).toMatchObject({ setKey: '4725', number: 1, label: '2026-2027', status: 'draft', version: 1, problems: { errors: 0, warnings: 0 } });
    expect(version.derivedFrom).toEqual({ setKey: '4725', version: '2022.1', contentHash: contentHash(national4725) });
    expect(definition.groups).toEqual(national4725.groups);
    expect(problems).toEqual([]);
    const catalogue = await listCatalogue(deps, ctx);
    expect(catalogue.sets.map((s) => [s.setKey, s.versions.map((v) => v.number)])).toEqual([['4725', [1]]]);
    expect(catalogue.builtIn.map((s) => s.setKey)).toEqual(['4725', 'hp-4725']);
  });

  it('edits a draft from the version read, refuses a stale edit with the current version, and audits both', async () => {
    const ctx = tenant('edit-a');
    const draft = await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026.1' });
    const edited = await updateDraft(deps, ctx, '4725', 1, { version: 1, definition: withBandChanged(draft.definition) });
    expect(edited.version.version).toBe(2);
    expect(edited.version.contentHash).not.toBe(draft.version.contentHash);
    const stale = await rejection(updateDraft(deps, ctx, '4725', 1, { version: 1, definition: draft.definition }));
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).currentVersion).toBe(2);
    expect((await getVersion(deps, ctx, '4725', 1)).definition.groups[0]?.criteria.find((c) => c.id === '1.4')).toMatchObject({ bands: [{ max: 4 }, { max: 7 }, { min: 7 }] });
    const history = await auditLog(store).forEntity(ctx, { type: 'criteria-version', id: '4725@0001' }, { limit: 10, cursor: null });
    expect(history.items.map((e) => e.action)).toEqual(['criteria-version.edited', 'criteria-version.created']);
  });

  it('lets exactly one of two concurrent edits of the same version win; the other gets a conflict', async () => {
    const ctx = tenant('race-a');
    const draft = await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026.1' });
    const results = await Promise.allSettled([
      updateDraft(deps, ctx, '4725', 1, { version: 1, definition: withBandChanged(draft.definition) }),
      updateDraft(deps, ctx, '4725', 1, { version: 1, definition: { ...draft.definition, title: { vi: 'Tên khác' } } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect(failed?.status === 'rejected' && failed.reason).toBeInstanceOf(ConflictError);
    const stored = await getVersion(deps, ctx, '4725', 1);
    expect(stored.version.version).toBe(2);
  });

  it('refuses a draft that does not have the shape of a definition, naming every problem', async () => {
    const ctx = tenant('shape-a');
    await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026.1' });
    const error = await rejection(updateDraft(deps, ctx, '4725', 1, { version: 1, definition: { schemaVersion: 1, setKey: '4725', groups: 'none' } }));
    expect(error).toBeInstanceOf(InvalidInputsError);
    expect((error as InvalidInputsError).details.map((d) => d.path)).toEqual(expect.arrayContaining(['body.definition.version', 'body.definition.groups']));
  });

  it('publishes only a draft without errors, then never changes it; retires it afterwards', async () => {
    const ctx = tenant('publish-a');
    const blank = await createDraft(deps, ctx, { from: 'blank', setKey: 'mam-non', label: '2026.1', title: 'Bộ chỉ số mầm non (thử)' });
    expect(blank.problems.map((p) => p.code)).toEqual(['criterion.no-indicators']);
    const refused = await rejection(publishVersion(deps, ctx, 'mam-non', 1, 1));
    expect(refused).toBeInstanceOf(StateConflictError);
    expect((refused as StateConflictError).code).toBe('not-publishable');
    expect((refused as StateConflictError).details.map((d) => d.path)).toEqual(['definition.groups[0].criteria[0].indicators']);

    await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026.1' });
    const published = await publishVersion(deps, ctx, '4725', 1, 1);
    expect(published).toMatchObject({ status: 'published', version: 2 });
    const edit = await rejection(updateDraft(deps, ctx, '4725', 1, { version: 2, definition: national4725 }));
    expect((edit as StateConflictError).code).toBe('illegal-transition');
    expect((edit as StateConflictError).details.map((d) => d.code)).toEqual(['allowed.retire']);
    expect((await getVersion(deps, ctx, '4725', 1)).version.contentHash).toBe(published.contentHash);

    const retired = await retireVersion(deps, ctx, '4725', 1, 2);
    expect(retired.status).toBe('retired');
    expect((await rejection(retireVersion(deps, ctx, '4725', 1, 3))) as StateConflictError).toMatchObject({ code: 'illegal-transition' });
  });

  it('makes a published version available to campaigns at once, while earlier versions keep their content', async () => {
    const ctx = tenant('campaign-a');
    await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2025.1' });
    const first = await publishVersion(deps, ctx, '4725', 1, 1);
    const second = await createDraft(deps, ctx, { from: 'clone', source: { setKey: '4725', number: 1 }, label: '2026.1' });
    expect(second.version.number).toBe(2);
    expect(second.version.derivedFrom?.contentHash).toBe(first.contentHash);
    await updateDraft(deps, ctx, '4725', 2, { version: 1, definition: withBandChanged(second.definition) });
    await publishVersion(deps, ctx, '4725', 2, 2);
    expect((await listPublished(deps, ctx)).map((v) => [v.number, v.label])).toEqual([
      [1, '2025.1'],
      [2, '2026.1'],
    ]);
    expect((await getVersion(deps, ctx, '4725', 1)).version.contentHash).toBe(first.contentHash);
  });

  it('refuses to publish a second version with a label already published', async () => {
    const ctx = tenant('label-a');
    await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026.1' });
    await publishVersion(deps, ctx, '4725', 1, 1);
    await createDraft(deps, ctx, { from: 'clone', source: { setKey: '4725', number: 1 }, label: '2026.1' });
    expect((await rejection(publishVersion(deps, ctx, '4725', 2, 1))) as StateConflictError).toMatchObject({ code: 'label-taken' });
  });

  it('diffs two versions and scores sample answers without saving them', async () => {
    const ctx = tenant('diff-a');
    const draft = await createDraft(deps, ctx, { from: 'clone', source: { builtIn: '4725' }, label: '2026.1' });
    await updateDraft(deps, ctx, '4725', 1, { version: 1, definition: withBandChanged(draft.definition) });
    const diff = await diffVersions(deps, ctx, { builtIn: '4725' }, { setKey: '4725', number: 1 });
    expect(diff.entries.filter((e) => e.item === 'criterion').map((e) => e.id)).toEqual(['1.4']);
    const score = await scoreSample(deps, ctx, '4725', 1, { answers: seed003Example.answers, awards: seed003Example.awards });
    expect(score.groups.map((g) => [g.points, g.level])).toEqual([
      [84, 3],
      [94, 3],
    ]);
    expect((await getVersion(deps, ctx, '4725', 1)).version.version).toBe(2);
  });

  it('imports a definition as a draft of its own set', async () => {
    const ctx = tenant('import-a');
    const imported = await createDraft(deps, ctx, { from: 'import', definition: JSON.parse(JSON.stringify({ ...national4725, setKey: 'hp-2026', status: 'published' })) });
    expect(imported.version).toMatchObject({ setKey: 'hp-2026', number: 1, status: 'draft' });
  });
});
