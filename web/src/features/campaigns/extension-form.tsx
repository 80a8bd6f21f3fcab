import { For, Show, createSignal, onMount } from 'solid-js';
import { ApiError } from '../../api/errors.ts';
import { errorText } from '../../i18n/locale.ts';
import { type CampaignsApi, EXTENDED_STEPS, type ExtendedStep } from './api.ts';
import { fill, t } from './phrases.ts';

const stepOf = (value: string): ExtendedStep => EXTENDED_STEPS.find((step) => step === value) ?? 'selfAssessment';

/**
 * A later deadline of one step for one unit. The API keeps the step and the day (no reason); a day
 * before the campaign's own deadline is refused with the field named, shown under it.
 */
export function ExtensionForm(props: { api: CampaignsApi; campaignId: string; unit: { id: string; name: string }; initial: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [step, setStep] = createSignal<ExtendedStep>('selfAssessment');
  const [until, setUntil] = createSignal(props.initial);
  const [problem, setProblem] = createSignal<{ field: 'until' | 'step' | ''; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  let first: HTMLSelectElement | undefined;
  onMount(() => first?.focus());
  const id = (name: string) => `ext-${props.unit.id}-${name}`;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await props.api.grantExtension(props.campaignId, { unitId: props.unit.id, step: step(), until: until() });
      props.onDone(fill(t('extended'), { step: t(`step.${step()}`), unit: props.unit.name, date: until() }));
    } catch (error) {
      const detail = error instanceof ApiError ? error.details[0] : undefined;
      const field = detail?.path.endsWith('until') ? 'until' : detail?.path.endsWith('step') ? 'step' : '';
      const text = detail ? errorText({ messageVi: detail.message, messageEn: detail.messageEn }) : error instanceof ApiError ? errorText(error) : String(error);
      setProblem({ field, text });
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (field: 'until' | 'step') => (problem()?.field === field ? id('problem') : undefined);
  return (
    <form class="extension-form row" onSubmit={(e) => void save(e)} aria-label={fill(t('extendFor'), { unit: props.unit.name })}>
      <label>
        {t('extendStep')}
        <select ref={first} id={id('step')} value={step()} aria-describedby={describedBy('step')} onChange={(e) => setStep(stepOf(e.currentTarget.value))}>
          <For each={EXTENDED_STEPS}>{(option) => <option value={option}>{t(`step.${option}`)}</option>}</For>
        </select>
      </label>
      <label>
        {t('extendUntil')}
        <input
          id={id('until')}
          type="date"
          required
          value={until()}
          aria-invalid={problem()?.field === 'until' ? 'true' : undefined}
          aria-describedby={describedBy('until')}
          onInput={(e) => setUntil(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={busy()}>
        {t('extendSave')}
      </button>
      <button type="button" onClick={() => props.onCancel()}>
        {t('cancel')}
      </button>
      <p class="help">{t('extendNote')}</p>
      <Show when={problem()}>
        {(current) => (
          <p class="error" role="alert" id={id('problem')}>
            {current().text}
          </p>
        )}
      </Show>
    </form>
  );
}
