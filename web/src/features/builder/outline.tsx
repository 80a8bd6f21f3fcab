import type { Definition } from '@chiso/criteria';
import { Index } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import { ItemControls } from './inputs.tsx';
import { type CriterionAt, appendItem, moveItem, newCriterion, removeItem, updateGroup } from './ops.ts';
import type { Section } from './paths.ts';
import { t } from './phrases.ts';

/** The set's outline: its own page, then each group's criteria, to choose what to edit and to reorder them. */
export function Outline(props: { definition: Definition; section: Section; onSelect: (section: Section) => void; onChange: (next: Definition) => void }) {
  const isCurrent = (at: CriterionAt) => props.section.kind === 'criterion' && props.section.at.group === at.group && props.section.at.criterion === at.criterion;
  return (
    <nav class="outline" aria-label={t('outline')}>
      <button type="button" class="link" aria-current={props.section.kind === 'set' ? 'true' : undefined} onClick={() => props.onSelect({ kind: 'set' })}>
        {t('setInfo')}
      </button>
      <Index each={props.definition.groups}>
        {(group, g) => {
          const itemId = (c: number) => `b-outline-${g}-${c}`;
          return (
            <div class="outline-group">
              <p class="outline-title">
                {t('group')} {group().id}
              </p>
              <ul class="plain">
                <Index each={group().criteria}>
                  {(criterion, c) => (
                    <li class="outline-item">
                      <button type="button" class="link" aria-current={isCurrent({ group: g, criterion: c }) ? 'true' : undefined} onClick={() => props.onSelect({ kind: 'criterion', at: { group: g, criterion: c } })}>
                        {criterion().id}. {tr(criterion().title)}
                      </button>
                      <ItemControls
                        idBase={itemId}
                        index={c}
                        count={group().criteria.length}
                        name={`${t('criterion')} ${criterion().id}`}
                        canRemove={group().criteria.length > 1}
                        onMove={(delta) => {
                          props.onChange(updateGroup(props.definition, g, (current) => ({ ...current, criteria: moveItem(current.criteria, c, delta) })));
                          if (isCurrent({ group: g, criterion: c })) props.onSelect({ kind: 'criterion', at: { group: g, criterion: c + delta } });
                        }}
                        onRemove={() => {
                          props.onChange(updateGroup(props.definition, g, (current) => ({ ...current, criteria: removeItem(current.criteria, c) })));
                          props.onSelect({ kind: 'set' });
                        }}
                      />
                    </li>
                  )}
                </Index>
              </ul>
              <button
                type="button"
                onClick={() => {
                  const added = group().criteria.length;
                  props.onChange(updateGroup(props.definition, g, (current) => ({ ...current, criteria: appendItem(current.criteria, newCriterion(props.definition, current)) })));
                  props.onSelect({ kind: 'criterion', at: { group: g, criterion: added } });
                }}
              >
                + {t('addCriterion')} ({t('group')} {group().id})
              </button>
            </div>
          );
        }}
      </Index>
    </nav>
  );
}
