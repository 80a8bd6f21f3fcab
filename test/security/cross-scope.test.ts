import { readdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountAccess } from '../../services/src/http/access.ts';
import type { Route } from '../../services/src/http/route.ts';
import { apiRoutes } from '../../services/src/routes.ts';
import { send } from './api.ts';
import { OUT_OF_SUITE, ROUTE_CASES } from './cases.ts';
import { type Outcome, type Shot, fireAll } from './probes.ts';
import { differences, snapshot } from './snapshot.ts';
import { ATTACKS, type Attack, attackerOf, targetOf } from './targets.ts';
import { buildWorld } from './world.ts';

/**
 * The cross-scope suite (the issue: "for every route and every role, a user of province A touching
 * province B, a reviewer of district X touching a school of district Y, and a school touching another
 * school all get 404 and change nothing"). Every route a tenant's account can call is sent, by each
 * attacker, a valid request naming the target's resources; listings and own reads must hold nothing of
 * the target. The table is compared whole before and after: not one item may change.
 *
 * The world is seeded while the file is collected, so that one test per attack and route can be named
 * after the requests it makes; the requests themselves are sent once, eight at a time, in beforeAll. An
 * attack has no test for a route when the target holds nothing that route names (a district or a school
 * owns no criteria set: those belong to the whole tenant, and are attacked across tenants only).
 */

const keyOf = (route: Route) => `${route.spec.method.toUpperCase()} ${route.spec.path}`;
const accountRoutes = apiRoutes.filter((route) => route.spec.access === accountAccess);

const world = await buildWorld();

interface Planned {
  attack: Attack;
  route: Route;
  shots: Shot[];
}

const plan: Planned[] = ATTACKS.flatMap((attack) => {
  const attacker = attackerOf(world, attack.attacker);
  const target = targetOf(world, attack.target);
  return accountRoutes.map((route) => {
    const build = ROUTE_CASES[keyOf(route)];
    const probes = build === undefined ? [] : build(target, attacker);
    return { attack, route, shots: probes.map((probe) => ({ route, probe, attacker, target })) };
  });
});
const shots = plan.flatMap((planned) => planned.shots);

let outcomes = new Map<Shot, Outcome>();
let changes: string[] = [];

beforeAll(async () => {
  const before = await snapshot(world.store);
  const fired = await fireAll(world.app, shots, 8);
  outcomes = new Map(fired.map((outcome) => [outcome.shot, outcome]));
  changes = differences(before, await snapshot(world.store));
}, 300_000);

afterAll(() => rmSync(world.evidenceDir, { recursive: true, force: true }));

function failuresOf(planned: Planned): string[] {
  return planned.shots.flatMap((shot) => {
    const outcome = outcomes.get(shot);
    if (outcome === undefined) return [`${shot.probe.label}: not sent`];
    if (outcome.problems.length === 0) return [];
    return [`${shot.probe.label}: ${outcome.problems.join('; ')} — ${outcome.request} → ${outcome.status} ${outcome.body.slice(0, 300)}`];
  });
}

describe('the case table', () => {
  it('has a case for every route a signed-in account can call, so that a route added without one fails here', () => {
    expect(accountRoutes.map(keyOf).filter((key) => ROUTE_CASES[key] === undefined)).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((key) => !accountRoutes.some((route) => keyOf(route) === key))).toEqual([]);
  });

  it('lists every other route (public, system admin) with the reason it is outside this suite', () => {
    const others = apiRoutes.filter((route) => route.spec.access !== accountAccess).map(keyOf);
    expect(others.filter((key) => OUT_OF_SUITE[key] === undefined)).toEqual([]);
    expect(Object.keys(OUT_OF_SUITE).filter((key) => !others.includes(key))).toEqual([]);
  });

  it('sends at least one request to every route', () => {
    const idle = accountRoutes.filter((route) => !plan.some((planned) => planned.route === route && planned.shots.length > 0)).map(keyOf);
    expect(idle).toEqual([]);
  });
});

for (const scenario of ['cross-tenant', 'cross-district', 'school-to-school'] as const) {
  describe(scenario, () => {
    for (const planned of plan.filter((p) => p.attack.scenario === scenario && p.shots.length > 0)) {
      const { attack, route } = planned;
      it(`${attack.attacker} against ${attack.target}: ${keyOf(route)} (${planned.shots.length} ${planned.shots.length === 1 ? 'request' : 'requests'})`, () => {
        expect(failuresOf(planned), `${scenario} | ${attack.attacker} → ${attack.target} | ${keyOf(route)}`).toEqual([]);
      });
    }
  });
}

describe('the leak detector', () => {
  const targets = [...new Set(ATTACKS.map((attack) => attack.target))];
  it.each(targets)('finds every secret of %s in what its own people read (so that not finding them elsewhere means something)', async (name) => {
    const { owner, secrets } = targetOf(world, name);
    const answers = await Promise.all(owner.paths.map(async (path) => (await send(world.app, { method: 'GET', path, headers: owner.headers })).text()));
    expect(secrets.filter((secret) => !answers.some((answer) => answer.includes(secret)))).toEqual([]);
  });
});

describe('nothing changed', () => {
  it('leaves every item of the table as it was after all the requests: no item, audit event or counter written', () => {
    expect(changes).toEqual([]);
  });

  it('stores no evidence file', () => {
    expect(readdirSync(world.evidenceDir, { recursive: true })).toEqual([]);
  });
});
