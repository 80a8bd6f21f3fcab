import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { ReviewPage } from './review-page.tsx';

/** `/review/:campaignId/:unitId`: keyed, so another school is a fresh screen with its own state. */
export default function ReviewScreen() {
  const params = useParams<{ campaignId: string; unitId: string }>();
  return (
    <Show when={`${params.campaignId}|${params.unitId}`} keyed>
      {(_key) => <ReviewPage campaignId={params.campaignId} unitId={params.unitId} />}
    </Show>
  );
}
