import { describe, expect, it } from 'vitest';
import { BlockedTargetError, guardedLookup, isBlockedAddress } from './address-guard.ts';

describe('the link checker’s address guard (SSRF)', () => {
  it('blocks loopback, private, link-local (cloud metadata), CGNAT, multicast and wrapped IPv4; lets public addresses through', () => {
    for (const blocked of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', 'not-an-ip'])
      expect(isBlockedAddress(blocked), blocked).toBe(true);
    for (const open of ['8.8.8.8', '203.162.4.190', '2001:4860:4860::8888']) expect(isBlockedAddress(open), open).toBe(false);
  });

  it('refuses a name when any of its addresses is private, so a public twin cannot smuggle it in', async () => {
    const lookup = guardedLookup(async () => [
      { address: '203.162.4.190', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ], false);
    const error = await new Promise((resolve) => lookup('truong-thu.edu.vn', { all: true }, (err) => resolve(err)));
    expect(error).toBeInstanceOf(BlockedTargetError);
  });

  it('answers in both shapes node:http asks for, and lets private addresses through when allowed', async () => {
    const lookup = guardedLookup(async () => [{ address: '127.0.0.1', family: 4 }], true);
    const all = await new Promise((resolve) => lookup('may-chu-thu.local', { all: true }, (err, address) => resolve([err, address])));
    expect(all).toEqual([null, [{ address: '127.0.0.1', family: 4 }]]);
    const one = await new Promise((resolve) => lookup('may-chu-thu.local', {}, (err, address, family) => resolve([err, address, family])));
    expect(one).toEqual([null, '127.0.0.1', 4]);
  });
});
