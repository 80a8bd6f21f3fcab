import type { EvidenceSlot, Path } from '@chiso/criteria';
import { Index } from 'solid-js';
import { withOptional } from './field-editor.tsx';
import { Checkbox, ItemControls, Select, TextInput, TextsInput } from './inputs.tsx';
import { moveItem, removeItem, replaceItem } from './ops.ts';
import { domId } from './paths.ts';
import { t } from './phrases.ts';
import { RuleEditor } from './rule-editor.tsx';

/** The evidence (minh chứng) a criterion asks for: each slot's kind, texts and when it is required. */
export function EvidenceEditor(props: { path: Path; slots: readonly EvidenceSlot[]; knownVars: ReadonlySet<string>; onChange: (next: EvidenceSlot[]) => void }) {
  const slotId = (index: number) => domId([...props.path, index]);
  return (
    <ol class="plain stack" id={domId(props.path)} tabindex="-1">
      <Index each={props.slots}>
        {(slot, index) => {
          const set = (next: EvidenceSlot) => props.onChange(replaceItem(props.slots, index, next));
          const id = (step: string) => domId([...props.path, index, step]);
          return (
            <li class="card inner stack" id={slotId(index)} tabindex="-1">
              <div class="item-head">
                <strong>
                  {t('evidenceSlot')} {slot().id}
                </strong>
                <ItemControls
                  idBase={slotId}
                  index={index}
                  count={props.slots.length}
                  name={`${t('evidenceSlot')} ${slot().id}`}
                  onMove={(delta) => props.onChange(moveItem(props.slots, index, delta))}
                  onRemove={() => props.onChange(removeItem(props.slots, index))}
                />
              </div>
              <div class="row">
                <TextInput id={id('id')} label={t('evidenceId')} value={slot().id} onChange={(value) => set({ ...slot(), id: value })} />
                <Select
                  id={id('kind')}
                  label={t('evidenceKind')}
                  value={slot().kind}
                  options={[
                    { value: 'link', label: t('evidenceLink') },
                    { value: 'file', label: t('evidenceFile') },
                    { value: 'document', label: t('evidenceDocument') },
                  ]}
                  onChange={(kind) => set({ ...slot(), kind })}
                />
                <Checkbox id={id('required')} label={t('required')} checked={slot().required} onChange={(required) => set({ ...slot(), required })} />
              </div>
              <TextsInput id={id('label')} label={t('fieldLabel')} value={slot().label} onChange={(label) => set({ ...slot(), label: label ?? { vi: '' } })} />
              <TextsInput id={id('guidance')} label={t('guidance')} optional multiline value={slot().guidance} onChange={(guidance) => set(withOptional(slot(), 'guidance', guidance))} />
              <RuleEditor id={id('requiredWhen')} label={t('requiredWhen')} value={slot().requiredWhen} optional variables={null} knownVars={props.knownVars} onChange={(rule) => set(withOptional(slot(), 'requiredWhen', rule))} />
            </li>
          );
        }}
      </Index>
    </ol>
  );
}
