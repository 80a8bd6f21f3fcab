import { For } from 'solid-js';
import { t, tr } from '../../i18n/locale.ts';
import type { SessionState } from './session.ts';

/** For an account with several grants: which unit to act for. */
export function UnitPicker(props: { session: SessionState }) {
  return (
    <main class="narrow">
      <h1>{t('chooseUnit')}</h1>
      <ul class="stack plain">
        <For each={props.session.me()?.grants ?? []}>
          {(grant) => (
            <li>
              <button type="button" class="choice" onClick={() => props.session.actFor(grant.unitId)}>
                <strong>{grant.unit.name}</strong>
                <span>{tr(grant.roleLabel)}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </main>
  );
}
