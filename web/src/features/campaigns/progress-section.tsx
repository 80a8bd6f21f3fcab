import { For, createMemo } from 'solid-js';
import { createStore } from 'solid-js/store';
import { type CampaignsApi, type Extension, PROGRESS_STATUSES, type ProgressRow, type ProgressStatus } from './api.ts';
import { kindLabel } from './kind-versions.tsx';
import { fill, t } from './phrases.ts';
import { NO_FILTER, type ProgressFilter, countByStatus, filterRows, kindsOf, officesOf } from './progress-view.ts';
import { ProgressTable } from './progress-table.tsx';

const statusOf = (value: string): ProgressStatus | '' => PROGRESS_STATUSES.find((status) => status === value) ?? '';

/** Counts per status, the filters, and the table of units. */
export function ProgressSection(props: {
  rows: ProgressRow[];
  extensions: Extension[];
  canExtend: boolean;
  api: CampaignsApi;
  campaignId: string;
  onExtended: (message: string) => void;
}) {
  const [filter, setFilter] = createStore<ProgressFilter>({ ...NO_FILTER });
  const counts = createMemo(() => countByStatus(props.rows));
  const shown = createMemo(() => filterRows(props.rows, filter));
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress')}</h2>
      <div aria-live="polite" data-progress-counts>
        <p>
          {t('total')}: <strong data-count="total">{props.rows.length}</strong>
        </p>
        <ul class="plain status-counts" aria-label={t('countsLabel')}>
          <For each={PROGRESS_STATUSES}>
            {(status) => (
              <li class={`count progress-${status}`}>
                <span class="count-label">{t(`progress.${status}`)}</span> <strong data-count={status}>{counts().get(status) ?? 0}</strong>
              </li>
            )}
          </For>
        </ul>
      </div>
      <form class="card row filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('status')}
          <select value={filter.status} onChange={(e) => setFilter('status', statusOf(e.currentTarget.value))}>
            <option value="">{t('all')}</option>
            <For each={PROGRESS_STATUSES}>{(status) => <option value={status}>{t(`progress.${status}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('kind')}
          <select value={filter.kind} onChange={(e) => setFilter('kind', e.currentTarget.value)}>
            <option value="">{t('all')}</option>
            <For each={kindsOf(props.rows)}>{(kind) => <option value={kind}>{kindLabel(kind)}</option>}</For>
          </select>
        </label>
        <label>
          {t('office')}
          <select value={filter.officeId} onChange={(e) => setFilter('officeId', e.currentTarget.value)}>
            <option value="">{t('all')}</option>
            <For each={officesOf(props.rows)}>{(office) => <option value={office.id}>{office.name}</option>}</For>
          </select>
        </label>
        <label class="inline check">
          <input type="checkbox" checked={filter.overdueOnly} onChange={(e) => setFilter('overdueOnly', e.currentTarget.checked)} />
          {t('overdueOnly')}
        </label>
      </form>
      <p role="status" data-shown>
        {fill(t('shown'), { n: shown().length, total: props.rows.length })}
      </p>
      <ProgressTable rows={shown()} extensions={props.extensions} canExtend={props.canExtend} api={props.api} campaignId={props.campaignId} onExtended={props.onExtended} />
    </section>
  );
}
