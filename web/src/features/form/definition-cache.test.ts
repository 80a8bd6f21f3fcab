import { national4725 } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import { createDefinitionCache } from './definition-cache.ts';

function memoryStore(options: { full?: boolean } = {}) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (options.full === true) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

const pin = { setKey: '4725', number: 1, contentHash: 'a1b2' };

function counter() {
  let calls = 0;
  return {
    fetch: async () => {
      calls += 1;
      return national4725;
    },
    get calls() {
      return calls;
    },
  };
}

describe('the browser’s copy of pinned criteria definitions', () => {
  it('fetches a version once, then reads it from the browser', async () => {
    const store = memoryStore();
    const fetched = counter();
    const cache = createDefinitionCache(store, 'demo');
    expect((await cache.get(pin, fetched.fetch)).groups.length).toBe(national4725.groups.length);
    expect(await createDefinitionCache(store, 'demo').get(pin, fetched.fetch)).toEqual(national4725);
    expect(fetched.calls).toBe(1);
  });

  it('keys by tenant, version and content hash, so another of any of them is fetched', async () => {
    const store = memoryStore();
    const fetched = counter();
    await createDefinitionCache(store, 'demo').get(pin, fetched.fetch);
    await createDefinitionCache(store, 'hai-phong').get(pin, fetched.fetch);
    await createDefinitionCache(store, 'demo').get({ ...pin, contentHash: 'ffff' }, fetched.fetch);
    await createDefinitionCache(store, 'demo').get({ ...pin, number: 2 }, fetched.fetch);
    expect(fetched.calls).toBe(4);
  });

  it('keeps the four most recent versions and drops the oldest', async () => {
    const store = memoryStore();
    const fetched = counter();
    const cache = createDefinitionCache(store, 'demo');
    for (let number = 1; number <= 5; number += 1) await cache.get({ ...pin, number }, fetched.fetch);
    expect([...store.items.keys()].filter((key) => key.includes('#')).length).toBe(4);
    await cache.get({ ...pin, number: 1 }, fetched.fetch);
    expect(fetched.calls).toBe(6);
  });

  it('fetches again over an unreadable copy, and works with a full or missing storage', async () => {
    const store = memoryStore();
    const fetched = counter();
    await createDefinitionCache(store, 'demo').get(pin, fetched.fetch);
    for (const key of store.items.keys()) if (key.includes('#')) store.items.set(key, '{not json');
    expect((await createDefinitionCache(store, 'demo').get(pin, fetched.fetch)).groups.length).toBeGreaterThan(0);
    expect(await createDefinitionCache(memoryStore({ full: true }), 'demo').get(pin, fetched.fetch)).toEqual(national4725);
    expect(await createDefinitionCache(null, 'demo').get(pin, fetched.fetch)).toEqual(national4725);
    expect(fetched.calls).toBe(4);
  });
});
