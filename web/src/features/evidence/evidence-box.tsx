import type { Criterion } from '@chiso/criteria';
import { For, Show } from 'solid-js';
import type { EvidenceActions } from './actions.ts';
import { te } from './phrases.ts';
import { SlotView } from './slot-view.tsx';

/** The evidence (minh chứng) of one criterion on the form: each slot the definition asks for. */
export function EvidenceBox(props: { criterion: Criterion; actions: EvidenceActions }) {
  return (
    <Show when={props.criterion.evidence.length > 0}>
      <section class="evidence-box" aria-label={`${te('evidence')} ${props.criterion.id}`} data-evidence={props.criterion.id}>
        <h4>{te('evidence')}</h4>
        <For each={props.criterion.evidence}>{(slot) => <SlotView criterionId={props.criterion.id} slot={slot} actions={props.actions} />}</For>
      </section>
    </Show>
  );
}
