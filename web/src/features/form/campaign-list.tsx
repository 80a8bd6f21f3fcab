import { For, Show, createResource } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import { t } from '../../i18n/locale.ts';
import { LoadError } from '../../ui/load-error.tsx';

/** The campaigns the school takes part in, each opening its submission. */
export function CampaignList(props: { api: ApiClient; onOpen: (campaignId: string) => void }) {
  const [campaigns] = createResource(() => props.api.campaigns());
  return (
    <main>
      <h1>{t('campaigns')}</h1>
      <Show when={campaigns.error}>{(error) => <LoadError error={error()} />}</Show>
      <Show when={campaigns()} fallback={<p aria-busy="true">{t('loading')}</p>}>
        {(page) => (
          <Show when={page().items.length > 0} fallback={<p>{t('noCampaigns')}</p>}>
            <ul class="stack plain">
              <For each={page().items}>
                {(campaign) => (
                  <li class="card">
                    <h2>{campaign.name}</h2>
                    <p class="muted">
                      {campaign.schoolYear} · {t('deadline')}: {campaign.deadlines.selfAssessment}
                    </p>
                    <button type="button" class="primary" onClick={() => props.onOpen(campaign.id)}>
                      {t('openForm')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </main>
  );
}
