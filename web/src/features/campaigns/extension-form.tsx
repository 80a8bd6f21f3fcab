import { For, Show, createSignal, onMount } from 'solid-js';
import { ApiError } from '../../api/errors.ts';
import { errorText } from '../../i18n/locale.ts';
import { type CampaignsApi, EXTENDED_STEPS, type ExtendedStep } from './api.ts';
import { REASON_MAX, REASON_MIN, reasonProblem } from './extension-reason.ts';
import { fill, t } from './phrases.ts';

const stepOf = (value: string): ExtendedStep => EXTENDED_STEPS.find((step) => step === value) ?? 'selfAssessment';

type Field = 'step' | 'until' | 'reason' | '';

const fieldOf = (path: string | undefined): Field => {
  if (path === undefined) return '';
  const field = path.replace(/^body\./, '');
  return field === 'until' || field === 'step' || field === 'reason' ? field : '';
};

/**
 * A later deadline of one step for one unit, with the reason the Sở keeps for its records (the API stores
 * it with the extension and in the audit log). A day before the campaign's own deadline, or a reason too
 * short, is refused: the message (role=alert) is shown under the form and the field it names is marked invalid.
 */
export function ExtensionForm(props: { api: CampaignsApi; campaignId: string; unit: { id: string; name: string }; initial: string; onDone: (message: string) => void; onCancel: () => void }) {
  const [step, setStep] = createSignal<ExtendedStep>('selfAssessment');
  const [until, setUntil] = createSignal(props.initial);
  const [reason, setReason] = createSignal('');
  const [problem, setProblem] = createSignal<{ field: Field; text: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  let first: HTMLSelectElement | undefined;
  onMount(() => first?.focus());
  const id = (name: string) => `ext-${props.unit.id}-${name}`;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem(null);
    const local = reasonProblem(reason());
    if (local !== null) {
      setProblem({ field: 'reason', text: local });
      document.getElementById(id('reason'))?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.api.grantExtension(props.campaignId, { unitId: props.unit.id, step: step(), until: until(), reason: reason().trim() });
      props.onDone(fill(t('extended'), { step: t(`step.${step()}`), unit: props.unit.name, date: until() }));
    } catch (error) {
      const detail = error instanceof ApiError ? error.details[0] : undefined;
      const text = detail ? errorText({ messageVi: detail.message, messageEn: detail.messageEn }) : error instanceof ApiError ? errorText(error) : String(error);
      setProblem({ field: fieldOf(detail?.path), text });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: Field) => (problem()?.field === field ? 'true' : undefined);
  const describedBy = (field: Field, help?: string) => [help, problem()?.field === field ? id('problem') : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form class="extension-form" onSubmit={(e) => void save(e)} aria-label={fill(t('extendFor'), { unit: props.unit.name })}>
      <div class="row">
        <label>
          {t('extendStep')}
          <select ref={first} id={id('step')} value={step()} aria-invalid={invalid('step')} aria-describedby={describedBy('step')} onChange={(e) => setStep(stepOf(e.currentTarget.value))}>
            <For each={EXTENDED_STEPS}>{(option) => <option value={option}>{t(`step.${option}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('extendUntil')}
          <input id={id('until')} type="date" required value={until()} aria-invalid={invalid('until')} aria-describedby={describedBy('until')} onInput={(e) => setUntil(e.currentTarget.value)} />
        </label>
      </div>
      <div class="field extension-reason">
        <label for={id('reason')}>{t('extendReason')}</label>
        <textarea
          id={id('reason')}
          rows={2}
          maxLength={REASON_MAX}
          required
          value={reason()}
          aria-invalid={invalid('reason')}
          aria-describedby={describedBy('reason', id('reason-help'))}
          onInput={(e) => {
            setReason(e.currentTarget.value);
            if (problem()?.field === 'reason') setProblem(null);
          }}
        />
        <span class="help" id={id('reason-help')}>
          {fill(t('extendReasonHelp'), { min: REASON_MIN, max: REASON_MAX })}
        </span>
      </div>
      <div class="row">
        <button type="submit" class="primary" disabled={busy()}>
          {t('extendSave')}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('cancel')}
        </button>
      </div>
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
