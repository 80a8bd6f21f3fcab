import { A, useNavigate } from '@solidjs/router';
import { For, Show, createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ApiError } from '../../api/errors.ts';
import { type Texts, errorText, tr } from '../../i18n/locale.ts';
import { useGrant, useSession } from '../../shell/session-context.ts';
import { canCreateCampaigns } from './access.ts';
import { type NewCampaign, type PublishedVersion, type RecognitionRule, campaignsApi } from './api.ts';
import { type CampaignDraft, checkDraft, defaultDeadlines, defaultSchoolYear, problemsByField, toRequest, versionRef } from './campaign-form.ts';
import { DeadlinesFieldset } from './deadlines-fieldset.tsx';
import { ErrorNote } from './error-note.tsx';
import { FieldProblem, fieldId, problemId } from './field-problem.tsx';
import { KindVersions, SCHOOL_KINDS } from './kind-versions.tsx';
import { t } from './phrases.ts';

/**
 * The published versions that apply to each kind of school, newest last (the API lists by set, then
 * number, each with the kinds it applies to, so no definition is downloaded).
 */
async function versionsByKind(api: ReturnType<typeof campaignsApi>): Promise<Map<string, PublishedVersion[]>> {
  const byKind = new Map<string, PublishedVersion[]>();
  for (const version of await api.publishedVersions()) for (const kind of version.appliesTo) byKind.set(kind, [...(byKind.get(kind) ?? []), version]);
  return byKind;
}

const RULES: RecognitionRule[] = ['nearest-office', 'owner'];

/** `/manage/campaigns/new`: a draft campaign — name, year, a version per kind, deadlines, who recognises. */
export function NewCampaignPage() {
  const session = useSession();
  const grant = useGrant();
  const navigate = useNavigate();
  const api = campaignsApi(session.api);
  const year = defaultSchoolYear(new Date());
  const [draft, setDraft] = createStore<CampaignDraft>({ name: '', schoolYear: year, versionByKind: {}, deadlines: defaultDeadlines(year), rule: 'nearest-office' });
  const [problems, setProblems] = createSignal<Map<string, Texts>>(new Map());
  const [failure, setFailure] = createSignal<unknown>(null);
  const [saving, setSaving] = createSignal(false);

  const [options] = createResource(async () => {
    const byKind = await versionsByKind(api);
    // Each kind starts on the newest version that applies to it; the admin changes or leaves it out.
    for (const kind of SCHOOL_KINDS) {
      const newest = byKind.get(kind)?.at(-1);
      if (newest !== undefined) setDraft('versionByKind', kind, versionRef(newest));
    }
    return byKind;
  });

  const showProblems = (found: Map<string, Texts>) => {
    setProblems(found);
    // The summary is an alert; focus moves to it so a keyboard or screen-reader user starts from the list.
    queueMicrotask(() => document.getElementById('campaign-problems')?.focus());
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = checkDraft(draft);
    if (found.size > 0) return showProblems(found);
    // The campaign belongs to the unit acted for (an account may manage at several).
    const request: NewCampaign = { ownerUnitId: grant().unitId, ...toRequest(draft) };
    setSaving(true);
    try {
      const created = await api.create(request);
      navigate(`/manage/campaigns/${encodeURIComponent(created.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        setFailure(error);
        showProblems(problemsByField(error.details, request));
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  // A field's problem goes once it is edited; the summary keeps the others.
  const edited = (...keys: string[]) => {
    if (!keys.some((key) => problems().has(key))) return;
    const next = new Map(problems());
    for (const key of keys) next.delete(key);
    setProblems(next);
  };
  const apiFailure = () => {
    const current = failure();
    return current instanceof ApiError ? current : null;
  };
  const problem = (key: string) => problems().get(key);
  const described = (key: string, help?: string) => [help, problems().has(key) ? problemId(key) : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <main>
      <p>
        <A href="/manage/campaigns">{t('backToList')}</A>
      </p>
      <h1>{t('newTitle')}</h1>
      <Show when={!canCreateCampaigns(grant())}>
        <p class="note">{t('readOnlyNote')}</p>
      </Show>
      <Show when={problems().size > 0}>
        <div class="error problem-summary" role="alert" id="campaign-problems" tabIndex={-1}>
          <p>
            <Show when={apiFailure()} fallback={t('fixProblems')}>
              {(error) => errorText(error())}
            </Show>
          </p>
          <ul>
            <For each={[...problems()]}>
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
      <Show when={failure() !== null && problems().size === 0}>
        <ErrorNote error={failure()} />
      </Show>
      <form class="campaign-form" onSubmit={(e) => void save(e)} novalidate>
        <div class="card">
          <div class="field">
            <label for={fieldId('name')}>{t('name')}</label>
            <input
              id={fieldId('name')}
              type="text"
              class="wide"
              value={draft.name}
              placeholder={t('namePlaceholder')}
              aria-invalid={problem('name') ? 'true' : undefined}
              aria-describedby={described('name')}
              onInput={(e) => {
                setDraft('name', e.currentTarget.value);
                edited('name');
              }}
            />
            <FieldProblem key="name" problem={problem('name')} />
          </div>
          <div class="field">
            <label for={fieldId('schoolYear')}>{t('schoolYear')}</label>
            <input
              id={fieldId('schoolYear')}
              type="text"
              inputMode="numeric"
              value={draft.schoolYear}
              aria-invalid={problem('schoolYear') ? 'true' : undefined}
              aria-describedby={described('schoolYear', 'school-year-help')}
              onInput={(e) => {
                setDraft('schoolYear', e.currentTarget.value);
                edited('schoolYear');
              }}
            />
            <span class="help" id="school-year-help">
              {t('schoolYearHelp')}
            </span>
            <FieldProblem key="schoolYear" problem={problem('schoolYear')} />
          </div>
        </div>
        <Show when={options.error}>{(error) => <ErrorNote error={error()} />}</Show>
        <Show when={options()} fallback={<Show when={!options.error}><p aria-busy="true">…</p></Show>}>
          {(byKind) => <KindVersions optionsByKind={byKind()} value={draft.versionByKind} onChange={(kind, ref) => {
                setDraft('versionByKind', kind, ref);
                edited(`kind.${kind}`, 'kinds');
              }} problems={problems()} />}
        </Show>
        <DeadlinesFieldset value={draft.deadlines} onChange={(step, day) => {
            setDraft('deadlines', step, day);
            edited(`deadlines.${step}`);
          }} problems={problems()} />
        <fieldset class="card">
          <legend>
            <h2 id={fieldId('recognition')} tabIndex={-1}>{t('recognitionLegend')}</h2>
          </legend>
          <For each={RULES}>
            {(rule) => (
              <div class="radio-choice">
                <input type="radio" id={`rule-${rule}`} name="recognition" value={rule} checked={draft.rule === rule} aria-describedby={`rule-${rule}-help`} onChange={() => {
                    setDraft('rule', rule);
                    edited('recognition');
                  }} />
                <label for={`rule-${rule}`}>{t(`rule.${rule}`)}</label>
                <p class="help" id={`rule-${rule}-help`}>
                  {t(`rule.${rule}.help`)}
                </p>
              </div>
            )}
          </For>
          <FieldProblem key="recognition" problem={problem('recognition')} />
        </fieldset>
        <div class="row">
          <button type="submit" class="primary" disabled={saving()}>
            {saving() ? t('saving') : t('saveDraft')}
          </button>
          <A href="/manage/campaigns">{t('cancel')}</A>
        </div>
      </form>
    </main>
  );
}
