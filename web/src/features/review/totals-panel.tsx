import type { Definition, ScoreResult } from '@chiso/criteria';
import { For } from 'solid-js';
import { formatNumber, tr } from '../../i18n/locale.ts';
import { t } from './phrases.ts';
import { type Side, totalsRows } from './sides.ts';

function SideCell(props: { side: Side; who: 'school' | 'reviewer'; id: string }) {
  return (
    <td>
      <strong data-points={`${props.who}:${props.id}`}>{formatNumber(props.side.points)}</strong> / {formatNumber(props.side.max)} ·{' '}
      <span data-level={`${props.who}:${props.id}`}>
        {t('level')} {props.side.level}
      </span>
    </td>
  );
}

/**
 * Each group and the whole unit, the school's figures beside the reviewer's. The reviewer's are computed
 * by the core as points are typed, and announced politely.
 */
export function TotalsPanel(props: { definition: Definition; school: ScoreResult; reviewer: ScoreResult }) {
  const rows = () => totalsRows(props.school, props.reviewer);
  const title = (id: string) => tr(props.definition.groups.find((group) => group.id === id)?.title);
  return (
    <section class="card totals" aria-labelledby="totals-title">
      <h2 id="totals-title">{t('totals')}</h2>
      <table class="totals-table" aria-live="polite">
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{t('group')}</span>
            </th>
            <th scope="col">{t('school')}</th>
            <th scope="col">{t('reviewer')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(row) => (
              <tr classList={{ differs: row.differs, overall: row.kind === 'overall' }}>
                <th scope="row">{row.kind === 'overall' ? t('overall') : `${t('group')} ${row.id}. ${title(row.id)}`}</th>
                <SideCell side={row.school} who="school" id={row.id} />
                <SideCell side={row.reviewer} who="reviewer" id={row.id} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
