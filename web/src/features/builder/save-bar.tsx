import { Match, Show, Switch } from 'solid-js';
import { errorText, locale } from '../../i18n/locale.ts';
import type { DraftSession } from './draft-session.ts';
import { t } from './phrases.ts';

/**
 * Saving the draft and where it stands. On a conflict (someone else saved first) the local copy stays
 * on screen: the author overwrites with it, downloads it, or takes the other version instead.
 */
export function SaveBar(props: { session: DraftSession; onDownload: () => void }) {
  const s = props.session;
  return (
    <div class="save-bar stack">
      <div class="row">
        <button type="button" class="primary" disabled={s.state() === 'saving' || (!s.dirty() && s.state() === 'saved')} onClick={() => void s.save()}>
          {t('save')}
        </button>
        <span class={`save-status ${s.state()}`} role="status" aria-live="polite" data-draft-state={s.state()}>
          <Switch>
            <Match when={s.state() === 'saved'}>{t('stateSaved')}</Match>
            <Match when={s.state() === 'dirty'}>{t('stateDirty')}</Match>
            <Match when={s.state() === 'saving'}>{t('stateSaving')}</Match>
            <Match when={s.state() === 'conflict'}>{t('stateConflict')}</Match>
            <Match when={s.state() === 'refused'}>{t('stateRefused')}</Match>
          </Switch>
        </span>
      </div>
      <Show when={s.state() === 'refused' && s.error()}>
        {(error) => (
          <p class="error" role="alert">
            {errorText(error())}
          </p>
        )}
      </Show>
      <Show when={s.leftOver()}>
        {(copy) => (
          <div class="note" role="status" data-left-over>
            <p>
              {t('leftOverExplain')} ({new Date(copy().savedAt).toLocaleString(locale() === 'vi' ? 'vi-VN' : 'en-GB')})
            </p>
            <div class="row">
              <button type="button" onClick={() => s.restore()}>
                {t('restoreCopy')}
              </button>
              <button type="button" onClick={() => s.discard()}>
                {t('discardCopy')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={s.state() === 'conflict'}>
        <div class="note" role="alert" data-conflict>
          <p>{t('conflictExplain')}</p>
          <div class="row">
            <button type="button" onClick={() => void s.save(s.error()?.currentVersion ?? s.summary().version)}>
              {t('overwrite')}
            </button>
            <button type="button" onClick={() => props.onDownload()}>
              {t('downloadMine')}
            </button>
            <button type="button" onClick={() => void s.reload()}>
              {t('takeTheirs')}
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
