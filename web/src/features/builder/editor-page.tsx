import type { Path } from '@chiso/criteria';
import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import { useSession } from '../../shell/session-context.ts';
import { type BuilderApi, type VersionDetail, builderApi, sourceDefinition } from './api.ts';
import { CriterionEditor } from './criterion-editor.tsx';
import { DiffView } from './diff-view.tsx';
import { type DraftSession, createDraftSession, downloadJson } from './draft-session.ts';
import { updateCriterion } from './ops.ts';
import { Outline } from './outline.tsx';
import { type Section, candidateIds, sectionOf } from './paths.ts';
import { t } from './phrases.ts';
import { PreviewPanel, type Sample } from './preview-panel.tsx';
import { type ListedProblem, ProblemsList, fromDetail } from './problems-list.tsx';
import { PublishBar } from './publish-bar.tsx';
import { SaveBar } from './save-bar.tsx';
import { SetEditor } from './set-editor.tsx';
import { originName } from './source.ts';
import { fieldIds } from './variables.ts';
import { LoadError } from '../../ui/load-error.tsx';

type Tab = 'edit' | 'preview' | 'diff';

/** A version open in the builder: load it, then the editor. */
export function EditorPage(props: { api: BuilderApi; setKey: string; number: number }) {
  const [loaded] = createResource(() => props.api.version(props.setKey, props.number));
  return (
    <main class="builder wide">
      <p>
        <A href="/builder">← {t('backToCatalogue')}</A>
      </p>
      <Show when={loaded.error}>{(error) => <LoadError error={error()} />}</Show>
      <Show when={loaded()} fallback={<p aria-busy="true">{t('loading')}</p>} keyed>
        {(detail) => <Editor api={props.api} detail={detail} />}
      </Show>
    </main>
  );
}

function Editor(props: { api: BuilderApi; detail: VersionDetail }) {
  const session: DraftSession = createDraftSession(props.api, props.detail);
  const [tab, setTab] = createSignal<Tab>('edit');
  const [refusal, setRefusal] = createSignal<ListedProblem[]>([]);
  const [section, setSection] = createSignal<Section>({ kind: 'set' });
  const [answers, setAnswers] = createSignal<Record<string, unknown>>({});
  const [awards, setAwards] = createSignal<Record<string, unknown>>({});
  const [awardCaps, setAwardCaps] = createSignal(false);
  const sample: Sample = { answers, awards, setAnswers, setAwards, awardCaps, setAwardCaps };
  const editable = () => session.summary().status === 'draft';
  const knownVars = createMemo(() => fieldIds(session.draft()));
  const errors = () => session.lint().filter((problem) => problem.severity === 'error').length;
  // Leaving with unsaved edits asks first: the local copy lives only in this page.
  const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (session.dirty()) event.preventDefault();
  };
  window.addEventListener('beforeunload', warnBeforeLeaving);
  onCleanup(() => window.removeEventListener('beforeunload', warnBeforeLeaving));
  const [source] = createResource(() => props.detail.version.derivedFrom ?? undefined, (from) => sourceDefinition(props.api, from));

  const go = (path: Path) => {
    setTab('edit');
    setSection(sectionOf(path));
    // After the section is on screen: the most precise input there is for the path.
    requestAnimationFrame(() => {
      for (const id of candidateIds(path)) {
        const element = document.getElementById(id);
        if (element) {
          element.scrollIntoView({ block: 'center' });
          element.focus();
          return;
        }
      }
    });
  };

  const current = createMemo(() => {
    const chosen = section();
    if (chosen.kind !== 'criterion') return undefined;
    const criterion = session.draft().groups[chosen.at.group]?.criteria[chosen.at.criterion];
    return criterion ? { at: chosen.at, criterion } : undefined;
  });

  // A new section is a new editor (its own local state), not the previous one refilled.
  const sectionKey = createMemo(() => {
    const chosen = section();
    return chosen.kind === 'set' ? 'set' : `${chosen.at.group}:${chosen.at.criterion}`;
  });

  const tabButton = (value: Tab, label: string) => (
    <button type="button" class="tab" aria-pressed={tab() === value} data-tab={value} onClick={() => setTab(value)}>
      {label}
    </button>
  );

  return (
    <>
      <header class="builder-head">
        <h1>{tr(session.draft().title)}</h1>
        <p class="muted">
          {session.summary().setKey} · {t('versionLabel')}: {session.summary().label} · {t('versionNumber')} {session.summary().number} ·{' '}
          <span class="badge" data-version-status={session.summary().status}>
            {t(`status.${session.summary().status}`)}
          </span>
        </p>
        <div class="row">
          <Show when={editable()}>
            <SaveBar session={session} onDownload={() => downloadJson(`${session.summary().setKey}-${session.summary().label}.json`, session.draft())} />
          </Show>
          <PublishBar
            api={props.api}
            summary={session.summary()}
            errors={errors()}
            beforePublish={() => (session.dirty() ? session.save() : Promise.resolve(true))}
            onChanged={(next) => {
              setRefusal([]);
              session.setSummary(next);
            }}
            onRefused={(error) => setRefusal(error.details.map(fromDetail))}
          />
        </div>
      </header>
      <Show when={session.summary().status === 'published'}>
        <p class="note ok" role="status" data-published-note>
          {t('publishedNote')}
        </p>
      </Show>
      <div class="row tabs" role="group" aria-label={t('views')}>
        {tabButton('edit', t('tabEdit'))}
        {tabButton('preview', t('tabPreview'))}
        {tabButton('diff', t('tabDiff'))}
      </div>
      <Switch>
        <Match when={tab() === 'edit'}>
          <ProblemsList id="b-lint" title={t('problemsTitle')} problems={session.lint()} onGo={go} />
          <Show when={refusal().length > 0}>
            <ProblemsList id="b-refusal" title={t('publishRefused')} problems={refusal()} onGo={go} />
          </Show>
          <Show when={session.serverProblems().length > 0 && session.state() === 'refused'}>
            <ProblemsList id="b-server" title={t('serverProblemsTitle')} problems={session.serverProblems()} onGo={go} />
          </Show>
          <Show when={editable()} fallback={<p class="note">{t('readOnlyVersion')}</p>}>
            <div class="builder-columns">
              <Outline definition={session.draft()} section={section()} onSelect={setSection} onChange={session.edit} />
              <div class="builder-main">
                <Show when={sectionKey()} keyed>
                  {(_key) => (
                    <Show when={current()} fallback={<SetEditor definition={session.draft()} knownVars={knownVars()} onChange={session.edit} />}>
                      {(chosen) => (
                        <CriterionEditor
                          path={['groups', chosen().at.group, 'criteria', chosen().at.criterion]}
                          criterion={chosen().criterion}
                          definition={session.draft()}
                          knownVars={knownVars()}
                          onChange={(next) => session.edit(updateCriterion(session.draft(), chosen().at, () => next))}
                        />
                      )}
                    </Show>
                  )}
                </Show>
              </div>
            </div>
          </Show>
        </Match>
        <Match when={tab() === 'preview'}>
          <PreviewPanel definition={session.draft()} sample={sample} />
        </Match>
        <Match when={tab() === 'diff'}>
          <Show when={props.detail.version.derivedFrom} fallback={<p class="note">{t('noSource')}</p>}>
            <Show when={source()} fallback={<p aria-busy="true">{source.loading ? t('loading') : t('sourceGone')}</p>}>
              {(before) => <DiffView before={before().definition} after={session.draft()} beforeName={originName(before().origin)} />}
            </Show>
          </Show>
        </Match>
      </Switch>
    </>
  );
}

/** The editor for the version the address names (the route's component). */
export function EditorScreen() {
  const session = useSession();
  const params = useParams<{ setKey: string; number: string }>();
  const number = () => Number(params.number);
  return (
    <Show when={Number.isInteger(number()) && number() > 0 ? `${params.setKey}@${number()}` : undefined} keyed fallback={<p class="error">{t('badAddress')}</p>}>
      {(_key) => <EditorPage api={builderApi(session.api)} setKey={params.setKey} number={number()} />}
    </Show>
  );
}
