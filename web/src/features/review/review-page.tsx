import type { Definition, Problem } from '@chiso/criteria';
import { A } from '@solidjs/router';
import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { ApiError, asApiError } from '../../api/errors.ts';
import { tr } from '../../i18n/locale.ts';
import { useGrant, useSession } from '../../shell/session-context.ts';
import { createDefinitionCache } from '../form/definition-cache.ts';
import { tenantOfToken } from '../form/outbox.ts';
import { ActionsPanel, type Powers } from './actions-panel.tsx';
import { DeadlinesStrip } from './deadlines-strip.tsx';
import { type ReviewView, reviewApi } from './api.ts';
import { NO_CHANGES, indexChanges } from './changes.ts';
import { ChangesSummary } from './changes-summary.tsx';
import { CriterionReview } from './criterion-review.tsx';
import { t } from './phrases.ts';
import { statusLabel } from './queue-page.tsx';
import type { RecogniseInput } from './recognise-form.tsx';
import { LoadError } from '../../ui/load-error.tsx';
import { type Typed, reviewPatch, reviewerScore, typedFrom } from './sides.ts';
import { TotalsPanel } from './totals-panel.tsx';

const REVIEW_ROLES = ['office-reviewer', 'office-admin', 'province-admin'];
const RECOGNISE_ROLES = ['office-admin', 'province-admin'];

interface Loaded {
  definition: Definition;
  unitName: string;
}

/** The review of one school's submission: its answers, points and evidence beside the reviewer's own, and the steps allowed now. */
export function ReviewPage(props: { campaignId: string; unitId: string }) {
  const session = useSession();
  const api = reviewApi(session.api);
  // A reviewer opens school after school on the same pinned version: the browser keeps it, as the form does.
  const definitions = createDefinitionCache(typeof localStorage === 'undefined' ? null : localStorage, tenantOfToken(session.api.token()));
  const grant = useGrant();
  const powers = (): Powers => ({ review: REVIEW_ROLES.includes(grant().role), recognise: RECOGNISE_ROLES.includes(grant().role) });
  const [view, setView] = createSignal<ReviewView | null>(null);
  const [typed, setTyped] = createSignal<Typed>({ awards: {}, comments: {} });
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<ApiError | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);

  const [ready, setReady] = createSignal<Loaded | null>(null);
  // The resource only tracks loading and failure; what it loads lives in signals (a failed resource throws when read).
  const [loading] = createResource(async () => {
    const first = await api.review(props.campaignId, props.unitId);
    const [definition, unit] = await Promise.all([
      definitions.get(first.definition, async () => (await api.definition(first.definition)).definition),
      api.unit(props.unitId).catch(() => null),
    ]);
    setView(first);
    setTyped(typedFrom(first.review));
    setReady({ definition, unitName: unit?.name ?? props.unitId });
    return true;
  });

  const live = createMemo(() => {
    const current = view();
    const loaded = ready();
    return current && loaded ? reviewerScore(loaded.definition, current.submission, typed()) : null;
  });
  const state = createMemo(() => {
    const current = view();
    const loaded = ready();
    const score = live();
    return current && loaded && score ? { ready: loaded, current, live: score } : null;
  });
  const problems = createMemo(() => {
    const byIndicator = new Map<string, Problem[]>();
    for (const problem of live()?.invalid ?? []) {
      const [part, id] = problem.path;
      if (part !== 'awards' || typeof id !== 'string') continue;
      byIndicator.set(id, [...(byIndicator.get(id) ?? []), problem]);
    }
    return byIndicator;
  });
  const pending = () => {
    const current = view();
    return current ? reviewPatch(current.review, typed(), current.submission.version) : null;
  };
  const changes = createMemo(() => {
    const loaded = ready();
    const current = view();
    return loaded && current ? indexChanges(loaded.definition, current.changesSinceReturn) : NO_CHANGES;
  });
  // Typed points live only on screen until saved: leaving with some asks first.
  const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (pending() !== null) event.preventDefault();
  };
  window.addEventListener('beforeunload', warnBeforeLeaving);
  onCleanup(() => window.removeEventListener('beforeunload', warnBeforeLeaving));
  const editable = () => powers().review && (view()?.allowedActions.includes('review') ?? false);

  /** Runs a step; a refusal is shown, and on a 409 the current state is loaded (the reviewer's typing stays). */
  const run = async (step: (version: number) => Promise<ReviewView>, done: string) => {
    const current = view();
    if (current === null) return;
    setBusy(true);
    setRefusal(null);
    setNotice(null);
    try {
      const next = await step(current.submission.version);
      setView(next);
      setNotice(done);
      // The button pressed may be gone (the step is done): keep keyboard users in the actions, where the result is announced.
      if (document.activeElement === null || document.activeElement === document.body) document.getElementById('actions-title')?.focus();
    } catch (caught) {
      const error = asApiError(caught);
      setRefusal(error);
      if (error.status === 409) setView(await api.review(props.campaignId, props.unitId).catch(() => current));
    } finally {
      setBusy(false);
    }
  };

  /** Unsaved points go first, so a return or an acceptance always carries what is on screen. */
  const withSaved = async (version: number): Promise<number> => {
    const current = view();
    const patch = current ? reviewPatch(current.review, typed(), version) : null;
    if (patch === null) return version;
    const saved = await api.save(props.campaignId, props.unitId, patch);
    setView(saved);
    return saved.submission.version;
  };

  const save = () => run((version) => api.save(props.campaignId, props.unitId, reviewPatch(view()?.review ?? { awards: {}, comments: {} }, typed(), version) ?? { version }), t('saved'));
  const giveBack = (comment: string) => run(async (version) => api.giveBack(props.campaignId, props.unitId, await withSaved(version), comment), t('done'));
  const accept = () => run(async (version) => api.accept(props.campaignId, props.unitId, await withSaved(version)), t('done'));
  const recognise = (input: RecogniseInput) => run((version) => api.recognise(props.campaignId, props.unitId, { version, ...input }), t('recognised'));

  return (
    <main class="review-page">
      <p>
        <Show
          when={powers().review}
          fallback={<A href={`/campaigns/${encodeURIComponent(props.campaignId)}`}>← {t('backToForm')}</A>}
        >
          <A href={`/review?campaign=${encodeURIComponent(props.campaignId)}`}>← {t('back')}</A>
        </Show>
      </p>
      <Show when={loading.error}>{(error) => <LoadError error={error()} />}</Show>
      <Show
        when={state()}
        fallback={
          <Show when={!loading.error}>
            <p aria-busy="true">{t('busy')}</p>
          </Show>
        }
      >
        {(state) => (
          <>
            <header class="form-head">
              <h1>
                {t('reviewTitle')}: {state().ready.unitName}
              </h1>
              <p class="muted">
                {tr(state().ready.definition.title)} · {state().current.definition.label} · {t('status')}:{' '}
                <strong data-review-status={state().current.submission.status}>{statusLabel(state().current.submission.status)}</strong>
              </p>
              <DeadlinesStrip deadlines={state().current.deadlines} />
              <Show when={state().current.submission.recognition}>
                {(recognition) => (
                  <p class="note ok" data-recognition>
                    {t('recognised')} {recognition().decision.number} ({recognition().decision.date}) · {t('level')} {recognition().levels.overall}
                    <Show when={state().current.submission.publishedAt}> · {t('published')}</Show>
                  </p>
                )}
              </Show>
              <Show when={state().current.review.lastReturn}>
                {(last) => (
                  <p class={state().current.submission.status === 'returned' ? 'note' : 'muted'} data-last-return>
                    <strong>
                      {t('lastReturn')} ({last().at.slice(0, 10)}):
                    </strong>{' '}
                    {last().comment}
                  </p>
                )}
              </Show>
            </header>
            <div class="sticky">
              <TotalsPanel definition={state().ready.definition} school={state().current.schoolScore} reviewer={state().live} />
            </div>
            <Show when={state().current.changesSinceReturn && ['submitted', 'in-review'].includes(state().current.submission.status)}>
              <ChangesSummary index={changes()} />
            </Show>
            <Show when={powers().review || powers().recognise}>
                <ActionsPanel
                allowed={state().current.allowedActions}
                powers={powers()}
                busy={busy()}
                dirty={pending() !== null}
                refusal={refusal()}
                notice={notice()}
                levels={{ groups: state().live.groups.map((group) => ({ id: group.id, level: group.level })), overall: state().live.overallLevel }}
                onStart={() => void run((version) => api.start(props.campaignId, props.unitId, version), t('done'))}
                onSave={() => void save()}
                onReturn={(comment) => void giveBack(comment)}
                onAccept={() => void accept()}
                onRecognise={(input) => void recognise(input)}
                onPublish={() => void run((version) => api.publish(props.campaignId, props.unitId, version), t('published'))}
              />
            </Show>
            <For each={state().ready.definition.groups}>
              {(group) => {
                const schoolGroup = () => state().current.schoolScore.groups.find((item) => item.id === group.id);
                const reviewerGroup = () => state().live.groups.find((item) => item.id === group.id);
                return (
                  <section class="group" aria-labelledby={`review-group-${group.id}`}>
                    <h2 id={`review-group-${group.id}`}>
                      {t('group')} {group.id}. {tr(group.title)}
                    </h2>
                    <For each={group.criteria}>
                      {(criterion) => (
                        <CriterionReview
                          criterion={criterion}
                          school={schoolGroup()?.criteria.find((item) => item.id === criterion.id)}
                          reviewer={reviewerGroup()?.criteria.find((item) => item.id === criterion.id)}
                          answers={state().current.submission.answers}
                          schoolComment={state().current.submission.comments[criterion.id]}
                          evidence={state().current.submission.evidence}
                          changes={changes().byCriterion.get(criterion.id) ?? []}
                          changedIndicators={changes().indicators}
                          typedAward={(id) => typed().awards[id] ?? ''}
                          typedComment={() => typed().comments[criterion.id] ?? ''}
                          problems={(id) => problems().get(id) ?? []}
                          editable={editable()}
                          onAward={(id, raw) => setTyped({ ...typed(), awards: { ...typed().awards, [id]: raw } })}
                          onComment={(text) => setTyped({ ...typed(), comments: { ...typed().comments, [criterion.id]: text } })}
                          fileUrl={(evidenceId) => api.fileUrl(props.campaignId, props.unitId, evidenceId)}
                        />
                      )}
                    </For>
                  </section>
                );
              }}
            </For>
          </>
        )}
      </Show>
    </main>
  );
}
