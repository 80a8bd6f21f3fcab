import { For, Show, createSignal } from 'solid-js';
import { formatNumber } from '../../i18n/locale.ts';
import type { CampaignsApi, Extension, LevelSummary, ProgressRow } from './api.ts';
import { ExtensionForm } from './extension-form.tsx';
import { kindLabel } from './kind-versions.tsx';
import { fill, t } from './phrases.ts';

function Level(props: { summary: LevelSummary | null | undefined }) {
  return (
    <Show when={props.summary} fallback={t('none')}>
      {(summary) => (
        <>
          <strong>{fill(t('levelShort'), { n: summary().overallLevel })}</strong>
          <span class="muted level-points"> ({summary().groups.map((group) => fill(t('groupPoints'), { id: group.id, points: formatNumber(group.points) })).join('; ')})</span>
        </>
      )}
    </Show>
  );
}

/**
 * The units of the campaign, one row each: name, kind, office, status, the three levels as far as the
 * cycle has come, the deadline; for the campaign's managers, an extension of one step per unit.
 */
export function ProgressTable(props: {
  rows: ProgressRow[];
  extensions: Extension[];
  canExtend: boolean;
  api: CampaignsApi;
  campaignId: string;
  onExtended: (message: string) => void;
}) {
  const [extending, setExtending] = createSignal<string | null>(null);
  const extensionsOf = (unitId: string) => props.extensions.filter((extension) => extension.unitId === unitId);
  const columns = () => (props.canExtend ? 9 : 8);
  return (
    <div class="table-scroll" role="region" aria-labelledby="units-caption" tabIndex={0}>
      <table class="progress-table">
        <caption id="units-caption">{t('unitsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('unit')}</th>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('office')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('selfLevel')}</th>
            <th scope="col">{t('reviewLevel')}</th>
            <th scope="col">{t('recognisedLevel')}</th>
            <th scope="col">{t('deadline')}</th>
            <Show when={props.canExtend}>
              <th scope="col">{t('actions')}</th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows} fallback={<tr><td colSpan={columns()}>{t('noRows')}</td></tr>}>
            {(row) => (
              <>
                <tr data-unit={row.unitName} data-status={row.status}>
                  <th scope="row" data-label={t('unit')}>{row.unitName}</th>
                  <td data-label={t('kind')}>{kindLabel(row.unitKind)}</td>
                  <td data-label={t('office')}>{row.office?.name ?? t('none')}</td>
                  <td data-label={t('status')}>
                    <span class={`badge progress-${row.status}`}>{t(`progress.${row.status}`)}</span>
                  </td>
                  <td data-label={t('selfLevel')}><Level summary={row.levels.self} /></td>
                  <td data-label={t('reviewLevel')}><Level summary={row.levels.review} /></td>
                  <td data-label={t('recognisedLevel')}>
                    <Level summary={row.levels.recognised} />
                    <Show when={row.levels.recognised?.decision}>{(decision) => <span class="muted"> ({decision().number})</span>}</Show>
                  </td>
                  <td data-label={t('deadline')}>
                    <time dateTime={row.deadline}>{row.deadline}</time>
                    <For each={extensionsOf(row.unitId)}>
                      {(extension) => (
                        <span class="muted extension-note" data-extension={extension.step ?? 'selfAssessment'}>
                          <Show when={(extension.step ?? 'selfAssessment') !== 'selfAssessment'}>
                            {t(`step.${extension.step ?? 'selfAssessment'}`)}: {fill(t('extendedUntil'), { date: extension.until })}
                          </Show>
                          <Show when={extension.reason}>{(reason) => <span class="extension-reason-text">{fill(t('reasonOf'), { reason: reason() })}</span>}</Show>
                        </span>
                      )}
                    </For>
                  </td>
                  <Show when={props.canExtend}>
                    <td data-label={t('actions')}>
                      <button type="button" aria-label={fill(t('extendFor'), { unit: row.unitName })} aria-expanded={extending() === row.unitId} onClick={() => setExtending(extending() === row.unitId ? null : row.unitId)}>
                        {t('extend')}
                      </button>
                    </td>
                  </Show>
                </tr>
                <Show when={extending() === row.unitId}>
                  <tr class="extension-row">
                    <td colSpan={columns()}>
                      <ExtensionForm
                        api={props.api}
                        campaignId={props.campaignId}
                        unit={{ id: row.unitId, name: row.unitName }}
                        initial={row.deadline}
                        onDone={(message) => {
                          setExtending(null);
                          props.onExtended(message);
                        }}
                        onCancel={() => setExtending(null)}
                      />
                    </td>
                  </tr>
                </Show>
              </>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
