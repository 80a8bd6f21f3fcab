import { type Definition, type DiffEntry, type PropertyChange, describeChange, diffDefinitions } from '@chiso/criteria';
import { For, Show, createMemo } from 'solid-js';
import { locale, tr } from '../../i18n/locale.ts';
import { t } from './phrases.ts';
import { type RuleShape, describeShape, recognise } from './rule-shapes.ts';

interface Section {
  key: string;
  title: string;
  entries: DiffEntry[];
}

// Every copy differs from its source in these; listing them would only hide the real changes.
const INHERENT = new Set(['status', 'derivedFrom']);

const asRule = (value: unknown) => recognise(value as Parameters<typeof recognise>[0]);

// Rules whose changes read better as shapes than as JSON, by property.
const SHAPED_RULES = new Set(['cap']);

/** A cap rule of a known shape on both sides, as people read it; anything else as the core describes it. */
function changeText(change: PropertyChange, lang: 'vi' | 'en'): string {
  const [before, after]: (RuleShape | undefined)[] = [asRule(change.before), asRule(change.after)];
  if (SHAPED_RULES.has(change.property) && before && after) return `${t('capRuleWord')} — ${t('before')}: ${describeShape(before, lang)} | ${t('now')}: ${describeShape(after, lang)}`;
  return describeChange(change, lang, true);
}

const CHANGE_CLASS = { added: 'ok', removed: 'warn', changed: '' } as const;

/** The criterion an entry belongs to, by its path: in the newer version, or the older one for a removal. */
function criterionOf(entry: DiffEntry, before: Definition, after: Definition): { key: string; title: string } {
  const [root, g, list, c] = entry.path;
  if (root === 'groups' && typeof g === 'number' && list === 'criteria' && typeof c === 'number') {
    const criterion = (entry.change === 'removed' ? before : after).groups[g]?.criteria[c];
    if (criterion) return { key: `c:${criterion.id}`, title: `${t('criterion')} ${criterion.id}. ${tr(criterion.title)}` };
  }
  if (root === 'groups' && typeof g === 'number') {
    const group = (entry.change === 'removed' ? before : after).groups[g];
    if (group) return { key: `g:${group.id}`, title: `${t('group')} ${group.id}. ${tr(group.title)}` };
  }
  return { key: 'set', title: t('setInfo') };
}

/** What changed from the version the draft came from, per criterion: added, removed, changed and how. */
export function DiffView(props: { before: Definition; after: Definition; beforeName: string }) {
  const sections = createMemo((): Section[] => {
    const diff = diffDefinitions(props.before, props.after);
    const found = new Map<string, Section>();
    for (const entryFound of diff.entries) {
      const entry = entryFound.item === 'set' ? { ...entryFound, changes: entryFound.changes.filter((change) => !INHERENT.has(change.property)) } : entryFound;
      if (entry.change === 'changed' && entry.changes.length === 0) continue;
      const { key, title } = criterionOf(entry, props.before, props.after);
      const section = found.get(key) ?? { key, title, entries: [] };
      section.entries.push(entry);
      found.set(key, section);
    }
    return [...found.values()];
  });
  const lang = () => locale();
  return (
    <section class="diff stack" aria-labelledby="b-diff-heading" data-diff>
      <h2 id="b-diff-heading">
        {t('diffTitle')} {props.beforeName}
      </h2>
      <Show when={sections().length > 0} fallback={<p class="note">{t('noChanges')}</p>}>
        <For each={sections()}>
          {(section) => (
            <section class="card" data-diff-section={section.key}>
              <h3>{section.title}</h3>
              <ul class="plain stack">
                <For each={section.entries}>
                  {(entry) => (
                    <li data-diff-entry={`${entry.item}:${entry.id}`}>
                      <span class={`badge ${CHANGE_CLASS[entry.change]}`}>{t(`change.${entry.change}`)}</span> {entry.item === 'set' ? t('setInfo') : entry.summary[lang()]}
                      <Show when={entry.change === 'changed' && entry.changes.length > 0}>
                        <ul>
                          <For each={entry.changes}>{(change) => <li>{changeText(change, lang())}</li>}</For>
                        </ul>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </section>
  );
}
