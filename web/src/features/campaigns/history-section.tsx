import { For, Show, createEffect, createSignal, on } from 'solid-js';
import { tr } from '../../i18n/locale.ts';
import type { CampaignsApi } from './api.ts';
import { stepName } from './campaign-form.ts';
import { ErrorNote } from './error-note.tsx';
import { HistoryChanges } from './history-changes.tsx';
import { type HistoryEntry, historyEntry, vietnamTime } from './history.ts';
import { fill, t } from './phrases.ts';

const PAGE = 20;

function actionText(entry: HistoryEntry): string {
  if (entry.kind === 'opened' && entry.enrolled !== null) return fill(t('history.openedCount'), { n: entry.enrolled });
  return entry.kind === 'other' ? entry.action : t(`history.${entry.kind}`);
}

/**
 * The campaign's history for those who manage it: who changed what and when (Vietnam time), a moved
 * deadline as before → after, an extension with its unit and reason; newest first, a page at a time.
 * `revision` changes whenever the page changed the campaign, so the list reloads from its first page.
 */
export function HistorySection(props: {
  api: CampaignsApi;
  campaignId: string;
  revision: number;
  /** A unit's name from the progress already on the page, or null. */
  unitName: (unitId: string) => string | null;
}) {
  const [entries, setEntries] = createSignal<HistoryEntry[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);
  let request = 0;

  const load = async (from: string | null) => {
    const mine = ++request;
    setLoading(true);
    setFailure(null);
    try {
      const page = await props.api.history(props.campaignId, from, PAGE);
      // A reload started since (the campaign changed again) wins over this answer.
      if (mine !== request) return;
      const items = page.items.map(historyEntry);
      setEntries(from === null ? items : [...entries(), ...items]);
      setCursor(page.nextCursor);
    } catch (error) {
      if (mine === request) setFailure(error);
    } finally {
      if (mine === request) setLoading(false);
    }
  };

  createEffect(on([() => props.campaignId, () => props.revision], () => void load(null)));

  const who = (entry: HistoryEntry): string => {
    if (entry.accountId === null) return t('historySystem');
    return entry.authorName ?? fill(t('historyAccount'), { id: entry.accountId });
  };

  return (
    <section class="card campaign-history" aria-labelledby="history-title">
      <h2 id="history-title">{t('history')}</h2>
      <p class="help">{t('historyIntro')}</p>
      <Show when={failure()}>{(error) => <ErrorNote error={error()} />}</Show>
      <ol class="plain history-list" data-history-list>
        <For each={entries()}>
          {(entry) => (
            <li class="history-entry" data-history={entry.kind}>
              <p class="history-head">
                <time dateTime={entry.at}>{vietnamTime(entry.at)}</time> · <strong>{who(entry)}</strong> · {actionText(entry)}
              </p>
              <Show when={entry.extension}>
                {(extension) => (
                  <ul class="history-changes">
                    <li data-change="extension">
                      <span class="history-field">
                        {fill(t('historyExtension'), { step: tr(stepName(extension().step)), unit: props.unitName(extension().unitId) ?? extension().unitId })}:
                      </span>{' '}
                      <Show when={extension().before} fallback={<span class="history-after">{extension().after ?? t('none')}</span>}>
                        {(before) => (
                          <>
                            <span class="history-before">{before()}</span> → <span class="history-after">{extension().after ?? t('none')}</span>
                          </>
                        )}
                      </Show>
                    </li>
                    <Show when={extension().reason}>{(reason) => <li data-change="reason">{fill(t('reasonOf'), { reason: reason() })}</li>}</Show>
                  </ul>
                )}
              </Show>
              <HistoryChanges changes={entry.changes} />
            </li>
          )}
        </For>
      </ol>
      <p role="status" class="help">
        {loading() ? '…' : entries().length === 0 && failure() === null ? t('historyEmpty') : fill(t('historyShown'), { n: entries().length })}
      </p>
      <Show when={cursor() !== null}>
        <button type="button" disabled={loading()} onClick={() => void load(cursor())}>
          {t('historyMore')}
        </button>
      </Show>
    </section>
  );
}
