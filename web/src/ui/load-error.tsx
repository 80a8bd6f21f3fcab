import { ApiError } from '../api/errors.ts';
import { errorText } from '../i18n/locale.ts';

/** A failed load: the API's message when it gave one. */
export function LoadError(props: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {props.error instanceof ApiError ? errorText(props.error) : String(props.error)}
    </p>
  );
}
