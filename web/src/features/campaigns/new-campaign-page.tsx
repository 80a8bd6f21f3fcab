import { A, useNavigate } from '@solidjs/router';
import { Show, createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ApiError } from '../../api/errors.ts';
import { useGrant, useSession } from '../../shell/session-context.ts';
import { canCreateCampaigns } from './access.ts';
import { type NewCampaign, campaignsApi } from './api.ts';
import { CampaignFields, ProblemSummary, createFormProblems } from './campaign-fields.tsx';
import { type CampaignDraft, checkDraft, defaultDeadlines, defaultSchoolYear, problemsByField, toRequest, versionRef, versionsByKind } from './campaign-form.ts';
import { SCHOOL_KINDS } from './kind-versions.tsx';
import { t } from './phrases.ts';

/** `/manage/campaigns/new`: a draft campaign — name, year, a version per kind, deadlines, who recognises. */
export function NewCampaignPage() {
  const session = useSession();
  const grant = useGrant();
  const navigate = useNavigate();
  const api = campaignsApi(session.api);
  const year = defaultSchoolYear(new Date());
  const [draft, setDraft] = createStore<CampaignDraft>({ name: '', schoolYear: year, versionByKind: {}, deadlines: defaultDeadlines(year), rule: 'nearest-office' });
  const form = createFormProblems();
  const [failure, setFailure] = createSignal<unknown>(null);
  const [saving, setSaving] = createSignal(false);

  const [options] = createResource(async () => {
    const byKind = versionsByKind(await api.publishedVersions());
    // Each kind starts on the newest version that applies to it; the admin changes or leaves it out.
    for (const kind of SCHOOL_KINDS) {
      const newest = byKind.get(kind)?.at(-1);
      if (newest !== undefined) setDraft('versionByKind', kind, versionRef(newest));
    }
    return byKind;
  });

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = checkDraft(draft);
    if (found.size > 0) return form.show(found);
    // The campaign belongs to the unit acted for (an account may manage at several).
    const request: NewCampaign = { ownerUnitId: grant().unitId, ...toRequest(draft) };
    setSaving(true);
    try {
      const created = await api.create(request);
      navigate(`/manage/campaigns/${encodeURIComponent(created.id)}`);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.details.length > 0) form.show(problemsByField(error.details, request));
    } finally {
      setSaving(false);
    }
  };

  return (
    <main>
      <p>
        <A href="/manage/campaigns">{t('backToList')}</A>
      </p>
      <h1>{t('newTitle')}</h1>
      <Show when={!canCreateCampaigns(grant())}>
        <p class="note">{t('readOnlyNote')}</p>
      </Show>
      <ProblemSummary form={form} failure={failure()} />
      <form class="campaign-form" onSubmit={(e) => void save(e)} novalidate>
        <CampaignFields draft={draft} setDraft={setDraft} form={form} options={options()} optionsError={options.error} />
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
