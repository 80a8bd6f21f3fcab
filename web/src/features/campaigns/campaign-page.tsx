import { A, useLocation, useParams } from '@solidjs/router';
import { Show, createResource, createSignal } from 'solid-js';
import { useGrant, useSession } from '../../shell/session-context.ts';
import { managesCampaign } from './access.ts';
import { type Campaign, campaignsApi } from './api.ts';
import { CampaignHeader } from './campaign-header.tsx';
import type { EditedState } from './edit-campaign-page.tsx';
import { ErrorNote } from './error-note.tsx';
import { HistorySection } from './history-section.tsx';
import { t } from './phrases.ts';
import { ProgressSection } from './progress-section.tsx';

/** `/manage/campaigns/:campaignId`: the campaign's plan, its next step (open, close) and the progress of its units. */
export function CampaignPage() {
  const session = useSession();
  const grant = useGrant();
  const params = useParams<{ campaignId: string }>();
  const api = campaignsApi(session.api);
  const location = useLocation<EditedState>();
  // The edit form comes back here with what it saved, to be said once.
  const [message, setMessage] = createSignal(location.state?.message ?? '');
  // Bumped on every change made from this page, so the history reloads.
  const [revision, setRevision] = createSignal(0);
  const bump = () => setRevision((n) => n + 1);

  const [campaign, { mutate: setCampaign }] = createResource(() => params.campaignId, (id) => api.get(id));
  const manages = () => {
    const current = campaign();
    return current !== undefined && managesCampaign(grant(), current);
  };
  const [progress, { refetch: refetchProgress }] = createResource(() => params.campaignId, (id) => api.progress(id));
  const [extensions, { refetch: refetchExtensions }] = createResource(
    () => (manages() ? params.campaignId : false),
    (id) => api.extensions(id).catch(() => []),
  );
  const rows = () => progress()?.items ?? null;
  const unitName = (unitId: string) => rows()?.find((row) => row.unitId === unitId)?.unitName ?? null;

  const changed = (next: Campaign, text: string) => {
    setCampaign(next);
    setMessage(text);
    bump();
    void refetchProgress();
  };

  return (
    <main class="wide">
      <p>
        <A href="/manage/campaigns">{t('backToList')}</A>
      </p>
      <Show when={campaign.error}>{(error) => <ErrorNote error={error()} />}</Show>
      <Show when={campaign()} fallback={<Show when={!campaign.error}><p aria-busy="true">…</p></Show>}>
        {(current) => (
          <>
            <h1>{current().name}</h1>
            <p role="status" class={message() === '' ? '' : 'note ok'}>
              {message()}
            </p>
            <CampaignHeader campaign={current()} manages={manages()} schools={progress()?.total ?? null} api={api} onChanged={changed} />
            <Show when={progress.error}>{(error) => <ErrorNote error={error()} />}</Show>
            <Show when={rows()} fallback={<Show when={!progress.error}><p aria-busy="true">…</p></Show>}>
              {(list) => (
                <ProgressSection
                  rows={list()}
                  extensions={extensions() ?? []}
                  canExtend={manages() && current().status !== 'closed'}
                  api={api}
                  campaignId={current().id}
                  onExtended={(text) => {
                    setMessage(text);
                    bump();
                    void refetchProgress();
                    void refetchExtensions();
                  }}
                />
              )}
            </Show>
            <Show when={manages()}>
              <HistorySection api={api} campaignId={current().id} revision={revision()} unitName={unitName} />
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}
