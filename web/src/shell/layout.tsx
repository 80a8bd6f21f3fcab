import { A, Navigate, type RouteSectionProps, useNavigate } from '@solidjs/router';
import { For, Match, Show, Switch, createSignal, onMount } from 'solid-js';
import { SignInPage } from '../features/sign-in/sign-in-page.tsx';
import type { SessionState } from '../features/sign-in/session.ts';
import { UnitPicker } from '../features/sign-in/unit-picker.tsx';
import { type Locale, locale, setLocale, t, tr } from '../i18n/locale.ts';
import { homeFor, navFor } from './nav.ts';
import { SessionProvider } from './session-context.ts';

/**
 * The frame of every screen: the top bar (who acts for which unit, language, sign-out), the areas the
 * role may use, and the gate in front of them — sign-in first, then the unit to act for.
 */
export function Layout(props: RouteSectionProps & { session: SessionState }) {
  const session = props.session;
  const navigate = useNavigate();
  const [resuming, setResuming] = createSignal(true);
  onMount(() => void session.resume().finally(() => setResuming(false)));

  const signOut = () => {
    session.signOut();
    navigate('/', { replace: true });
  };
  const changeUnit = () => {
    session.actFor(null);
    navigate('/', { replace: true });
  };

  return (
    <SessionProvider value={session}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <span class="brand">{t('appName')}</span>
        <Show when={session.grant()}>
          {(grant) => (
            <nav aria-label={t('mainNav')}>
              <ul class="plain row">
                <For each={navFor(grant().role)}>
                  {(entry) => (
                    <li>
                      <A href={entry.path} activeClass="active">
                        {tr(entry.label)}
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
          )}
        </Show>
        <Show when={session.me()}>
          {(me) => (
            <span class="who">
              {me().account.name}
              <Show when={session.grant()}>{(grant) => <> · {t('actFor')}: {grant().unit.name} ({tr(grant().roleLabel)})</>}</Show>
            </span>
          )}
        </Show>
        <label class="inline">
          {t('language')}{' '}
          <select value={locale()} onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : ('vi' satisfies Locale))}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <Show when={session.me() && (session.me()?.grants.length ?? 0) > 1 && session.grant()}>
          <button type="button" onClick={changeUnit}>
            {t('changeUnit')}
          </button>
        </Show>
        <Show when={session.me()}>
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        </Show>
      </header>
      <div id="main" tabIndex={-1}>
        <Switch>
          <Match when={resuming()}>
            <main>
              <p aria-busy="true">{t('loading')}</p>
            </main>
          </Match>
          <Match when={!session.me()}>
            <SignInPage session={session} />
          </Match>
          <Match when={!session.grant()}>
            <UnitPicker session={session} />
          </Match>
          <Match when={session.grant()}>{props.children}</Match>
        </Switch>
      </div>
    </SessionProvider>
  );
}

/** `/`: the role's home area. */
export function Home(props: { session: SessionState }) {
  return <Show when={props.session.grant()}>{(grant) => <Navigate href={homeFor(grant().role)} />}</Show>;
}

/** For a role with no screen yet, and for addresses that lead nowhere. */
export function NothingHere() {
  return (
    <main>
      <p class="note">{t('notSchool')}</p>
      <A href="/">{t('back')}</A>
    </main>
  );
}
