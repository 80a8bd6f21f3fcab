import { A } from '@solidjs/router';
import { For, Show, createResource } from 'solid-js';
import { useGrant, useSession } from '../../shell/session-context.ts';
import { canCreateCampaigns } from './access.ts';
import { type Campaign, type Progress, campaignsApi } from './api.ts';
import { ErrorNote } from './error-note.tsx';
import { t } from './phrases.ts';

// Statuses at which a school has handed in its self-assessment.
const HANDED_IN = ['submitted', 'in-review', 'returned', 'accepted', 'recognised', 'published'] as const;

const handedIn = (progress: Progress): number => HANDED_IN.reduce((sum, status) => sum + (progress.counts[status] ?? 0), 0);

/** `/manage/campaigns`: the campaigns the unit runs or takes part in, with their status, year and counts. */
export function CampaignListPage() {
  const session = useSession();
  const grant = useGrant();
  const api = campaignsApi(session.api);
  const [campaigns] = createResource(() => api.list());
  return (
    <main>
      <h1>{t('listTitle')}</h1>
      <p class="muted">{t('listIntro')}</p>
      <Show when={canCreateCampaigns(grant())} fallback={<p class="note">{t('readOnlyNote')}</p>}>
        <p>
          <A class="button primary" href="/manage/campaigns/new">
            {t('newCampaign')}
          </A>
        </p>
      </Show>
      <Show when={campaigns.error}>{(error) => <ErrorNote error={error()} />}</Show>
      <Show when={campaigns()} fallback={<Show when={!campaigns.error}><p aria-busy="true">…</p></Show>}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p>{t('noCampaigns')}</p>}>
            <ul class="plain stack campaign-list" data-campaign-list>
              <For each={items()}>{(campaign) => <CampaignCard campaign={campaign} />}</For>
            </ul>
          </Show>
        )}
      </Show>
    </main>
  );
}

function CampaignCard(props: { campaign: Campaign }) {
  const session = useSession();
  const api = campaignsApi(session.api);
  // Counts come from the progress listing, per campaign: they depend on the caller's scope and on schools
  // not enrolled yet, so the campaign list cannot carry them cheaply. A unit that cannot read progress still sees the campaign.
  const [progress] = createResource(() => props.campaign.id, (id) => api.progress(id).catch(() => null));
  const counts = () => {
    const current = progress();
    return current ? { total: current.total, handedIn: handedIn(current) } : null;
  };
  const href = () => `/manage/campaigns/${encodeURIComponent(props.campaign.id)}`;
  return (
    <li class="card" data-campaign={props.campaign.name}>
      <h2>
        <A href={href()}>{props.campaign.name}</A>
      </h2>
      <dl class="facts">
        <div>
          <dt>{t('schoolYear')}</dt>
          <dd>{props.campaign.schoolYear}</dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span class={`badge campaign-${props.campaign.status}`}>{t(`campaign.${props.campaign.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('units')}</dt>
          <dd>{counts()?.total ?? '…'}</dd>
        </div>
        <div>
          <dt>{t('submittedCount')}</dt>
          <dd>{counts()?.handedIn ?? '…'}</dd>
        </div>
        <div>
          <dt>{t('versions')}</dt>
          <dd>
            <For each={props.campaign.criteria}>
              {(entry, i) => (
                <>
                  {i() > 0 ? '; ' : ''}
                  {entry.setKey} · {entry.label}
                </>
              )}
            </For>
          </dd>
        </div>
      </dl>
      <A href={href()}>{t('viewProgress')}</A>
    </li>
  );
}
