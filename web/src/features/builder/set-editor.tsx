import { type Definition, type Group, UNIT_KINDS, UNIT_KIND_LABELS } from '@chiso/criteria';
import { For, Index } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import { BandsEditor } from './bands-editor.tsx';
import { withOptional } from './field-editor.tsx';
import { Checkbox, ItemControls, NumberInput, TextInput, TextsInput } from './inputs.tsx';
import { appendItem, moveItem, newGroup, removeItem, replaceItem } from './ops.ts';
import { domId } from './paths.ts';
import { t } from './phrases.ts';
import { RuleEditor } from './rule-editor.tsx';
import { TotalBandsEditor } from './total-bands-editor.tsx';

/** The set's own properties: texts, legal basis, who it applies to, the levels, and its groups. */
export function SetEditor(props: { definition: Definition; knownVars: ReadonlySet<string>; onChange: (next: Definition) => void }) {
  const d = () => props.definition;
  const set = (next: Partial<Definition>) => props.onChange({ ...d(), ...next });
  const groupId = (index: number) => domId(['groups', index]);
  const setGroup = (index: number, group: Group) => set({ groups: replaceItem(d().groups, index, group) });
  return (
    <section class="set-editor stack" aria-labelledby="b-set-heading">
      <h2 id="b-set-heading" tabindex="-1">
        {t('setInfo')}
      </h2>
      <div class="row">
        <TextInput id={domId(['version'])} label={t('versionLabel')} value={d().version} onChange={(version) => set({ version })} />
        <TextInput id={domId(['legalBasis', 'decision'])} label={t('decision')} value={d().legalBasis.decision} onChange={(decision) => set({ legalBasis: { ...d().legalBasis, decision } })} />
        <label for={domId(['legalBasis', 'date'])}>
          {t('decisionDate')}
          <input id={domId(['legalBasis', 'date'])} type="date" value={d().legalBasis.date} onInput={(e) => set({ legalBasis: { ...d().legalBasis, date: e.currentTarget.value } })} />
        </label>
        <NumberInput id={domId(['awardStep'])} label={t('awardStep')} value={d().awardStep} onChange={(awardStep) => set({ awardStep: awardStep ?? 0.01 })} />
      </div>
      <TextsInput id={domId(['title'])} label={t('title')} multiline value={d().title} onChange={(title) => set({ title: title ?? { vi: '' } })} />
      <TextsInput id={domId(['description'])} label={t('description')} optional multiline value={d().description} onChange={(description) => props.onChange(withOptional(d(), 'description', description))} />
      <fieldset id={domId(['appliesTo'])} tabindex="-1">
        <legend>{t('appliesTo')}</legend>
        <For each={UNIT_KINDS}>
          {(kind) => (
            <Checkbox
              id={`b-appliesTo-${kind}`}
              label={tr(UNIT_KIND_LABELS[kind])}
              checked={d().appliesTo.includes(kind)}
              onChange={(on) => set({ appliesTo: on ? [...d().appliesTo, kind] : d().appliesTo.filter((item) => item !== kind) })}
            />
          )}
        </For>
      </fieldset>
      <fieldset id={domId(['levels'])} tabindex="-1">
        <legend>{t('levels')}</legend>
        <ol class="plain stack">
          <Index each={d().levels}>
            {(level, index) => (
              <li class="row">
                <NumberInput id={domId(['levels', index, 'level'])} label={`${t('level')} (${index + 1})`} value={level().level} onChange={(value) => set({ levels: replaceItem(d().levels, index, { ...level(), level: value ?? 1 }) })} />
                <TextsInput id={domId(['levels', index, 'label'])} label={`${t('levelName')} ${index + 1}`} value={level().label} onChange={(label) => set({ levels: replaceItem(d().levels, index, { ...level(), label: label ?? { vi: '' } }) })} />
              </li>
            )}
          </Index>
        </ol>
      </fieldset>
      <TotalBandsEditor definition={d()} onChange={props.onChange} />
      <RuleEditor id={domId(['overall', 'rule'])} label={t('overallRule')} value={d().overall.rule} optional={false} variables={null} knownVars={new Set(['groups', 'groupLevels', 'total', 'totalLevel'])} onChange={(rule) => set({ overall: { ...d().overall, rule: rule ?? null } })} />
      <h2>{t('groups')}</h2>
      <ol class="plain stack">
        <Index each={d().groups}>
          {(group, index) => (
            <li class="card stack" id={groupId(index)} tabindex="-1">
              <div class="item-head">
                <h3>
                  {t('group')} {group().id}
                </h3>
                <ItemControls
                  idBase={groupId}
                  index={index}
                  count={d().groups.length}
                  name={`${t('group')} ${group().id}`}
                  canRemove={d().groups.length > 1}
                  onMove={(delta) => set({ groups: moveItem(d().groups, index, delta) })}
                  onRemove={() => set({ groups: removeItem(d().groups, index) })}
                />
              </div>
              <div class="row">
                <TextInput id={domId(['groups', index, 'id'])} label={t('groupId')} value={group().id} onChange={(id) => setGroup(index, { ...group(), id })} />
                <NumberInput id={domId(['groups', index, 'max'])} label={t('groupMax')} value={group().max} onChange={(max) => setGroup(index, { ...group(), max: max ?? 0 })} />
              </div>
              <TextsInput id={domId(['groups', index, 'title'])} label={t('title')} multiline value={group().title} onChange={(title) => setGroup(index, { ...group(), title: title ?? { vi: '' } })} />
              <BandsEditor path={['groups', index, 'bands']} label={`${t('groupBands')} ${group().id}`} bands={group().bands} onChange={(bands) => setGroup(index, { ...group(), bands })} />
              <RuleEditor
                id={domId(['groups', index, 'mandatoryEffect'])}
                label={t('mandatoryEffect')}
                value={group().mandatoryEffect}
                optional={false}
                variables={null}
                knownVars={new Set(['level', 'points', 'unmet', 'unmetIds'])}
                onChange={(rule) => setGroup(index, { ...group(), mandatoryEffect: rule ?? null })}
              />
            </li>
          )}
        </Index>
      </ol>
      <p>
        <button type="button" onClick={() => set({ groups: appendItem(d().groups, newGroup(d())) })}>
          + {t('addGroup')}
        </button>
      </p>
    </section>
  );
}
