import { UNIT_KIND_LABELS, type UnitKind } from '@chiso/criteria';
import { A, useSearchParams } from '@solidjs/router';
import { For, Show, createMemo, createResource } from 'solid-js';
import { formatNumber, t as tShared, tr } from '../../i18n/locale.ts';
import { useSession } from '../../shell/session-context.ts';
import { type LevelSummary, PROGRESS_STATUSES, type ProgressStatus, type ReviewCampaign, reviewApi } from './api.ts';
import { t } from './phrases.ts';
import { LoadError } from '../../ui/load-error.tsx';
import { countByStatus, filterRows, filtersFromQuery, isOverdue, kindsOf, opens, stagesOf, stepDeadline } from './queue.ts';

export const kindLabel = (kind: string): string => (kind in UNIT_KIND_LABELS ? tr(UNIT_KIND_LABELS[kind as UnitKind]) : kind);

// Statuses are named alike on every screen: the shared dictionary holds them.
export const statusLabel = (status: ProgressStatus): string => tShared(`status.${status}`);

function Levels(props: { summary: LevelSummary | null }) {
  return (
    <Show when={props.summary} fallback={<span class="muted">—</span>}>
      {(summary) => (
        <span>
          {summary()
            .groups.map((group) => formatNumber(group.points))
            .join(' / ')}{' '}
          · {t('level')} {summary().overallLevel}
        </span>
      )}
    </Show>
  );
}

/** The campaign to show: the one in the address, else the first open one, else the first. */
function chosen(campaigns: readonly ReviewCampaign[], wanted: string): ReviewCampaign | undefined {
  return campaigns.find((campaign) => campaign.id === wanted) ?? campaigns.find((campaign) => campaign.status === 'open') ?? campaigns[0];
}

/** The reviewer's queue: the campaign's submissions in the caller's scope, filtered, with the counts per status. */
export function QueuePage() {
  const api = reviewApi(useSession().api);
  const [search, setSearch] = useSearchParams();
  const [campaigns] = createResource(async () => (await api.campaigns()).items);
  const campaign = createMemo(() => chosen(campaigns() ?? [], typeof search.campaign === 'string' ? search.campaign : ''));
  const [progress] = createResource(() => campaign()?.id, (id) => api.progress(id));
  const filters = createMemo(() => filtersFromQuery(search));
  // Counts follow the kind filter, not the status one, so every status choice says what it would show.
  const ofKind = createMemo(() => (progress()?.items ?? []).filter((row) => filters().kind === '' || row.unitKind === filters().kind));
  const counts = createMemo(() => countByStatus(ofKind()));
  const rows = createMemo(() => (campaign() ? filterRows(progress()?.items ?? [], filters()) : []));
  const failure = (): unknown => campaigns.error ?? progress.error;

  return (
    <main class="review-queue">
      <h1>{t('queueTitle')}</h1>
      <Show when={failure()}>{(error) => <LoadError error={error()} />}</Show>
      <Show when={campaigns()} fallback={<p aria-busy="true">{t('busy')}</p>}>
        {(list) => (
          <Show when={campaign()} fallback={<p>{t('noCampaigns')}</p>}>
            {(current) => (
              <>
                <form class="card row queue-filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
                  <Show when={list().length > 1}>
                    <label>
                      <span id="queue-campaign-label">{t('campaign')}</span>
                      <select aria-labelledby="queue-campaign-label" value={current().id} onChange={(e) => setSearch({ campaign: e.currentTarget.value })}>
                        <For each={list()}>{(item) => <option value={item.id}>{`${item.name} (${item.schoolYear})`}</option>}</For>
                      </select>
                    </label>
                  </Show>
                  <label>
                    <span id="queue-status-label">{t('statusFilter')}</span>
                    <select aria-labelledby="queue-status-label" value={filters().status} onChange={(e) => setSearch({ status: e.currentTarget.value || undefined })}>
                      <option value="">{`${t('all')} (${ofKind().length})`}</option>
                      <For each={PROGRESS_STATUSES}>{(status) => <option value={status}>{`${statusLabel(status)} (${counts()[status]})`}</option>}</For>
                    </select>
                  </label>
                  <label>
                    <span id="queue-kind-label">{t('kindFilter')}</span>
                    <select aria-labelledby="queue-kind-label" value={filters().kind} onChange={(e) => setSearch({ kind: e.currentTarget.value || undefined })}>
                      <option value="">{t('all')}</option>
                      <For each={kindsOf(progress()?.items ?? [])}>{(kind) => <option value={kind}>{kindLabel(kind)}</option>}</For>
                    </select>
                  </label>
                  <label class="inline check">
                    <input type="checkbox" checked={filters().overdue} onChange={(e) => setSearch({ overdue: e.currentTarget.checked ? '1' : undefined })} />
                    {t('overdueOnly')}
                  </label>
                </form>
                <section aria-labelledby="queue-progress" class="queue-progress">
                  <h2 id="queue-progress">{t('progress')}</h2>
                  <ul class="plain row counts">
                    <For each={PROGRESS_STATUSES.filter((status) => counts()[status] > 0)}>
                      {(status) => (
                        <li class="badge" data-count={status}>
                          {statusLabel(status)}: <strong>{counts()[status]}</strong>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
                <Show when={progress()} fallback={<p aria-busy="true">{t('busy')}</p>}>
                  <p role="status" aria-live="polite">
                    {t('shown')} {rows().length} {t('of')} {progress()?.items.length ?? 0}
                  </p>
                  <Show when={rows().length > 0} fallback={<p class="note">{t('none')}</p>}>
                    <table class="queue-table">
                      <caption class="visually-hidden">{`${current().name} (${current().schoolYear})`}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('unit')}</th>
                          <th scope="col">{t('kind')}</th>
                          <th scope="col">{t('status')}</th>
                          <th scope="col">{t('selfScore')}</th>
                          <th scope="col">{t('reviewScore')}</th>
                          <th scope="col">{t('deadline')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={rows()}>
                          {(row) => (
                            <tr data-unit={row.unitId} data-status={row.status}>
                              <th scope="row" data-label={t('unit')}>
                                <Show when={opens(row)} fallback={row.unitName}>
                                  <A href={`/review/${encodeURIComponent(current().id)}/${encodeURIComponent(row.unitId)}`}>{row.unitName}</A>
                                </Show>
                              </th>
                              <td data-label={t('kind')}>{kindLabel(row.unitKind)}</td>
                              <td data-label={t('status')}>
                                {statusLabel(row.status)}
                                <Show when={row.status !== 'overdue' && isOverdue(row)}>
                                  {' '}
                                  <span class="badge warn">{t('overdue')}</span>
                                </Show>
                              </td>
                              <td data-label={t('selfScore')}>
                                <Levels summary={stagesOf(row).self} />
                              </td>
                              <td data-label={t('reviewScore')}>
                                <Levels summary={stagesOf(row).review} />
                              </td>
                              <td data-label={t('deadline')}>{stepDeadline(row)}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </Show>
                </Show>
              </>
            )}
          </Show>
        )}
      </Show>
    </main>
  );
}
