import { type RouteDefinition, useNavigate, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { useGrant, useSession } from '../../shell/session-context.ts';
import { CampaignList } from './campaign-list.tsx';
import { FormPage } from './form-page.tsx';
import { tenantOfToken } from './outbox.ts';

function CampaignsScreen() {
  const session = useSession();
  const navigate = useNavigate();
  return <CampaignList api={session.api} onOpen={(id) => navigate(`/campaigns/${encodeURIComponent(id)}`)} />;
}

function FormScreen() {
  const session = useSession();
  const grant = useGrant();
  const params = useParams<{ campaignId: string }>();
  const navigate = useNavigate();
  // Keyed: another campaign or unit is another form, with its own autosave.
  return (
    <Show when={`${params.campaignId}|${grant().unitId}`} keyed>
      {(_key) => (
        <FormPage
          api={session.api}
          tenant={tenantOfToken(session.api.token())}
          campaignId={params.campaignId}
          unitId={grant().unitId}
          canSubmit={grant().role === 'school-head'}
          onBack={() => navigate('/campaigns')}
          onCatalogue={() => navigate(`/campaigns/${encodeURIComponent(params.campaignId)}/evidence`)}
        />
      )}
    </Show>
  );
}

/** The school's screens. The form is the app's main route, so it is in the first bundle, not lazy. */
export const formRoutes: RouteDefinition[] = [
  { path: '/campaigns', component: CampaignsScreen },
  { path: '/campaigns/:campaignId', component: FormScreen },
];
