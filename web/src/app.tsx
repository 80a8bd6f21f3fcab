import { Route, Router } from '@solidjs/router';
import { For } from 'solid-js';
import { builderRoutes } from './features/builder/routes.tsx';
import { campaignRoutes } from './features/campaigns/routes.tsx';
import { evidenceRoutes } from './features/evidence/routes.tsx';
import { formRoutes } from './features/form/routes.tsx';
import { reviewRoutes } from './features/review/routes.tsx';
import { createSession } from './features/sign-in/session.ts';
import { Home, Layout, NothingHere } from './shell/layout.tsx';

/**
 * Every screen of the app, by address. Each feature lists its own routes (`features/<name>/routes.tsx`);
 * those not needed by a school load lazily, so the school's form stays small.
 */
const ROUTES = [...formRoutes, ...evidenceRoutes, ...campaignRoutes, ...reviewRoutes, ...builderRoutes];

export function App() {
  const session = createSession();
  return (
    <Router root={(props) => <Layout {...props} session={session} />}>
      <Route path="/" component={() => <Home session={session} />} />
      <For each={ROUTES}>{(route) => <Route path={route.path} component={route.component} />}</For>
      <Route path="*" component={NothingHere} />
    </Router>
  );
}
