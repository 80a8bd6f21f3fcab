import { type Definition, type EvidenceCounts, scoreSubmission } from '@chiso/criteria';
import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { SubmissionStatus, SubmissionView } from '../../api/types.ts';
import { errorText, t, tr } from '../../i18n/locale.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { type SaveState, createAutosave } from './autosave.ts';
import { CriterionView, type FormState } from './criterion-view.tsx';
import { askedFields } from './relevance.ts';
import { ScorePanel } from './score-panel.tsx';
import { SubmitBox } from './submit-box.tsx';
import { problemsByTarget } from './targets.ts';

const AUTOSAVE_EVERY_MS = 2_500;

interface Loaded {
  view: SubmissionView;
  definition: Definition;
}

function evidenceCounts(view: SubmissionView): EvidenceCounts {
  const counts: Record<string, Record<string, number>> = {};
  for (const [criterionId, slots] of Object.entries(view.submission.evidence))
    counts[criterionId] = Object.fromEntries(Object.entries(slots).map(([slotId, items]) => [slotId, items.length]));
  return counts;
}

/** A typed award: a number when it reads back exactly as typed, else the text (the core says what is wrong). */
function readAward(raw: string): number | string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && String(value) === trimmed ? value : trimmed;
}

/** The school's form for one campaign: rendered from the pinned criteria version, scored live, autosaved. */
export function FormPage(props: { api: ApiClient; campaignId: string; unitId: string; canSubmit: boolean; onBack: () => void }) {
  const [loaded, { refetch }] = createResource(async (): Promise<Loaded> => {
    const view = await props.api.submission(props.campaignId, props.unitId);
    const { definition } = await props.api.criteriaVersion(view.definition.setKey, view.definition.number);
    setAnswers({ ...view.submission.answers });
    setAwards({ ...view.submission.awards });
    setVersion(view.submission.version);
    setStatus(view.submission.status);
    setAllowed(view.allowedActions);
    return { view, definition };
  });
  const [answers, setAnswers] = createSignal<Record<string, unknown>>({});
  const [awards, setAwards] = createSignal<Record<string, unknown>>({});
  const [version, setVersion] = createSignal(0);
  const [status, setStatus] = createSignal<SubmissionStatus>('draft');
  const [allowed, setAllowed] = createSignal<string[]>([]);
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveError, setSaveError] = createSignal<ApiError | null>(null);

  const score = createMemo(() => {
    const current = loaded();
    return current ? scoreSubmission(current.definition, answers(), awards(), { evidence: evidenceCounts(current.view) }) : null;
  });
  const asked = createMemo(() => {
    const current = loaded();
    return current ? askedFields(current.definition, answers()) : new Set<string>();
  });
  const problems = createMemo(() => problemsByTarget(score()?.invalid ?? []));

  const autosave = createAutosave({
    save: (patch) => props.api.patchSubmission(props.campaignId, props.unitId, patch),
    version,
    holdBack: () => {
      const held = { answers: new Set<string>(), awards: new Set<string>() };
      for (const key of problems().keys()) {
        const [kind, id = ''] = key.split(/:(.*)/s);
        if (kind === 'answer') held.answers.add(id);
        else if (kind === 'award') held.awards.add(id);
      }
      return held;
    },
    onState: (state, error) => {
      setSaveState(state);
      setSaveError(error);
    },
    onSaved: (view) => {
      setVersion(view.submission.version);
      setAllowed(view.allowedActions);
    },
    onConflict: () => void reload(),
  });

  const reload = async () => {
    await refetch();
    // The conflict state stays on screen (with its explanation) until the next edit or save.
    autosave.reset();
    setSaveState('conflict');
  };

  const timer = setInterval(() => void autosave.flush(), AUTOSAVE_EVERY_MS);
  const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (autosave.hasPending) event.preventDefault();
  };
  window.addEventListener('beforeunload', warnBeforeLeaving);
  onCleanup(() => {
    clearInterval(timer);
    window.removeEventListener('beforeunload', warnBeforeLeaving);
    void autosave.flush();
  });

  const state: FormState = {
    answers,
    awards,
    asked,
    problems,
    editable: () => allowed().includes('edit'),
    setAnswer(fieldId, value) {
      setAnswers((current) => {
        const next = { ...current };
        if (value === null || value === undefined) delete next[fieldId];
        else next[fieldId] = value;
        return next;
      });
      autosave.answer(fieldId, value ?? null);
    },
    setAward(indicatorId, raw) {
      const value = readAward(raw);
      setAwards((current) => {
        const next = { ...current };
        if (value === null) delete next[indicatorId];
        else next[indicatorId] = value;
        return next;
      });
      if (value === null || typeof value === 'number') autosave.award(indicatorId, value);
    },
  };

  const submitted = (view: SubmissionView) => {
    setVersion(view.submission.version);
    setStatus(view.submission.status);
    setAllowed(view.allowedActions);
  };

  return (
    <main class="form-page">
      <p>
        <button type="button" class="link" onClick={() => props.onBack()}>
          ← {t('back')}
        </button>
      </p>
      <Show when={loaded.error}>{(error) => <p class="error" role="alert">{error() instanceof ApiError ? errorText(error()) : String(error())}</p>}</Show>
      <Show when={loaded()} fallback={<p aria-busy="true">{t('loading')}</p>}>
        {(current) => (
          <>
            <header class="form-head">
              <h1>{tr(current().definition.title)}</h1>
              <p class="muted">
                {current().view.definition.setKey} · {current().view.definition.label} · {t('deadline')}: {current().view.deadline.extendedUntil ?? current().view.deadline.selfAssessment} ·{' '}
                {t('status')}: <span data-status={status()}>{t(`status.${status()}`)}</span>
              </p>
            </header>
            <div class="sticky">
              <Show when={score()}>{(result) => <ScorePanel definition={current().definition} score={result()} />}</Show>
              <SaveStatus state={saveState()} error={saveError()} />
            </div>
            <Show when={!allowed().includes('edit')}>
              <p class="note">{t('readOnly')}</p>
            </Show>
            <For each={current().definition.groups}>
              {(group) => {
                const groupScore = () => score()?.groups.find((candidate) => candidate.id === group.id);
                return (
                  <section class="group" aria-labelledby={`group-${group.id}`}>
                    <h2 id={`group-${group.id}`}>
                      {t('group')} {group.id}. {tr(group.title)}
                    </h2>
                    <For each={group.criteria}>
                      {(criterion) => <CriterionView criterion={criterion} score={groupScore()?.criteria.find((candidate) => candidate.id === criterion.id)} state={state} />}
                    </For>
                  </section>
                );
              }}
            </For>
            <Show when={props.canSubmit && allowed().includes('submit')}>
              <SubmitBox
                submit={async () => {
                  await autosave.flush();
                  return props.api.submit(props.campaignId, props.unitId, version());
                }}
                onSubmitted={submitted}
              />
            </Show>
            <Show when={status() === 'submitted'}>
              <p class="note ok" role="status">
                {t('submitted')}
              </p>
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}
