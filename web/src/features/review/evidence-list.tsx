import type { Criterion } from '@chiso/criteria';
import { For, Show, createSignal } from 'solid-js';
import { ApiError } from '../../api/errors.ts';
import { errorText, tr } from '../../i18n/locale.ts';
import type { EvidenceItem, EvidenceMap } from './api.ts';
import { t } from './phrases.ts';

/** A file opens through a short-lived download address the API signs on request. */
function FileLink(props: { item: Extract<EvidenceItem, { kind: 'file' }>; url: () => Promise<string> }) {
  const [failure, setFailure] = createSignal<string | null>(null);
  const download = async () => {
    setFailure(null);
    try {
      const link = document.createElement('a');
      link.href = await props.url();
      link.download = props.item.name;
      link.rel = 'noopener';
      link.click();
    } catch (caught) {
      setFailure(caught instanceof ApiError ? errorText(caught) : String(caught));
    }
  };
  return (
    <>
      <button type="button" class="link" onClick={() => void download()}>
        {t('download')}: {props.item.name}
      </button>
      <Show when={failure()}>{(text) => <span class="error" role="alert"> {text()}</span>}</Show>
    </>
  );
}

/** The evidence the school attached to a criterion, slot by slot: links open in a new tab, files download. */
export function EvidenceList(props: { criterion: Criterion; evidence: EvidenceMap; fileUrl: (evidenceId: string) => Promise<string> }) {
  const items = (slotId: string) => props.evidence[props.criterion.id]?.[slotId] ?? [];
  return (
    <Show when={props.criterion.evidence.length > 0}>
      <div class="evidence">
        <h4>{t('evidence')}</h4>
        <ul class="plain stack">
          <For each={props.criterion.evidence}>
            {(slot) => (
              <li data-slot={slot.id}>
                <span class="muted">{tr(slot.label)}: </span>
                <Show when={items(slot.id).length > 0} fallback={<span class="muted">{t('noEvidence')}</span>}>
                  <ul class="evidence-items">
                    <For each={items(slot.id)}>
                      {(item) => (
                        <li>
                          {item.kind === 'link' ? (
                            <a href={item.url} target="_blank" rel="noopener noreferrer">
                              {item.label || item.url}
                            </a>
                          ) : (
                            <FileLink item={item} url={() => props.fileUrl(item.id)} />
                          )}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
