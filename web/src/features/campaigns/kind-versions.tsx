import { UNIT_KINDS, UNIT_KIND_LABELS } from '@chiso/criteria';
import { For, Show } from 'solid-js';
import { type Texts, tr } from '../../i18n/locale.ts';
import type { PublishedVersion } from './api.ts';
import { versionRef } from './campaign-form.ts';
import { FieldProblem, fieldId, problemId } from './field-problem.tsx';
import { t } from './phrases.ts';

const OFFICE_KINDS: readonly string[] = ['district-office', 'provincial-department'];

/** The kinds of school a campaign assesses (offices review; they are not assessed here). */
export const SCHOOL_KINDS: string[] = UNIT_KINDS.filter((kind) => !OFFICE_KINDS.includes(kind));

export const kindLabel = (kind: string): string => {
  const label = (UNIT_KIND_LABELS as Record<string, { vi: string; en?: string } | undefined>)[kind];
  return label === undefined ? kind : tr(label);
};

/** For each kind of school, the published versions that apply to it: one select per kind, "not taking part" first. */
export function KindVersions(props: {
  optionsByKind: ReadonlyMap<string, PublishedVersion[]>;
  value: Record<string, string>;
  onChange: (kind: string, ref: string) => void;
  problems: ReadonlyMap<string, Texts>;
}) {
  return (
    <fieldset class="card" aria-describedby={`kinds-help${props.problems.has('kinds') ? ` ${problemId('kinds')}` : ''}`}>
      <legend>
        <h2 id={fieldId('kinds')} tabIndex={-1}>{t('kindsLegend')}</h2>
      </legend>
      <p class="help" id="kinds-help">
        {t('kindsHelp')}
      </p>
      <FieldProblem key="kinds" problem={props.problems.get('kinds')} />
      <div class="kind-grid">
        <For each={SCHOOL_KINDS}>
          {(kind) => {
            const key = `kind.${kind}`;
            const options = () => props.optionsByKind.get(kind) ?? [];
            return (
              <div class="field">
                <label for={fieldId(key)}>{kindLabel(kind)}</label>
                <select
                  id={fieldId(key)}
                  value={props.value[kind] ?? ''}
                  disabled={options().length === 0}
                  aria-invalid={props.problems.has(key) ? 'true' : undefined}
                  aria-describedby={props.problems.has(key) ? problemId(key) : options().length === 0 ? `${fieldId(key)}-none` : undefined}
                  onChange={(e) => props.onChange(kind, e.currentTarget.value)}
                >
                  <option value="">{t('notTakingPart')}</option>
                  <For each={options()}>
                    {(version) => (
                      <option value={versionRef(version)}>
                        {version.label} ({versionRef(version)})
                      </option>
                    )}
                  </For>
                </select>
                <Show when={options().length === 0}>
                  <span class="help" id={`${fieldId(key)}-none`}>
                    {t('noVersionForKind')}
                  </span>
                </Show>
                <FieldProblem key={key} problem={props.problems.get(key)} />
              </div>
            );
          }}
        </For>
      </div>
    </fieldset>
  );
}
