import { Show, createSignal } from 'solid-js';
import { ApiError, asApiError } from '../../api/errors.ts';
import { errorText, t } from '../../i18n/locale.ts';
import type { SessionState } from './session.ts';

/** Province, login and password; the API's own message when it refuses. */
export function SignInPage(props: { session: SessionState }) {
  const [tenant, setTenant] = createSignal('demo');
  const [login, setLogin] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ApiError | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.session.signIn(tenant().trim(), login().trim(), password());
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="narrow">
      <h1>{t('signInTitle')}</h1>
      <form class="card stack" onSubmit={submit} aria-describedby="sign-in-error">
        <label for="tenant">{t('province')}</label>
        <input id="tenant" name="tenant" autocomplete="organization" required value={tenant()} onInput={(e) => setTenant(e.currentTarget.value)} />
        <label for="login">{t('login')}</label>
        <input id="login" name="login" autocomplete="username" required value={login()} onInput={(e) => setLogin(e.currentTarget.value)} />
        <label for="password">{t('password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
        <div id="sign-in-error" role="alert">
          <Show when={error()}>{(shown) => <p class="error">{errorText(shown())}</p>}</Show>
        </div>
        <button type="submit" class="primary" disabled={busy()}>
          {busy() ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
