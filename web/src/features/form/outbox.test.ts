import { describe, expect, it } from 'vitest';
import { createOutbox, outboxKey, tenantOfToken } from './outbox.ts';

function memoryStore() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const entry = { version: 7, base: { answers: { digital_materials: 40 }, awards: {} }, unsent: { answers: { digital_materials: 45 }, awards: { '1.4a': 10 } } };

describe('the outbox of unsaved changes', () => {
  it('keeps the changes per tenant, campaign and unit, and reads them back after a reload', () => {
    const store = memoryStore();
    const key = outboxKey({ tenant: 'demo', campaignId: 'c1', unitId: 'u1' });
    createOutbox(store, key).write(entry);
    expect(createOutbox(store, key).read()).toMatchObject(entry);
    expect(createOutbox(store, outboxKey({ tenant: 'demo', campaignId: 'c1', unitId: 'u2' })).read()).toBeNull();
    expect(createOutbox(store, outboxKey({ tenant: 'hai-phong', campaignId: 'c1', unitId: 'u1' })).read()).toBeNull();
  });

  it('is cleared once nothing is left to send', () => {
    const store = memoryStore();
    const outbox = createOutbox(store, 'k');
    outbox.write(entry);
    outbox.write({ ...entry, unsent: { answers: {}, awards: {} } });
    expect(store.items.size).toBe(0);
    outbox.write(entry);
    outbox.write(null);
    expect(outbox.read()).toBeNull();
  });

  it('ignores what it cannot read, and a storage that refuses to write', () => {
    const store = memoryStore();
    store.items.set('k', '{not json');
    expect(createOutbox(store, 'k').read()).toBeNull();
    store.items.set('k', JSON.stringify({ version: 'x', base: {}, unsent: {} }));
    expect(createOutbox(store, 'k').read()).toBeNull();
    const full = { ...memoryStore(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => createOutbox(full, 'k').write(entry)).not.toThrow();
    expect(createOutbox(null, 'k').read()).toBeNull();
  });

  it('reads the tenant from the session token', () => {
    const payload = btoa(JSON.stringify({ tid: 'demo', sub: 'a1' })).replace(/=+$/, '');
    expect(tenantOfToken(`h.${payload}.s`)).toBe('demo');
    expect(tenantOfToken('nonsense')).toBe('');
    expect(tenantOfToken(null)).toBe('');
  });
});
