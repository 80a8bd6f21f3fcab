import { Show, createSignal } from 'solid-js';
import { ApiError } from '../../api/errors.ts';
import { errorText } from '../../i18n/locale.ts';
import type { BuilderApi, VersionSummary } from './api.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { t } from './phrases.ts';

function messageOf(caught: unknown): string {
  if (!(caught instanceof ApiError)) return String(caught);
  const details = caught.details.map((detail) => `${detail.path}: ${errorText({ messageVi: detail.message, messageEn: detail.messageEn })}`);
  return [errorText(caught), ...details].join(' — ');
}

/** Publishing a draft (refused while it has errors; saved first) and retiring a published version, each confirmed. */
export function PublishBar(props: {
  api: BuilderApi;
  summary: VersionSummary;
  errors: number;
  /** Saves unsaved edits first; false when that failed. */
  beforePublish: () => Promise<boolean>;
  onChanged: (next: VersionSummary) => void;
  /** The problems a refusal names (e.g. a version label already used), to list with links. */
  onRefused?: (error: ApiError) => void;
}) {
  const [asking, setAsking] = createSignal<'publish' | 'retire' | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const name = () => `${props.summary.setKey} · ${props.summary.label} (${t('versionNumber')} ${props.summary.number})`;
  const run = async (action: 'publish' | 'retire') => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'publish' && !(await props.beforePublish())) {
        setError(t('saveFirstFailed'));
        return;
      }
      const next = action === 'publish' ? await props.api.publish(props.summary.setKey, props.summary.number, props.summary.version) : await props.api.retire(props.summary.setKey, props.summary.number, props.summary.version);
      setAsking(null);
      props.onChanged(next);
    } catch (caught) {
      setError(messageOf(caught));
      if (caught instanceof ApiError && caught.details.length > 0) props.onRefused?.(caught);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setAsking(null);
    setError(null);
  };
  return (
    <div class="publish-bar row">
      <Show when={props.summary.status === 'draft'}>
        <button type="button" class="primary" disabled={props.errors > 0} aria-describedby="b-publish-why" onClick={() => setAsking('publish')}>
          {t('publish')}
        </button>
        <span id="b-publish-why" class="muted">
          {props.errors > 0 ? t('publishBlocked') : ''}
        </span>
      </Show>
      <Show when={props.summary.status === 'published'}>
        <button type="button" onClick={() => setAsking('retire')}>
          {t('retire')}
        </button>
      </Show>
      <ConfirmDialog id="b-confirm-publish" open={asking() === 'publish'} title={t('publishTitle')} confirmLabel={t('publishConfirm')} busy={busy()} error={error()} onConfirm={() => void run('publish')} onCancel={close}>
        <p>
          {t('publishQuestion')} <strong>{name()}</strong>?
        </p>
        <p class="muted">{t('publishExplain')}</p>
      </ConfirmDialog>
      <ConfirmDialog id="b-confirm-retire" open={asking() === 'retire'} title={t('retireTitle')} confirmLabel={t('retireConfirm')} busy={busy()} error={error()} onConfirm={() => void run('retire')} onCancel={close}>
        <p>
          {t('retireQuestion')} <strong>{name()}</strong>?
        </p>
        <p class="muted">{t('retireExplain')}</p>
      </ConfirmDialog>
    </div>
  );
}
