import { Show } from 'solid-js';
import { ApiError } from '../../api/errors.ts';
import { errorText } from '../../i18n/locale.ts';
import { t } from './phrases.ts';

/** A refusal or failure as an alert in the user's language, with each named field's own message. */
export function ErrorNote(props: { error: unknown }) {
  const apiError = () => (props.error instanceof ApiError ? props.error : null);
  return (
    <div class="error" role="alert">
      <Show when={apiError()} fallback={<p>{t('loadFailed')}</p>}>
        {(error) => (
          <>
            <p>{errorText(error())}</p>
            <Show when={error().details.length > 0}>
              <ul>
                {error().details.map((detail) => (
                  <li>{errorText({ messageVi: detail.message, messageEn: detail.messageEn })}</li>
                ))}
              </ul>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
