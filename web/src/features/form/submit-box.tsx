import { For, Show, createSignal } from 'solid-js';
import { ApiError, asApiError } from '../../api/errors.ts';
import type { SubmissionView } from '../../api/types.ts';
import { errorText, t } from '../../i18n/locale.ts';
import { focusTargetId, targetOfDetail } from './targets.ts';

/** The head's Submit button; when the API refuses, what is missing, each item linked to its place on the form. */
export function SubmitBox(props: { submit: () => Promise<SubmissionView>; onSubmitted: (view: SubmissionView) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<ApiError | null>(null);

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      props.onSubmitted(await props.submit());
    } catch (caught) {
      setRefusal(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const focus = (event: MouseEvent, id: string) => {
    const element = document.getElementById(id);
    if (element === null) return;
    event.preventDefault();
    element.scrollIntoView({ block: 'center' });
    element.focus();
  };

  return (
    <section class="card submit-box" aria-labelledby="submit-title">
      <h2 id="submit-title">{t('submit')}</h2>
      <button type="button" class="primary" disabled={busy()} onClick={() => void submit()}>
        {busy() ? t('submitting') : t('submit')}
      </button>
      <Show when={refusal()}>
        {(error) => (
          <div role="alert" class="refusal">
            <p class="error">{errorText(error())}</p>
            <Show when={error().details.length > 0}>
              <h3>{t('whatIsMissing')}</h3>
              <ul>
                <For each={error().details}>
                  {(detail) => {
                    const target = targetOfDetail(detail.path);
                    const text = errorText({ messageVi: detail.message, messageEn: detail.messageEn });
                    return (
                      <li>
                        <Show when={target} fallback={text}>
                          {(found) => (
                            <a href={`#${focusTargetId(found())}`} onClick={(event) => focus(event, focusTargetId(found()))}>
                              {text}
                            </a>
                          )}
                        </Show>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
