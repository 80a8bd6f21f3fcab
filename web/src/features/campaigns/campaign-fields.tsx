import { For, Show, createSignal } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { ApiError } from '../../api/errors.ts';
import { type Texts, errorText, tr } from '../../i18n/locale.ts';
import type { PublishedVersion, RecognitionRule } from './api.ts';
import type { CampaignDraft } from './campaign-form.ts';
import { DeadlinesFieldset } from './deadlines-fieldset.tsx';
import { ErrorNote } from './error-note.tsx';
import { FieldProblem, fieldId, problemId } from './field-problem.tsx';
import { KindVersions } from './kind-versions.tsx';
import { t } from './phrases.ts';

// The fields of a campaign's plan, shared by the new-campaign form and the edit form, with the problems
// of the form (found in the browser or refused by the API) kept under their fields and in a summary.

const RULES: RecognitionRule[] = ['nearest-office', 'owner'];

/** A form's problems by field: shown in the summary (focused) and under each field until it is edited. */
export function createFormProblems() {
  const [problems, setProblems] = createSignal<Map<string, Texts>>(new Map());
  return {
    problems,
    show(found: Map<string, Texts>) {
      setProblems(found);
      // The summary is an alert; focus moves to it so a keyboard or screen-reader user starts from the list.
      queueMicrotask(() => document.getElementById('campaign-problems')?.focus());
    },
    clear: () => setProblems(new Map()),
    // A field's problem goes once it is edited; the summary keeps the others.
    edited(...keys: string[]) {
      if (!keys.some((key) => problems().has(key))) return;
      const next = new Map(problems());
      for (const key of keys) next.delete(key);
      setProblems(next);
    },
    problem: (key: string) => problems().get(key),
    described: (key: string, help?: string) => [help, problems().has(key) ? problemId(key) : undefined].filter(Boolean).join(' ') || undefined,
  };
}

export type FormProblems = ReturnType<typeof createFormProblems>;

/** The summary of a form's problems, each linked to its field; the API's own message first when it refused. */
export function ProblemSummary(props: { form: FormProblems; failure: unknown }) {
  const apiFailure = () => (props.failure instanceof ApiError ? props.failure : null);
  return (
    <>
      <Show when={props.form.problems().size > 0}>
        <div class="error problem-summary" role="alert" id="campaign-problems" tabIndex={-1}>
          <p>
            <Show when={apiFailure()} fallback={t('fixProblems')}>
              {(error) => errorText(error())}
            </Show>
          </p>
          <ul>
            <For each={[...props.form.problems()]}>
              {([key, texts]) => (
                <li>
                  <Show when={key !== ''} fallback={tr(texts)}>
                    <a href={`#${fieldId(key)}`}>{tr(texts)}</a>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.failure !== null && props.form.problems().size === 0}>
        <ErrorNote error={props.failure} />
      </Show>
    </>
  );
}

/** Name, school year, a version per kind, the deadlines and who recognises: what a draft campaign sets. */
export function CampaignFields(props: {
  draft: CampaignDraft;
  setDraft: SetStoreFunction<CampaignDraft>;
  form: FormProblems;
  /** The published versions per kind; undefined while they load. */
  options: ReadonlyMap<string, PublishedVersion[]> | undefined;
  optionsError: unknown;
}) {
  const { form } = props;
  return (
    <>
      <div class="card">
        <div class="field">
          <label for={fieldId('name')}>{t('name')}</label>
          <input
            id={fieldId('name')}
            type="text"
            class="wide"
            value={props.draft.name}
            placeholder={t('namePlaceholder')}
            aria-invalid={form.problem('name') ? 'true' : undefined}
            aria-describedby={form.described('name')}
            onInput={(e) => {
              props.setDraft('name', e.currentTarget.value);
              form.edited('name');
            }}
          />
          <FieldProblem key="name" problem={form.problem('name')} />
        </div>
        <div class="field">
          <label for={fieldId('schoolYear')}>{t('schoolYear')}</label>
          <input
            id={fieldId('schoolYear')}
            type="text"
            inputMode="numeric"
            value={props.draft.schoolYear}
            aria-invalid={form.problem('schoolYear') ? 'true' : undefined}
            aria-describedby={form.described('schoolYear', 'school-year-help')}
            onInput={(e) => {
              props.setDraft('schoolYear', e.currentTarget.value);
              form.edited('schoolYear');
            }}
          />
          <span class="help" id="school-year-help">
            {t('schoolYearHelp')}
          </span>
          <FieldProblem key="schoolYear" problem={form.problem('schoolYear')} />
        </div>
      </div>
      <Show when={props.optionsError}>{(error) => <ErrorNote error={error()} />}</Show>
      <Show when={props.options} fallback={<Show when={!props.optionsError}><p aria-busy="true">…</p></Show>}>
        {(byKind) => (
          <KindVersions
            optionsByKind={byKind()}
            value={props.draft.versionByKind}
            onChange={(kind, ref) => {
              props.setDraft('versionByKind', kind, ref);
              form.edited(`kind.${kind}`, 'kinds');
            }}
            problems={form.problems()}
          />
        )}
      </Show>
      <DeadlinesFieldset
        value={props.draft.deadlines}
        onChange={(step, day) => {
          props.setDraft('deadlines', step, day);
          form.edited(`deadlines.${step}`);
        }}
        problems={form.problems()}
      />
      <fieldset class="card">
        <legend>
          <h2 id={fieldId('recognition')} tabIndex={-1}>{t('recognitionLegend')}</h2>
        </legend>
        <For each={RULES}>
          {(rule) => (
            <div class="radio-choice">
              <input
                type="radio"
                id={`rule-${rule}`}
                name="recognition"
                value={rule}
                checked={props.draft.rule === rule}
                aria-describedby={`rule-${rule}-help`}
                onChange={() => {
                  props.setDraft('rule', rule);
                  form.edited('recognition');
                }}
              />
              <label for={`rule-${rule}`}>{t(`rule.${rule}`)}</label>
              <p class="help" id={`rule-${rule}-help`}>
                {t(`rule.${rule}.help`)}
              </p>
            </div>
          )}
        </For>
        <FieldProblem key="recognition" problem={form.problem('recognition')} />
      </fieldset>
    </>
  );
}
