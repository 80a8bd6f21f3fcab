import type { Definition, ScoreResult } from '@chiso/criteria';
import { For } from 'solid-js';
import { formatNumber, t, tr } from '../../i18n/locale.ts';

/** Points and levels of each group and of the whole unit, as the core computes them from what is on screen. */
export function ScorePanel(props: { definition: Definition; score: ScoreResult }) {
  const levelName = (level: number) => {
    const found = props.definition.levels.find((candidate) => candidate.level === level);
    return found ? tr(found.label) : '';
  };
  return (
    <section class="score-panel card" aria-label={t('total')} aria-live="polite">
      <For each={props.score.groups}>
        {(group) => {
          const title = () => tr(props.definition.groups.find((candidate) => candidate.id === group.id)?.title);
          return (
            <div class="score-group" data-group={group.id}>
              <span class="muted">
                {t('group')} {group.id}: {title()}
              </span>
              <span>
                <strong class="points" data-group-points={group.id}>
                  {formatNumber(group.points)}
                </strong>{' '}
                / {formatNumber(group.max)} {t('points')} ·{' '}
                <span data-group-level={group.id}>
                  {t('level')} {group.level}
                </span>{' '}
                <span class="muted">({levelName(group.level)})</span>
              </span>
            </div>
          );
        }}
      </For>
      <div class="score-group overall">
        <span class="muted">{t('overallLevel')}</span>
        <strong data-overall-level>
          {t('level')} {props.score.overallLevel}
        </strong>
        <span class="muted">({levelName(props.score.overallLevel)})</span>
      </div>
    </section>
  );
}
