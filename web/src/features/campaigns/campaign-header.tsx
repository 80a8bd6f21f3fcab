import { A } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import { DEADLINE_STEPS, type Campaign, type CampaignsApi } from './api.ts';
import { ConfirmBox } from './confirm-box.tsx';
import { ErrorNote } from './error-note.tsx';
import { kindLabel } from './kind-versions.tsx';
import { fill, t } from './phrases.ts';

/**
 * A campaign's plan (versions per kind, deadlines, who recognises) and, for those who manage it, the
 * step it may take next: open a draft (which creates every school's submission), close an open one.
 */
export function CampaignHeader(props: {
  campaign: Campaign;
  manages: boolean;
  schools: number | null;
  api: CampaignsApi;
  onChanged: (campaign: Campaign, message: string) => void;
}) {
  const [asking, setAsking] = createSignal<'open' | 'close' | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<unknown>(null);

  const act = async (action: 'open' | 'close') => {
    setBusy(true);
    setFailure(null);
    try {
      if (action === 'open') {
        const { campaign, enrolled } = await props.api.open(props.campaign.id, props.campaign.version);
        props.onChanged(campaign, fill(t('opened'), { n: enrolled }));
      } else props.onChanged(await props.api.close(props.campaign.id, props.campaign.version), t('closed'));
      setAsking(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('schoolYear')}</dt>
          <dd>{props.campaign.schoolYear}</dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span class={`badge campaign-${props.campaign.status}`} data-campaign-status={props.campaign.status}>
              {t(`campaign.${props.campaign.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('recognitionRule')}</dt>
          <dd>{t(`rule.${props.campaign.recognition.rule}`)}</dd>
        </div>
      </dl>
      <h3>{t('versions')}</h3>
      <ul>
        <For each={props.campaign.criteria}>
          {(entry) => (
            <li>
              <strong>
                {entry.label} ({entry.setKey}@{entry.number})
              </strong>
              : {entry.kinds.map(kindLabel).join(', ')}
            </li>
          )}
        </For>
      </ul>
      <h3>{t('deadlinesLegend')}</h3>
      <ol class="deadline-summary">
        <For each={DEADLINE_STEPS}>
          {(step) => (
            <li>
              {t(`step.${step}`)}: <time dateTime={props.campaign.deadlines[step]}>{props.campaign.deadlines[step]}</time>
            </li>
          )}
        </For>
      </ol>
      <Show when={props.manages}>
        <Show when={failure()}>{(error) => <ErrorNote error={error()} />}</Show>
        <Show when={asking() === null}>
          <div class="row">
            <Show when={props.campaign.status === 'draft'}>
              <A class="button" href={`/manage/campaigns/${encodeURIComponent(props.campaign.id)}/edit`}>
                {t('edit')}
              </A>
              <button type="button" class="primary" onClick={() => setAsking('open')}>
                {t('open')}
              </button>
            </Show>
            <Show when={props.campaign.status === 'open'}>
              <A class="button" href={`/manage/campaigns/${encodeURIComponent(props.campaign.id)}/edit`}>
                {t('moveDeadlines')}
              </A>
              <button type="button" onClick={() => setAsking('close')}>
                {t('close')}
              </button>
            </Show>
          </div>
        </Show>
        <Show when={asking() === 'open'}>
          <ConfirmBox
            id="confirm-open"
            text={fill(t('openConfirm'), { n: props.schools ?? '…' })}
            confirm={t('confirmOpen')}
            busy={busy()}
            onConfirm={() => void act('open')}
            onCancel={() => setAsking(null)}
          />
        </Show>
        <Show when={asking() === 'close'}>
          <ConfirmBox id="confirm-close" text={t('closeConfirm')} confirm={t('confirmClose')} busy={busy()} onConfirm={() => void act('close')} onCancel={() => setAsking(null)} />
        </Show>
      </Show>
    </section>
  );
}
