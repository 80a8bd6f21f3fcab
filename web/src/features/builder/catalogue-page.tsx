import { A, useNavigate } from '@solidjs/router';
import { For, Show, createResource, createSignal } from 'solid-js';
import { useSession } from '../../shell/session-context.ts';
import { type BuilderApi, type VersionSummary, builderApi } from './api.ts';
import { NewDraft } from './new-draft.tsx';
import { t } from './phrases.ts';
import { PublishBar } from './publish-bar.tsx';
import { originName, originOf } from './source.ts';
import { LoadError } from '../../ui/load-error.tsx';

/** The tenant's criteria sets with every version, the national sets, and where new versions start. */
export function CataloguePage(props: { api: BuilderApi }) {
  const navigate = useNavigate();
  const [catalogue, { refetch }] = createResource(() => props.api.catalogue());
  const [notice, setNotice] = createSignal<string | null>(null);
  const changed = (version: VersionSummary) => {
    setNotice(`${version.setKey} · ${version.label}: ${t(`status.${version.status}`)}`);
    void refetch();
  };
  return (
    <main class="builder wide">
      <h1>{t('catalogueTitle')}</h1>
      <Show when={catalogue.error}>{(error) => <LoadError error={error()} />}</Show>
      <p class="note ok" role="status" hidden={notice() === null}>
        {notice()}
      </p>
      <Show when={catalogue()} fallback={<p aria-busy="true">{t('loading')}</p>}>
        {(loaded) => (
          <>
            <For each={loaded().sets} fallback={<p class="muted">{t('noSets')}</p>}>
              {(set) => (
                <section class="card" aria-labelledby={`b-set-${set.setKey}`} data-set={set.setKey}>
                  <h2 id={`b-set-${set.setKey}`}>
                    {set.setKey}: {set.title}
                  </h2>
                  <div class="table-scroll">
                    <table class="versions">
                      <caption class="sr-only">{t('versionsOf')} {set.setKey}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('versionNumber')}</th>
                          <th scope="col">{t('versionLabel')}</th>
                          <th scope="col">{t('status')}</th>
                          <th scope="col">{t('problems')}</th>
                          <th scope="col">{t('derivedFrom')}</th>
                          <th scope="col">{t('actions')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={[...set.versions].sort((a, b) => b.number - a.number)}>
                          {(version) => (
                            <tr data-version={`${version.setKey}@${version.number}`}>
                              <td>{version.number}</td>
                              <td>{version.label}</td>
                              <td>
                                <span class="badge" classList={{ ok: version.status === 'published', warn: version.status === 'draft' }} data-status={version.status}>
                                  {t(`status.${version.status}`)}
                                </span>
                              </td>
                              <td>
                                {version.problems.errors} {t('errors')} · {version.problems.warnings} {t('warnings')}
                              </td>
                              <td data-derived-from={version.derivedFrom ? originOf(loaded(), version.derivedFrom).kind : 'none'}>{version.derivedFrom ? originName(originOf(loaded(), version.derivedFrom)) : '—'}</td>
                              <td>
                                <div class="row actions">
                                <A href={`/builder/${encodeURIComponent(version.setKey)}/${version.number}`} aria-label={`${version.status === 'draft' ? t('edit') : t('view')} ${version.setKey} · ${version.label}`}>
                                  {version.status === 'draft' ? t('edit') : t('view')}
                                </A>
                                <Show when={version.status === 'published'}>
                                  <PublishBar api={props.api} summary={version} errors={0} beforePublish={() => Promise.resolve(true)} onChanged={changed} />
                                </Show>
                                </div>
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </section>
              )}
            </For>
            <section class="card" aria-labelledby="b-national">
              <h2 id="b-national">{t('nationalSets')}</h2>
              <ul>
                <For each={loaded().builtIn}>
                  {(set) => (
                    <li>
                      <strong>{set.decision}</strong> · {set.label}: {set.title}
                    </li>
                  )}
                </For>
              </ul>
            </section>
            <NewDraft api={props.api} catalogue={loaded()} onCreated={(detail) => navigate(`/builder/${encodeURIComponent(detail.version.setKey)}/${detail.version.number}`)} />
          </>
        )}
      </Show>
    </main>
  );
}

/** The catalogue for the signed-in session (the route's component). */
export function CatalogueScreen() {
  const session = useSession();
  return <CataloguePage api={builderApi(session.api)} />;
}
