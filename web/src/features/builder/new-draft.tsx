import { For, Show, createSignal } from 'solid-js';
import { ApiError } from '../../api/errors.ts';
import { errorText } from '../../i18n/locale.ts';
import type { BuilderApi, Catalogue, CreateDraft, DraftSource, VersionDetail } from './api.ts';
import { t } from './phrases.ts';

type Way = 'clone' | 'blank' | 'import';

/** The sources a draft may be cloned from: the tenant's published versions, then the national sets. */
function sources(catalogue: Catalogue): { key: string; label: string; source: DraftSource }[] {
  const own = catalogue.sets.flatMap((set) =>
    set.versions.filter((version) => version.status === 'published').map((version) => ({ key: `${version.setKey}@${version.number}`, label: `${version.setKey} · ${version.label} — ${version.title}`, source: { setKey: version.setKey, number: version.number } })),
  );
  const national = catalogue.builtIn.map((set) => ({ key: `builtin:${set.setKey}`, label: `${t('national')}: ${set.decision} · ${set.label}`, source: { builtIn: set.setKey } }));
  return [...own, ...national];
}

/** Starting a new version: a clone of a published one, a blank set, or imported JSON. */
export function NewDraft(props: { api: BuilderApi; catalogue: Catalogue; onCreated: (detail: VersionDetail) => void }) {
  const [way, setWay] = createSignal<Way>('clone');
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const options = () => sources(props.catalogue);

  const create = async (request: CreateDraft) => {
    setBusy(true);
    setError(null);
    try {
      props.onCreated(await props.api.createDraft(request));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    if (way() === 'clone') {
      const chosen = options().find((option) => option.key === text('source'));
      if (!chosen) return setError(t('chooseSource'));
      const setKey = text('setKey');
      return create({ from: 'clone', source: chosen.source, label: text('label'), ...(setKey === '' ? {} : { setKey }) });
    }
    if (way() === 'blank') return create({ from: 'blank', setKey: text('setKey'), label: text('label'), title: text('title') });
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setError(t('chooseFile'));
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch (caught) {
      return setError(`${t('notJson')}: ${caught instanceof Error ? caught.message : String(caught)}`);
    }
    return create({ from: 'import', definition });
  };

  return (
    <section class="card stack" aria-labelledby="b-new-heading">
      <h2 id="b-new-heading">{t('newVersion')}</h2>
      <fieldset>
        <legend>{t('startFrom')}</legend>
        <For each={[['clone', t('wayClone')], ['blank', t('wayBlank')], ['import', t('wayImport')]] as const}>
          {([value, label]) => (
            <label class="inline">
              <input type="radio" name="b-way" value={value} checked={way() === value} onChange={() => setWay(value)} />
              {label}
            </label>
          )}
        </For>
      </fieldset>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <Show when={way() === 'clone'}>
          <label for="b-new-source">
            {t('cloneSource')}
            <select id="b-new-source" name="source">
              <For each={options()}>{(option) => <option value={option.key}>{option.label}</option>}</For>
            </select>
          </label>
        </Show>
        <Show when={way() !== 'import'}>
          <div class="row">
            <label for="b-new-label">
              {t('newLabel')}
              <input id="b-new-label" name="label" type="text" required placeholder="2026.1" />
            </label>
            <label for="b-new-setkey">
              {way() === 'clone' ? t('newSetKeyOptional') : t('newSetKey')}
              <input id="b-new-setkey" name="setKey" type="text" required={way() === 'blank'} pattern="[a-z0-9][a-z0-9\-]{0,63}" />
            </label>
          </div>
        </Show>
        <Show when={way() === 'blank'}>
          <label for="b-new-title">
            {t('newTitle')}
            <input id="b-new-title" name="title" type="text" required />
          </label>
        </Show>
        <Show when={way() === 'import'}>
          <label for="b-new-file">
            {t('importFile')}
            <input id="b-new-file" name="file" type="file" accept="application/json,.json" />
          </label>
        </Show>
        <p>
          <button type="submit" class="primary" disabled={busy()}>
            {busy() ? t('working') : t('createDraft')}
          </button>
        </p>
      </form>
      <div role="alert" data-new-draft-error>
        <Show when={error()}>
          {(shown) => {
            const value = shown();
            return typeof value === 'string' ? (
              <p class="error">{value}</p>
            ) : (
              <div class="error refusal">
                <p>{errorText(value)}</p>
                <ul>
                  <For each={value.details}>{(detail) => <li><code>{detail.path}</code>: {errorText({ messageVi: detail.message, messageEn: detail.messageEn })}</li>}</For>
                </ul>
              </div>
            );
          }}
        </Show>
      </div>
    </section>
  );
}
