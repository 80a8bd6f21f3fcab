import type { Definition } from '@chiso/criteria';
import { For, createSignal, onMount } from 'solid-js';
import { conflictLabel, describeValue, fieldOf } from './describe-value.ts';
import { type Choice, type Conflict, chooseAll, conflictKey } from './merge.ts';
import { tf } from './phrases.ts';
import { safe } from './targets.ts';

/**
 * The values both the person and someone else changed: each side by side, the person choosing per value
 * (the person's own preselected, so nothing typed is lost by a hasty click), then saving on the
 * server's version.
 */
export function ConflictView(props: { definition: Definition; conflicts: readonly Conflict[]; onApply: (choices: Map<string, Choice>) => void }) {
  const [choices, setChoices] = createSignal(chooseAll(props.conflicts, 'mine'));
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  const choose = (key: string, choice: Choice) => setChoices((current) => new Map(current).set(key, choice));
  return (
    <section class="card conflict-view" aria-labelledby="conflict-title" data-conflict-view>
      <h2 id="conflict-title" tabindex="-1" ref={heading}>
        {tf('conflictTitle')}
      </h2>
      <p>{tf('conflictIntro')}</p>
      <div class="row">
        <button type="button" onClick={() => setChoices(chooseAll(props.conflicts, 'mine'))}>
          {tf('keepAllMine')}
        </button>
        <button type="button" onClick={() => setChoices(chooseAll(props.conflicts, 'theirs'))}>
          {tf('takeAllTheirs')}
        </button>
      </div>
      <ul class="plain stack">
        <For each={props.conflicts}>
          {(conflict) => {
            const key = conflictKey(conflict);
            const field = conflict.kind === 'answer' ? fieldOf(props.definition, conflict.id) : undefined;
            const name = `conflict-${safe(key)}`;
            return (
              <li class="conflict" data-conflict={key}>
                <fieldset>
                  <legend>{conflictLabel(props.definition, conflict.kind, conflict.id)}</legend>
                  <div class="conflict-sides">
                    <label class="conflict-side">
                      <input type="radio" name={name} value="theirs" checked={choices().get(key) === 'theirs'} onChange={() => choose(key, 'theirs')} />
                      <span>
                        <span class="muted">{tf('theirs')}</span>
                        <strong data-theirs>{describeValue(field, conflict.theirs)}</strong>
                      </span>
                    </label>
                    <label class="conflict-side">
                      <input type="radio" name={name} value="mine" checked={choices().get(key) === 'mine'} onChange={() => choose(key, 'mine')} />
                      <span>
                        <span class="muted">{tf('mine')}</span>
                        <strong data-mine>{describeValue(field, conflict.mine)}</strong>
                      </span>
                    </label>
                  </div>
                </fieldset>
              </li>
            );
          }}
        </For>
      </ul>
      <button type="button" class="primary" onClick={() => props.onApply(choices())}>
        {tf('applyChoices')}
      </button>
    </section>
  );
}
