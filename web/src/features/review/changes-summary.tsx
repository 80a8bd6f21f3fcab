import { For, Show } from 'solid-js';
import type { ChangeIndex } from './changes.ts';
import { safe as safeId } from '../form/targets.ts';
import { t } from './phrases.ts';

/** At the top of the review: the criteria the school changed since the return, each a link to its place. */
export function ChangesSummary(props: { index: ChangeIndex }) {
  const criteria = () => [...props.index.byCriterion.entries()];
  const focus = (event: MouseEvent, id: string) => {
    const element = document.getElementById(id);
    if (element === null) return;
    event.preventDefault();
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  };
  return (
    <section class="card changes-summary" aria-labelledby="changes-title" data-changes-summary>
      <h2 id="changes-title">{t('changedTitle')}</h2>
      <Show when={criteria().length > 0} fallback={<p>{t('noChanges')}</p>}>
        <ul>
          <For each={criteria()}>
            {([criterionId, marks]) => {
              const target = `review-criterion-${safeId(criterionId)}`;
              return (
                <li>
                  <a href={`#${target}`} onClick={(event) => focus(event, target)}>
                    {t('criterion')} {criterionId || '?'}
                  </a>
                  : {marks.map((mark) => mark.indicatorId ?? mark.id).filter((id, at, all) => all.indexOf(id) === at).join(', ')}
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
