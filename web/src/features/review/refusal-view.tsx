import { For, Show } from 'solid-js';
import { ApiError } from '../../api/errors.ts';
import { locale } from '../../i18n/locale.ts';
import { t } from './phrases.ts';
import { readRefusal } from './refusal.ts';

/** A refused step in the screen's language: the API's message, each field it names, and on a 409 what is allowed now. */
export function RefusalView(props: { error: ApiError }) {
  const refusal = () => readRefusal(props.error, locale());
  return (
    <div class="refusal" role="alert" data-refusal={props.error.code}>
      <p class="error">{refusal().message}</p>
      <Show when={refusal().fields.length > 0}>
        <ul>
          <For each={refusal().fields}>
            {(item) => (
              <li>
                <Show when={item.field}>
                  {(field) => (
                    <strong>
                      {t(field().phrase)}
                      {field().id ? ` ${field().id}` : ''}:{' '}
                    </strong>
                  )}
                </Show>
                {item.text}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={refusal().allowed.length > 0}>
        <p data-allowed-now>
          {t('allowedNow')}: {refusal().allowed.map((action) => t(`action.${action}` as Parameters<typeof t>[0])).join(', ')}
        </p>
      </Show>
      <Show when={refusal().stale}>
        <p>{t('staleHelp')}</p>
      </Show>
    </div>
  );
}
