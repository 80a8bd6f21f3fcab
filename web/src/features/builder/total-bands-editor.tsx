import { type Band, type Definition, TOTAL_LEVEL } from '@chiso/criteria';
import { Show } from 'solid-js';
import { formatNumber } from '../../i18n/locale.ts';
import { startTotalBands, totalMax } from './band-ops.ts';
import { BandsEditor } from './bands-editor.tsx';
import { Checkbox } from './inputs.tsx';
import { domId } from './paths.ts';
import { t } from './phrases.ts';

/**
 * The bands over the total of all groups (`overall.totalBands`), which some sets level instead of the
 * lowest group: optional, so a checkbox turns them on (starting from even bands) or off. The overall
 * rule reads their result as `totalLevel`; the core's lint says when one is used without the other.
 */
export function TotalBandsEditor(props: { definition: Definition; onChange: (next: Definition) => void }) {
  const bands = () => props.definition.overall.totalBands;
  const setBands = (next: Band[] | undefined) => {
    const overall = { ...props.definition.overall };
    if (next === undefined) delete overall.totalBands;
    else overall.totalBands = next;
    props.onChange({ ...props.definition, overall });
  };
  // Whether the overall rule already reads the total's level (anywhere in it).
  const ruleUsesTotal = () => JSON.stringify(props.definition.overall.rule ?? null).includes('"totalLevel"');
  const useTotalLevel = () => props.onChange({ ...props.definition, overall: { ...props.definition.overall, rule: TOTAL_LEVEL } });
  return (
    <div class="total-bands stack" data-total-bands>
      <Checkbox id={domId(['overall', 'totalBands', 'on'])} label={t('totalBandsOn')} checked={bands() !== undefined} onChange={(on) => setBands(on ? startTotalBands(props.definition) : undefined)} />
      <Show when={bands()}>
        {(current) => (
          <>
            <p class="muted">
              {t('totalBandsHelp')} {formatNumber(totalMax(props.definition))}.
            </p>
            <BandsEditor path={['overall', 'totalBands']} label={t('totalBands')} bands={current()} onChange={setBands} />
            <Show when={!ruleUsesTotal()}>
              <p class="note">
                {t('totalBandsUnused')}{' '}
                <button type="button" onClick={useTotalLevel} data-use-total-level>
                  {t('useTotalLevel')}
                </button>
              </p>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
