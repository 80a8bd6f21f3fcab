import type { EvidenceSlot } from '@chiso/criteria';
import { ACCEPT } from './upload.ts';
import { For, Show, createSignal } from 'solid-js';
import { ApiError, asApiError } from '../../api/errors.ts';
import { errorText, formatNumber, tr } from '../../i18n/locale.ts';
import { slotElementId } from '../form/targets.ts';
import type { EvidenceActions } from './actions.ts';
import type { EvidenceItem } from './api.ts';
import { te } from './phrases.ts';


export const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB` : `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`);

/** A refusal as people read it: what failed (naming the file or the field), the API's message, and each detail. */
function Refusal(props: { title: string; error: ApiError }) {
  return (
    <div class="refusal" role="alert">
      <p class="error">
        {props.title}: {errorText(props.error)}
      </p>
      <Show when={props.error.details.length > 0}>
        <ul class="problems">
          <For each={props.error.details}>{(detail) => <li>{errorText({ messageVi: detail.message, messageEn: detail.messageEn })}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}

/** One evidence slot: its items, a form to add a link, and (for documents and files) an upload with its progress. */
export function SlotView(props: { criterionId: string; slot: EvidenceSlot; actions: EvidenceActions }) {
  const inputId = () => slotElementId(props.criterionId, props.slot.id);
  const items = (): EvidenceItem[] => props.actions.evidence()[props.criterionId]?.[props.slot.id] ?? [];
  const missing = () => props.actions.missing().has(`${props.criterionId}/${props.slot.id}`);
  const [url, setUrl] = createSignal('');
  const [label, setLabel] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [linkError, setLinkError] = createSignal<ApiError | null>(null);
  const [progress, setProgress] = createSignal<{ name: string; fraction: number } | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [fileError, setFileError] = createSignal<{ name: string; error: ApiError } | null>(null);
  const [itemError, setItemError] = createSignal<ApiError | null>(null);

  const addLink = async (event: SubmitEvent) => {
    event.preventDefault();
    const address = url().trim();
    setLinkError(null);
    if (address === '') {
      setLinkError(new ApiError(400, 'empty', te('linkEmpty'), te('linkEmpty')));
      return;
    }
    setBusy(true);
    try {
      await props.actions.addLink(props.criterionId, props.slot.id, { url: address, label: label().trim() || address.slice(0, 300) });
      setUrl('');
      setLabel('');
    } catch (caught) {
      setLinkError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file === undefined) return;
    setFileError(null);
    setDone(null);
    setProgress({ name: file.name, fraction: 0 });
    try {
      await props.actions.upload(props.criterionId, props.slot.id, file, (fraction) => setProgress({ name: file.name, fraction }));
      setDone(file.name);
    } catch (caught) {
      setFileError({ name: file.name, error: asApiError(caught) });
      setProgress(null);
    } finally {
      input.value = '';
    }
  };

  const act = async (task: () => Promise<void>) => {
    setItemError(null);
    try {
      await task();
    } catch (caught) {
      setItemError(asApiError(caught));
    }
  };

  return (
    <div class="evidence-slot" data-slot={`${props.criterionId}/${props.slot.id}`}>
      <h5>
        {tr(props.slot.label)}
        <Show when={missing()}>
          {' '}
          <span class="badge warn" data-slot-missing>
            {te('missing')}
          </span>
        </Show>
      </h5>
      <Show when={props.slot.guidance}>{(guidance) => <p class="help">{tr(guidance())}</p>}</Show>
      <Show when={items().length === 0 && !props.actions.editable()}>
        <p class="muted">{te('none')}</p>
      </Show>
      <ul class="plain evidence-items">
        <For each={items()}>
          {(item) => (
            <li class="row evidence-item" data-evidence-item={item.id}>
              <Show
                when={item.kind === 'link' ? item : null}
                fallback={
                  <Show when={item.kind === 'file' ? item : null}>
                    {(file) => (
                      <>
                        <span>
                          {file().name} <span class="muted">({sizeText(file().size)})</span>
                        </span>
                        <button type="button" class="link" onClick={() => void act(() => props.actions.download(file().id))} aria-label={`${te('download')} ${file().name}`}>
                          {te('download')}
                        </button>
                        <Show when={props.actions.editable()}>
                          <button type="button" class="link" onClick={() => void act(() => props.actions.removeFile(file().id))} aria-label={`${te('remove')} ${file().name}`}>
                            {te('remove')}
                          </button>
                        </Show>
                      </>
                    )}
                  </Show>
                }
              >
                {(link) => (
                  <>
                    <a href={link().url} target="_blank" rel="noopener noreferrer">
                      {link().label}
                    </a>
                    <Show when={props.actions.editable()}>
                      <button type="button" class="link" onClick={() => void act(() => props.actions.removeLink(props.criterionId, props.slot.id, link().id))} aria-label={`${te('remove')} ${link().label}`}>
                        {te('remove')}
                      </button>
                    </Show>
                  </>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={itemError()}>{(error) => <Refusal title={te('removeNamed')} error={error()} />}</Show>
      <Show when={props.actions.editable()}>
        <form class="row evidence-add" onSubmit={(event) => void addLink(event)}>
          <label>
            {te('linkUrl')}
            <input id={inputId()} type="url" inputmode="url" placeholder="https://" value={url()} onInput={(e) => setUrl(e.currentTarget.value)} aria-invalid={linkError() !== null} />
          </label>
          <label>
            {te('linkLabel')}
            <input type="text" value={label()} onInput={(e) => setLabel(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={busy()}>
            {busy() ? te('adding') : te('addLink')}
          </button>
        </form>
        <Show when={linkError()}>{(error) => <Refusal title={te('linkRefused')} error={error()} />}</Show>
        <Show when={props.slot.kind !== 'link'}>
          <div class="evidence-upload">
            <label>
              {te('chooseFile')} <span class="muted">{te('fileHint')}</span>
              <input type="file" accept={ACCEPT} onChange={(e) => void upload(e.currentTarget)} />
            </label>
            <Show when={progress()}>
              {(current) => (
                <div class="upload-progress">
                  <progress max="100" value={Math.round(current().fraction * 100)} aria-label={`${te('uploading')} ${current().name}`} />
                  <span aria-live="polite" data-upload-percent>
                    {Math.round(current().fraction * 100)} %
                  </span>
                </div>
              )}
            </Show>
            <Show when={done()}>
              {(name) => (
                <p class="note ok" role="status">
                  {te('uploaded')}: {name()}
                </p>
              )}
            </Show>
            <Show when={fileError()}>{(failed) => <Refusal title={`${te('fileRefused')} “${failed().name}”`} error={failed().error} />}</Show>
          </div>
        </Show>
      </Show>
    </div>
  );
}
