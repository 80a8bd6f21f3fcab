import type { Criterion, Definition, Path } from '@chiso/criteria';
import { Index, Show } from 'solid-js';
import { BandsEditor } from './bands-editor.tsx';
import { EvidenceEditor } from './evidence-editor.tsx';
import { withOptional } from './field-editor.tsx';
import { IndicatorEditor } from './indicator-editor.tsx';
import { ItemControls, NumberInput, Select, TextInput, TextsInput } from './inputs.tsx';
import { appendItem, changeCriterionKind, moveItem, newEvidence, newIndicator, removeItem, replaceItem } from './ops.ts';
import { domId } from './paths.ts';
import { t } from './phrases.ts';
import { RuleEditor } from './rule-editor.tsx';

/** One criterion: kind, texts, points and level bands (or its condition), indicators and evidence slots. */
export function CriterionEditor(props: { path: Path; criterion: Criterion; definition: Definition; knownVars: ReadonlySet<string>; onChange: (next: Criterion) => void }) {
  const id = (...steps: (string | number)[]) => domId([...props.path, ...steps]);
  const scored = () => (props.criterion.kind === 'scored' ? props.criterion : undefined);
  const mandatory = () => (props.criterion.kind === 'mandatory' ? props.criterion : undefined);
  const indicatorId = (index: number) => id('indicators', index);
  const setIndicators = (indicators: Criterion['indicators']) => props.onChange({ ...props.criterion, indicators });
  return (
    <section class="criterion-editor stack" aria-labelledby={id('heading')}>
      <h2 id={id('heading')} tabindex="-1">
        {t('criterion')} {props.criterion.id}
      </h2>
      <div class="row">
        <TextInput id={id('id')} label={t('criterionId')} value={props.criterion.id} onChange={(value) => props.onChange({ ...props.criterion, id: value })} />
        <Select
          id={id('kind')}
          label={t('criterionKind')}
          value={props.criterion.kind}
          options={[
            { value: 'scored', label: t('kindScored') },
            { value: 'mandatory', label: t('kindMandatory') },
          ]}
          onChange={(kind) => props.onChange(changeCriterionKind(props.criterion, kind))}
        />
      </div>
      <TextsInput id={id('title')} label={t('title')} multiline value={props.criterion.title} onChange={(title) => props.onChange({ ...props.criterion, title: title ?? { vi: '' } })} />
      <TextsInput id={id('description')} label={t('description')} optional multiline value={props.criterion.description} onChange={(text) => props.onChange(withOptional(props.criterion, 'description', text))} />
      <TextsInput id={id('guidance')} label={t('guidance')} optional multiline value={props.criterion.guidance} onChange={(text) => props.onChange(withOptional(props.criterion, 'guidance', text))} />
      <Show when={scored()}>
        {(criterion) => (
          <>
            <NumberInput id={id('max')} label={t('criterionMax')} value={criterion().max} onChange={(max) => props.onChange({ ...criterion(), max: max ?? 0 })} />
            <BandsEditor path={[...props.path, 'bands']} label={t('criterionBands')} bands={criterion().bands} onChange={(bands) => props.onChange({ ...criterion(), bands })} />
          </>
        )}
      </Show>
      <Show when={mandatory()}>
        {(criterion) => (
          <>
            <RuleEditor id={id('condition')} label={t('condition')} value={criterion().condition} optional={false} variables={null} knownVars={props.knownVars} onChange={(condition) => props.onChange({ ...criterion(), condition: condition ?? true })} />
            <TextsInput id={id('unmetMessage')} label={t('unmetMessage')} optional value={criterion().unmetMessage} onChange={(text) => props.onChange(withOptional(criterion(), 'unmetMessage', text))} />
          </>
        )}
      </Show>
      <h3 class="subhead" id={id('indicators')} tabindex="-1">{t('indicators')}</h3>
      <ol class="plain stack">
        <Index each={props.criterion.indicators}>
          {(indicator, index) => (
            <li class="card" data-indicator-editor={indicator().id}>
              <div class="item-head">
                <h3 id={`${indicatorId(index)}-heading`}>
                  {t('indicator')} {indicator().id}
                </h3>
                <ItemControls
                  idBase={indicatorId}
                  index={index}
                  count={props.criterion.indicators.length}
                  name={`${t('indicator')} ${indicator().id}`}
                  onMove={(delta) => setIndicators(moveItem(props.criterion.indicators, index, delta))}
                  onRemove={() => setIndicators(removeItem(props.criterion.indicators, index))}
                />
              </div>
              <IndicatorEditor
                path={[...props.path, 'indicators', index]}
                indicator={indicator()}
                definition={props.definition}
                knownVars={props.knownVars}
                onChange={(next) => setIndicators(replaceItem(props.criterion.indicators, index, next))}
              />
            </li>
          )}
        </Index>
      </ol>
      <p>
        <button type="button" onClick={() => setIndicators(appendItem(props.criterion.indicators, newIndicator(props.definition, props.criterion)))}>
          + {t('addIndicator')}
        </button>
      </p>
      <h3 class="subhead">{t('evidence')}</h3>
      <EvidenceEditor path={[...props.path, 'evidence']} slots={props.criterion.evidence} knownVars={props.knownVars} onChange={(evidence) => props.onChange({ ...props.criterion, evidence })} />
      <p>
        <button type="button" onClick={() => props.onChange({ ...props.criterion, evidence: appendItem(props.criterion.evidence, newEvidence(props.criterion)) })}>
          + {t('addEvidence')}
        </button>
      </p>
    </section>
  );
}
