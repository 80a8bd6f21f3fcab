import { useNavigate, useParams } from '@solidjs/router';
import { For, Show, createResource, createSignal } from 'solid-js';
import { ApiError, asApiError } from '../../api/errors.ts';
import { errorText, formatNumber, t, tr } from '../../i18n/locale.ts';
import { useGrant, useSession } from '../../shell/session-context.ts';
import { type Catalogue, evidenceApi } from './api.ts';
import { te } from './phrases.ts';
import { sizeText } from './slot-view.tsx';
import { followDownload } from './upload.ts';
import { LoadError } from '../../ui/load-error.tsx';

/**
 * Danh mục minh chứng: every criterion and evidence slot of the submission, in the set's order, with what
 * each holds and which required slots are still empty (the API's catalogue: the core's own rule).
 */
export default function CatalogueScreen() {
  const session = useSession();
  const grant = useGrant();
  const params = useParams<{ campaignId: string }>();
  const navigate = useNavigate();
  const api = () => evidenceApi(session.api, params.campaignId, grant().unitId);
  const [catalogue] = createResource((): Promise<Catalogue> => api().catalogue());
  const [downloadError, setDownloadError] = createSignal<ApiError | null>(null);

  const download = async (evidenceId: string) => {
    setDownloadError(null);
    try {
      followDownload((await api().download(evidenceId)).download);
    } catch (caught) {
      setDownloadError(asApiError(caught));
    }
  };

  return (
    <main class="catalogue-page">
      <p>
        <button type="button" class="link" onClick={() => navigate(`/campaigns/${encodeURIComponent(params.campaignId)}`)}>
          ← {te('backToForm')}
        </button>
      </p>
      <h1>{te('catalogue')}</h1>
      <Show when={catalogue.error}>{(error) => <LoadError error={error()} />}</Show>
      <Show when={downloadError()}>{(error) => <p class="error" role="alert">{errorText(error())}</p>}</Show>
      <Show when={catalogue()} fallback={<p aria-busy="true">{t('loading')}</p>}>
        {(current) => (
          <>
            <p class="card" data-catalogue-counts>
              {te('counts')}: {formatNumber(current().counts.links)} {te('links')} · {formatNumber(current().counts.files)} {te('files')} ({sizeText(current().counts.fileBytes)}) ·{' '}
              <Show when={current().counts.missingSlots > 0} fallback={<span class="badge ok">{te('nothingMissing')}</span>}>
                <span class="badge warn">
                  {formatNumber(current().counts.missingSlots)} {te('missingSlots')}
                </span>
              </Show>
            </p>
            <For each={current().criteria.filter((criterion) => criterion.slots.length > 0)}>
              {(criterion) => (
                <section class="card" aria-labelledby={`catalogue-${criterion.criterionId.replace(/\W/g, '_')}`} data-catalogue-criterion={criterion.criterionId}>
                  <h2 id={`catalogue-${criterion.criterionId.replace(/\W/g, '_')}`}>
                    {t('criterion')} {criterion.criterionId}. {tr(criterion.title)}
                  </h2>
                  <ul class="plain stack">
                    <For each={criterion.slots}>
                      {(slot) => (
                        <li class="catalogue-slot" data-slot={`${criterion.criterionId}/${slot.id}`}>
                          <h3>
                            {tr(slot.label)}{' '}
                            <Show when={slot.required}>
                              <span class="muted">({te('required')})</span>{' '}
                            </Show>
                            <Show when={slot.missing} fallback={<Show when={slot.items.length > 0}><span class="badge ok">{te('present')}</span></Show>}>
                              <span class="badge warn" data-slot-missing>
                                {te('missing')}
                              </span>
                            </Show>
                          </h3>
                          <Show when={slot.items.length > 0} fallback={<p class="muted">{te('none')}</p>}>
                            <ul>
                              <For each={slot.items}>
                                {(item) => (
                                  <li data-evidence-item={item.id}>
                                    <Show
                                      when={item.kind === 'link' ? item : null}
                                      fallback={
                                        <Show when={item.kind === 'file' ? item : null}>
                                          {(file) => (
                                            <>
                                              {file().name} <span class="muted">({sizeText(file().size)})</span>{' '}
                                              <button type="button" class="link" onClick={() => void download(file().id)} aria-label={`${te('download')} ${file().name}`}>
                                                {te('download')}
                                              </button>
                                            </>
                                          )}
                                        </Show>
                                      }
                                    >
                                      {(link) => (
                                        <>
                                          <a href={link().url} target="_blank" rel="noopener noreferrer">
                                            {link().label}
                                          </a>{' '}
                                          <span class="muted">
                                            ({te('lastCheck')}: {link().lastCheck ? errorText({ messageVi: link().lastCheck?.message ?? '', messageEn: link().lastCheck?.messageEn ?? '' }) : te('notChecked')})
                                          </span>
                                        </>
                                      )}
                                    </Show>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </>
        )}
      </Show>
    </main>
  );
}
