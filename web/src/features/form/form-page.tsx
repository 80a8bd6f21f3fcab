import { type Definition, askedFields, scoreSubmission } from '@chiso/criteria';
import { For, Show, createMemo, createResource, onCleanup } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import type { SubmissionView } from '../../api/types.ts';
import { t, tr } from '../../i18n/locale.ts';
import { SaveStatus } from '../../ui/save-status.tsx';
import { createEvidenceActions } from '../evidence/actions.ts';
import { evidenceApi, evidenceCounts } from '../evidence/api.ts';
import { EvidenceBox } from '../evidence/evidence-box.tsx';
import { te } from '../evidence/phrases.ts';
import { ConflictView } from './conflict-view.tsx';
import { CriterionView, type FormState } from './criterion-view.tsx';
import { createDefinitionCache } from './definition-cache.ts';
import { createOutbox, outboxKey } from './outbox.ts';
import { tf } from './phrases.ts';
import { ReturnNote } from './return-note.tsx';
import { ScorePanel } from './score-panel.tsx';
import { SubmitBox } from './submit-box.tsx';
import { createFormSync } from './sync.ts';
import { problemsByTarget, readAward } from './targets.ts';
import { LoadError } from '../../ui/load-error.tsx';

const AUTOSAVE_EVERY_MS = 2_500;

interface Loaded {
  definition: Definition;
  pin: SubmissionView['definition'];
  deadline: SubmissionView['deadline'];
}

const browserStorage = () => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * The school's form for one campaign: rendered from the pinned criteria version, scored live by the core
 * (evidence counts included), autosaved, kept in the browser while offline, and merged on conflicts.
 */
export function FormPage(props: { api: ApiClient; tenant: string; campaignId: string; unitId: string; canSubmit: boolean; onBack: () => void; onCatalogue: () => void }) {
  const outbox = createOutbox(browserStorage(), outboxKey({ tenant: props.tenant, campaignId: props.campaignId, unitId: props.unitId }));
  const definitions = createDefinitionCache(browserStorage(), props.tenant);
  const sync = createFormSync({
    api: props.api,
    campaignId: props.campaignId,
    unitId: props.unitId,
    outbox,
    holdBack: () => {
      const held = { answers: new Set<string>(), awards: new Set<string>() };
      for (const key of problems().keys()) {
        const [kind, id = ''] = key.split(/:(.*)/s);
        if (kind === 'answer') held.answers.add(id);
        else if (kind === 'award') held.awards.add(id);
      }
      return held;
    },
  });
  const [loaded] = createResource(async (): Promise<Loaded> => {
    const view = await props.api.submission(props.campaignId, props.unitId);
    const pin = view.definition;
    const definition = await definitions.get(pin, async () => (await props.api.criteriaVersion(pin.setKey, pin.number)).definition);
    sync.load(view);
    return { definition, pin: view.definition, deadline: view.deadline };
  });
  const definitionOf = () => loaded()?.definition;

  const score = createMemo(() => {
    const definition = definitionOf();
    return definition ? scoreSubmission(definition, sync.answers(), sync.awards(), { evidence: evidenceCounts(sync.evidence()) }) : null;
  });
  const asked = createMemo(() => {
    const definition = definitionOf();
    return definition ? askedFields(definition, sync.answers()) : new Set<string>();
  });
  const problems = createMemo(() => problemsByTarget(score()?.invalid ?? []));
  const missingEvidence = createMemo(() => {
    const slots = new Set<string>();
    for (const problem of score()?.missing ?? []) if (problem.code === 'missing.evidence') slots.add(`${String(problem.path[1])}/${String(problem.path[2])}`);
    return slots;
  });

  const evidence = createEvidenceActions({
    api: evidenceApi(props.api, props.campaignId, props.unitId),
    run: sync.run,
    version: sync.version,
    evidence: sync.evidence,
    missing: missingEvidence,
    editable: sync.editable,
    onView: sync.adopt,
    onStale: () => sync.stale(),
  });

  const flush = () => void sync.autosave.flush();
  const timer = setInterval(flush, AUTOSAVE_EVERY_MS);
  const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (sync.autosave.hasPending) event.preventDefault();
  };
  window.addEventListener('beforeunload', warnBeforeLeaving);
  // Back online: send at once rather than at the next tick.
  window.addEventListener('online', flush);
  onCleanup(() => {
    clearInterval(timer);
    window.removeEventListener('beforeunload', warnBeforeLeaving);
    window.removeEventListener('online', flush);
    flush();
  });

  const state: FormState = {
    answers: sync.answers,
    awards: sync.awards,
    asked,
    problems,
    editable: sync.editable,
    setAnswer: (fieldId, value) => sync.setAnswer(fieldId, value),
    setAward: (indicatorId, raw) => sync.setAward(indicatorId, readAward(raw)),
  };

  return (
    <main class="form-page">
      <p class="row">
        <button type="button" class="link" onClick={() => props.onBack()}>
          ← {t('back')}
        </button>
        <button type="button" class="link" onClick={() => props.onCatalogue()}>
          {te('openCatalogue')}
        </button>
      </p>
      <Show when={loaded.error}>{(error) => <LoadError error={error()} />}</Show>
      <Show when={loaded()} fallback={<p aria-busy="true">{t('loading')}</p>}>
        {(current) => (
          <>
            <header class="form-head">
              <h1>{tr(current().definition.title)}</h1>
              <p class="muted">
                {current().pin.setKey} · {current().pin.label} · {t('deadline')}: {current().deadline.extendedUntil ?? current().deadline.selfAssessment} · {t('status')}:{' '}
                <span data-status={sync.status()}>{t(`status.${sync.status()}`)}</span>
              </p>
            </header>
            <div class="sticky">
              <Show when={score()}>{(result) => <ScorePanel definition={current().definition} score={result()} />}</Show>
              <SaveStatus state={sync.saveState()} error={sync.saveError()} />
            </div>
            <Show when={sync.stranded() > 0}>
              <p class="note" role="status" data-stranded={sync.stranded()}>
                {tf('stranded')} {tf('strandedCount')} {sync.stranded()}.{' '}
                <button type="button" class="link" onClick={() => sync.discardStranded()}>
                  {tf('discardStranded')}
                </button>
              </p>
            </Show>
            <Show when={sync.restored()}>
              <p class="note" role="status">
                {tf('restored')}
              </p>
            </Show>
            <Show when={sync.status() === 'returned'}>
              <ReturnNote api={props.api} campaignId={props.campaignId} unitId={props.unitId} definition={current().definition} />
            </Show>
            <Show when={sync.conflict()}>{(open) => <ConflictView definition={current().definition} conflicts={open().conflicts} onApply={(choices) => sync.resolve(choices)} />}</Show>
            <Show when={!sync.allowed().includes('edit')}>
              <p class="note" data-read-only>
                {t('readOnly')}
              </p>
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
                      {(criterion) => (
                        <CriterionView criterion={criterion} score={groupScore()?.criteria.find((candidate) => candidate.id === criterion.id)} state={state}>
                          <EvidenceBox criterion={criterion} actions={evidence} />
                        </CriterionView>
                      )}
                    </For>
                  </section>
                );
              }}
            </For>
            <Show when={props.canSubmit && sync.allowed().includes('submit')}>
              <SubmitBox
                submit={async () => {
                  await sync.autosave.flush();
                  return sync.run(() => props.api.submit(props.campaignId, props.unitId, sync.version()));
                }}
                onSubmitted={sync.adopt}
              />
            </Show>
            <Show when={sync.status() === 'submitted'}>
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
