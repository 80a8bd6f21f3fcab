import { Match, Show, Switch, createSignal, onCleanup, onMount } from 'solid-js';
import { CampaignList } from './features/form/campaign-list.tsx';
import { FormPage } from './features/form/form-page.tsx';
import { SignInPage } from './features/sign-in/sign-in-page.tsx';
import { createSession } from './features/sign-in/session.ts';
import { UnitPicker } from './features/sign-in/unit-picker.tsx';
import { type Locale, locale, setLocale, t, tr } from './i18n/locale.ts';

const SCHOOL_ROLES = new Set(['school-editor', 'school-head']);

function campaignInAddress(): string | null {
  const match = /^\/campaigns\/([^/]+)\/?$/.exec(location.pathname);
  try {
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/** The app shell: sign-in, the unit acted for, and the school's screens. */
export function App() {
  const session = createSession();
  const [resuming, setResuming] = createSignal(true);
  // The open campaign lives in the address (/campaigns/<id>), so a reload or a shared link reopens it.
  const [campaignId, setCampaignSignal] = createSignal<string | null>(campaignInAddress());
  const setCampaignId = (id: string | null) => {
    setCampaignSignal(id);
    const path = id === null ? '/' : `/campaigns/${encodeURIComponent(id)}`;
    if (location.pathname !== path) history.pushState(null, '', path);
  };
  const followAddress = () => setCampaignSignal(campaignInAddress());
  window.addEventListener('popstate', followAddress);
  onCleanup(() => window.removeEventListener('popstate', followAddress));
  onMount(() => void session.resume().finally(() => setResuming(false)));

  const signOut = () => {
    setCampaignId(null);
    session.signOut();
  };

  return (
    <>
      <header class="topbar">
        <span class="brand">{t('appName')}</span>
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
          <button type="button" onClick={() => { setCampaignId(null); session.actFor(null); }}>
            {t('changeUnit')}
          </button>
        </Show>
        <Show when={session.me()}>
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        </Show>
      </header>
      <Switch>
        <Match when={resuming()}>
          <p aria-busy="true">{t('loading')}</p>
        </Match>
        <Match when={!session.me()}>
          <SignInPage session={session} />
        </Match>
        <Match when={!session.grant()}>
          <UnitPicker session={session} />
        </Match>
        <Match when={session.grant()}>
          {(grant) => (
            <Show when={SCHOOL_ROLES.has(grant().role)} fallback={<main><p class="note">{t('notSchool')}</p></main>}>
              <Show when={campaignId()} fallback={<CampaignList api={session.api} onOpen={setCampaignId} />} keyed>
                {(id) => <FormPage api={session.api} campaignId={id} unitId={grant().unitId} canSubmit={grant().role === 'school-head'} onBack={() => setCampaignId(null)} />}
              </Show>
            </Show>
          )}
        </Match>
      </Switch>
    </>
  );
}
