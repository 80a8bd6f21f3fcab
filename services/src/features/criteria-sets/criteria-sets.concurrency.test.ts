import type { Definition } from '@chiso/criteria';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestProvince, seedProvince } from '../../testing/province.ts';
import { adminHeaders, createTestApp } from '../../testing/test-app.ts';
import { createTestStore } from '../../testing/test-store.ts';
import { AuditEventPageSchema } from '../audit-events/schemas.ts';
import { bandsOf14, criteriaClient, errorOf, read, withBandChanged, withTitle } from './api-test-support.ts';
import { CriteriaVersionDetailSchema } from './responses.ts';

let api: ReturnType<typeof criteriaClient>;
let province: TestProvince;

beforeAll(async () => {
  const store = await createTestStore();
  api = criteriaClient(createTestApp(store));
  province = await seedProvince(store, 'tinh-a');
});

describe('two people editing the same draft at once', () => {
  it('lets exactly one edit win; the other gets 409 with currentVersion, re-reads, re-applies and succeeds; the audit trail has both', async () => {
    const admin = province.headers.provinceAdmin;
    await api.cloneDraft(admin, 'race');
    // Both clients read the same draft at the same version.
    const [readA, readB] = await Promise.all([api.getVersion(admin, 'race', 1), api.getVersion(admin, 'race', 1)]);
    expect(readA.version.version).toBe(1);
    expect(readB.version.version).toBe(1);
    const editA = (definition: Definition) => withBandChanged(definition);
    const editB = (definition: Definition) => withTitle(definition, 'Bộ chỉ số thử nghiệm của người B');

    const responses = await Promise.all([
      api.call(admin, 'PUT', '/criteria-sets/race/versions/1', { version: readA.version.version, definition: editA(readA.definition) }),
      api.call(admin, 'PUT', '/criteria-sets/race/versions/1', { version: readB.version.version, definition: editB(readB.definition) }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const winnerIsA = responses[0]?.status === 200;
    const [winner, loser] = winnerIsA ? [responses[0], responses[1]] : [responses[1], responses[0]];
    if (winner === undefined || loser === undefined) throw new Error('two responses');
    const saved = await read(winner, 200, CriteriaVersionDetailSchema);
    expect(saved.version.version).toBe(2);
    expect(await errorOf(loser, 409)).toMatchObject({ code: 'conflict', currentVersion: 2 });

    // The winner's content is intact, and nothing of the loser's edit is in it.
    const afterRace = await api.getVersion(admin, 'race', 1);
    expect(afterRace.version).toEqual(saved.version);
    expect(afterRace.definition).toEqual(saved.definition);
    const original = readA.definition;
    if (winnerIsA) {
      expect(bandsOf14(afterRace.definition)).toEqual(bandsOf14(editA(original)));
      expect(afterRace.definition.title).toEqual(original.title);
    } else {
      expect(afterRace.definition.title.vi).toBe('Bộ chỉ số thử nghiệm của người B');
      expect(bandsOf14(afterRace.definition)).toEqual(bandsOf14(original));
    }

    // The loser re-reads, applies its edit again on top of the winner's, and sends the version it now holds.
    const reapply = winnerIsA ? editB : editA;
    const retried = await read(
      await api.call(admin, 'PUT', '/criteria-sets/race/versions/1', { version: afterRace.version.version, definition: reapply(afterRace.definition) }),
      200,
      CriteriaVersionDetailSchema,
    );
    expect(retried.version.version).toBe(3);
    const final = await api.getVersion(admin, 'race', 1);
    expect(bandsOf14(final.definition)).toEqual(bandsOf14(editA(original)));
    expect(final.definition.title.vi).toBe('Bộ chỉ số thử nghiệm của người B');

    const history = await read(await api.call(adminHeaders, 'GET', '/tenants/tinh-a/audit-events?entityType=criteria-version&entityId=race@0001'), 200, AuditEventPageSchema);
    expect(history.items.map((e) => [e.action, e.entityVersion])).toEqual([
      ['criteria-version.edited', 3],
      ['criteria-version.edited', 2],
      ['criteria-version.created', 1],
    ]);
    expect(history.items.map((e) => e.actor)).toEqual(Array(3).fill({ kind: 'account', accountId: province.accounts.provinceAdmin.id, name: province.accounts.provinceAdmin.name }));
    expect(history.items[1]?.after).toMatchObject({ contentHash: saved.version.contentHash });
    expect(history.items[0]?.after).toMatchObject({ contentHash: final.version.contentHash });
  });
});
