import type { Definition } from '@chiso/criteria';
import { For, Show, createResource } from 'solid-js';
import type { ApiClient } from '../../api/client.ts';
import { tr } from '../../i18n/locale.ts';
import { tf } from './phrases.ts';
import { elementId } from './targets.ts';

/** What the school reads of the external review: the last return's comment and the comments per criterion. */
interface ReviewNotes {
  review: { comments: Record<string, string>; lastReturn: { at: string; comment: string } | null };
}

function criterionTitle(definition: Definition, criterionId: string): string {
  for (const group of definition.groups) {
    const found = group.criteria.find((criterion) => criterion.id === criterionId);
    if (found) return `${found.id}. ${tr(found.title)}`;
  }
  return criterionId;
}

const dateFormat = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });

/**
 * Shown on a returned submission: why the reviewer sent it back and what they said per criterion, each
 * linked to the criterion, so the school knows what to fix without leaving the form.
 */
export function ReturnNote(props: { api: ApiClient; campaignId: string; unitId: string; definition: Definition }) {
  const path = `/campaigns/${encodeURIComponent(props.campaignId)}/submissions/${encodeURIComponent(props.unitId)}/review`;
  // A school that may not read the review (or one never returned) simply sees no note.
  const [notes] = createResource(() => props.api.request<ReviewNotes>('GET', path).catch(() => null));
  const focus = (criterionId: string) => document.getElementById(elementId({ kind: 'evidence', id: criterionId }))?.focus();
  return (
    <Show when={notes()?.review.lastReturn}>
      {(lastReturn) => (
        <section class="note return-note" aria-labelledby="return-note-title" data-return-note>
          <h2 id="return-note-title">{tf('returnedTitle')}</h2>
          <p class="muted">{dateFormat.format(new Date(lastReturn().at))}</p>
          <blockquote data-return-comment>{lastReturn().comment}</blockquote>
          <Show when={Object.keys(notes()?.review.comments ?? {}).length > 0}>
            <h3>{tf('reviewerComments')}</h3>
            <ul>
              <For each={Object.entries(notes()?.review.comments ?? {})}>
                {([criterionId, comment]) => (
                  <li>
                    <button type="button" class="link" onClick={() => focus(criterionId)}>
                      {criterionTitle(props.definition, criterionId)}
                    </button>
                    : {comment}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}
