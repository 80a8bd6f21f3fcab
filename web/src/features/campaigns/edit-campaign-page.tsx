import { A, useNavigate, useParams } from '@solidjs/router';
import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { ApiError } from '../../api/errors.ts';
import { useSession } from '../../shell/session-context.ts';
import { type Campaign, campaignsApi } from './api.ts';
import { buildPatch, checkEdit, draftOf, editModeOf, rebaseDraft, withChosenVersions } from './campaign-edit.ts';
import { CampaignFields, ProblemSummary, createFormProblems } from './campaign-fields.tsx';
import { type CampaignDraft, defaultDeadlines, problemsByField, toRequest, versionsByKind } from './campaign-form.ts';
import { DeadlinesFieldset } from './deadlines-fieldset.tsx';
import { type ConflictView, ConflictNote } from './conflict-note.tsx';
import { ErrorNote } from './error-note.tsx';
import { campaignChanges } from './history.ts';
import { t } from './phrases.ts';

/** What the campaign page says once it is back: the edit form passes it in the navigation's state. */
export interface EditedState {
  message: string;
}

/**
 * `/manage/campaigns/:campaignId/edit`: a draft's whole plan through the new-campaign form's fields, or
 * an open campaign's deadlines only (moving a step for every school at once). Saved from the version
 * read; when someone else saved first, the form moves onto their version keeping what was typed.
 */
export function EditCampaignPage() {
  const session = useSession();
  const params = useParams<{ campaignId: string }>();
  const navigate = useNavigate();
  const api = campaignsApi(session.api);
  const [base, setBase] = createSignal<Campaign | null>(null);
  const [draft, setDraft] = createStore<CampaignDraft>({ name: '', schoolYear: '', versionByKind: {}, deadlines: defaultDeadlines('2025-2026'), rule: 'nearest-office' });
  const form = createFormProblems();
  const [failure, setFailure] = createSignal<unknown>(null);
  const [conflict, setConflict] = createSignal<ConflictView | null>(null);
  const [notice, setNotice] = createSignal('');
  const [saving, setSaving] = createSignal(false);

  const [loaded] = createResource(
    () => params.campaignId,
    async (id) => {
      const campaign = await api.get(id);
      setBase(campaign);
      setDraft(reconcile(draftOf(campaign)));
      return campaign;
    },
  );
  const mode = () => {
    const current = base();
    return current === null ? 'none' : editModeOf(current);
  };
  const [published] = createResource(
    () => (mode() === 'draft' ? params.campaignId : false),
    async () => versionsByKind(await api.publishedVersions()),
  );
  const options = () => {
    const current = base();
    return published.state === 'ready' && current !== null ? withChosenVersions(published(), current) : undefined;
  };
  const campaignUrl = () => `/manage/campaigns/${encodeURIComponent(params.campaignId)}`;

  // Someone saved first: show what they changed, move the form onto their version, keep what was typed.
  const rebase = async (read: Campaign) => {
    const now = await api.get(read.id);
    const { draft: merged, clashes } = rebaseDraft(read, now, draft);
    setBase(now);
    setDraft(reconcile(merged));
    setConflict({ changes: campaignChanges(read, now), clashes });
    queueMicrotask(() => document.getElementById('campaign-conflict')?.focus());
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setFailure(null);
    setNotice('');
    const current = base();
    if (current === null) return;
    const editing = editModeOf(current);
    const found = checkEdit(draft, editing);
    if (found.size > 0) return form.show(found);
    form.clear();
    const patch = buildPatch(current, draft, editing);
    if (patch === null) return setNotice(t('nothingChanged'));
    setSaving(true);
    try {
      await api.update(current.id, current.version, patch);
      const state: EditedState = { message: editing === 'draft' ? t('editSaved') : t('deadlinesMoved') };
      navigate(campaignUrl(), { state });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code === 'conflict') await rebase(current).catch(setFailure);
      else {
        setFailure(error);
        if (error instanceof ApiError && error.details.length > 0) form.show(problemsByField(error.details, toRequest(draft)));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <main>
      <p>
        <A href={campaignUrl()}>{t('backToCampaign')}</A>
      </p>
      <h1>{mode() === 'deadlines' ? t('moveTitle') : t('editTitle')}</h1>
      <Show when={loaded.error}>{(error) => <ErrorNote error={error()} />}</Show>
      <Show when={base()} fallback={<Show when={!loaded.error}><p aria-busy="true">…</p></Show>}>
        {(current) => (
          <>
            <p class="muted" data-campaign-name>
              {current().name} · {current().schoolYear}
            </p>
            <Show when={conflict()}>{(view) => <ConflictNote view={view()} />}</Show>
            <ProblemSummary form={form} failure={failure()} />
            <Switch>
              <Match when={mode() === 'none'}>
                <p class="note">{t('closedNote')}</p>
              </Match>
              <Match when={mode() !== 'none'}>
                <Show when={mode() === 'deadlines'}>
                  <p class="note" id="move-note">
                    {t('moveNote')}
                  </p>
                </Show>
                <form class="campaign-form" onSubmit={(e) => void save(e)} novalidate aria-describedby={mode() === 'deadlines' ? 'move-note' : undefined}>
                  <Show
                    when={mode() === 'draft'}
                    fallback={
                      <DeadlinesFieldset
                        value={draft.deadlines}
                        onChange={(step, day) => {
                          setDraft('deadlines', step, day);
                          form.edited(`deadlines.${step}`);
                        }}
                        problems={form.problems()}
                      />
                    }
                  >
                    <CampaignFields draft={draft} setDraft={setDraft} form={form} options={options()} optionsError={published.error} />
                  </Show>
                  <p role="status">{notice()}</p>
                  <div class="row">
                    <button type="submit" class="primary" disabled={saving()}>
                      {saving() ? t('saving') : mode() === 'draft' ? t('saveChanges') : t('saveDeadlines')}
                    </button>
                    <A href={campaignUrl()}>{t('cancel')}</A>
                  </div>
                </form>
              </Match>
            </Switch>
          </>
        )}
      </Show>
    </main>
  );
}
