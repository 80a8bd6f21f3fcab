import { For, Show, createSignal } from 'solid-js';
import { t } from './phrases.ts';
import { vietnamToday } from './queue.ts';

export interface RecogniseInput {
  decision: { number: string; date: string };
  levels: { groups: Record<string, number>; overall: number };
}

const LEVELS = [1, 2, 3] as const;

/** The decision that recognises the level: number, date, and the levels, prefilled from the reviewer's score. */
export function RecogniseForm(props: { groups: { id: string; level: number }[]; overall: number; busy: boolean; onRecognise: (input: RecogniseInput) => void }) {
  const [number, setNumber] = createSignal('');
  const [date, setDate] = createSignal(vietnamToday(new Date()));
  const [groups, setGroups] = createSignal<Record<string, number>>(Object.fromEntries(props.groups.map((group) => [group.id, group.level])));
  const [overall, setOverall] = createSignal(props.overall);
  const [missing, setMissing] = createSignal(false);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (number().trim() === '') {
      setMissing(true);
      document.getElementById('recognise-number')?.focus();
      return;
    }
    setMissing(false);
    props.onRecognise({ decision: { number: number().trim(), date: date() }, levels: { groups: groups(), overall: overall() } });
  };

  return (
    <form class="card recognise" aria-labelledby="recognise-title" onSubmit={submit} novalidate>
      <h3 id="recognise-title">{t('recogniseTitle')}</h3>
      <div class="row">
        <label for="recognise-number">
          {t('decisionNumber')}
          <input
            id="recognise-number"
            type="text"
            required
            maxLength={100}
            aria-invalid={missing()}
            aria-describedby="recognise-number-problem"
            value={number()}
            onInput={(e) => setNumber(e.currentTarget.value)}
          />
        </label>
        <label for="recognise-date">
          {t('decisionDate')}
          <input id="recognise-date" type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
      </div>
      <p id="recognise-number-problem" class="error" role="alert">
        <Show when={missing()}>{t('decisionNumberRequired')}</Show>
      </p>
      <p class="muted">{t('levelsPrefilled')}</p>
      <div class="row">
        <For each={props.groups}>
          {(group) => (
            <label for={`recognise-level-${group.id}`}>
              {t('recognisedLevelGroup')} {group.id}
              <select id={`recognise-level-${group.id}`} value={String(groups()[group.id] ?? group.level)} onChange={(e) => setGroups({ ...groups(), [group.id]: Number(e.currentTarget.value) })}>
                <For each={LEVELS}>{(level) => <option value={String(level)}>{`${t('level')} ${level}`}</option>}</For>
              </select>
            </label>
          )}
        </For>
        <label for="recognise-level-overall">
          {t('recognisedLevelOverall')}
          <select id="recognise-level-overall" value={String(overall())} onChange={(e) => setOverall(Number(e.currentTarget.value))}>
            <For each={LEVELS}>{(level) => <option value={String(level)}>{`${t('level')} ${level}`}</option>}</For>
          </select>
        </label>
      </div>
      <button type="submit" class="primary" disabled={props.busy}>
        {props.busy ? t('busy') : t('recognise')}
      </button>
    </form>
  );
}
