import { For } from 'solid-js';
import type { DeadlineStep } from '../../api/progress.ts';
import { t } from './phrases.ts';

/** One step's deadline as the API gives it for this unit: the campaign's day, the unit's extension, the day that applies. */
export interface StepDeadline {
  campaign: string;
  extension: string | null;
  applies: string;
  passed: boolean;
}


export type UnitDeadlines = Record<DeadlineStep, StepDeadline>;

// The steps a reviewer and a recogniser act on; the school's own steps are on the school's form.
const PHRASE = { externalReview: 'deadline.externalReview', recognition: 'deadline.recognition', publication: 'deadline.publication' } as const;
const SHOWN = ['externalReview', 'recognition', 'publication'] as const satisfies readonly (keyof typeof PHRASE & DeadlineStep)[];

/**
 * The days this unit's review, recognition and publication must be done by, extensions included, so the
 * reviewer learns of a passed deadline before the API refuses the step.
 */
export function DeadlinesStrip(props: { deadlines: UnitDeadlines }) {
  return (
    <ul class="plain row deadlines" aria-label={t('deadlines')} data-deadlines>
      <For each={SHOWN}>
        {(step) => {
          const deadline = () => props.deadlines[step];
          return (
            <li class={deadline().passed ? 'badge warn' : 'badge'} data-deadline={step} data-passed={String(deadline().passed)}>
              {t(PHRASE[step])}: <time datetime={deadline().applies}>{deadline().applies}</time>
              {deadline().extension !== null ? ` (${t('extended')})` : ''}
              {deadline().passed ? ` · ${t('deadlinePassed')}` : ''}
            </li>
          );
        }}
      </For>
    </ul>
  );
}
