import type { Band, Path } from '@chiso/criteria';
import { Index } from 'solid-js';
import { nextBand, withBound } from './band-ops.ts';
import { Checkbox, ItemControls, NumberInput } from './inputs.tsx';
import { appendItem, moveItem, removeItem, replaceItem } from './ops.ts';
import { domId } from './paths.ts';
import { t } from './phrases.ts';

/**
 * Level bands over points, as the papers write them ("dưới 10", "từ 10 đến 20", "trên 20"): each band a
 * level, an optional lower and upper bound, and whether each bound is included.
 */
export function BandsEditor(props: { path: Path; label: string; bands: readonly Band[]; onChange: (next: Band[]) => void }) {
  const id = (index: number) => domId([...props.path, index]);
  const set = (index: number, band: Band) => props.onChange(replaceItem(props.bands, index, band));
  return (
    <fieldset class="bands" id={domId(props.path)} tabindex="-1">
      <legend>{props.label}</legend>
      <ol class="plain stack">
        <Index each={props.bands}>
          {(band, index) => (
            <li class="row band-row" id={id(index)} tabindex="-1">
              <NumberInput id={`${id(index)}-level`} label={`${t('level')} (${t('band')} ${index + 1})`} value={band().level} onChange={(level) => set(index, { ...band(), level: level ?? 1 })} />
              <NumberInput id={`${id(index)}-min`} label={`${t('from')} (${t('band')} ${index + 1})`} value={band().min} onChange={(min) => set(index, withBound(band(), 'min', min))} />
              <Checkbox id={`${id(index)}-minInclusive`} label={t('included')} checked={band().minInclusive} onChange={(minInclusive) => set(index, { ...band(), minInclusive })} />
              <NumberInput id={`${id(index)}-max`} label={`${t('to')} (${t('band')} ${index + 1})`} value={band().max} onChange={(max) => set(index, withBound(band(), 'max', max))} />
              <Checkbox id={`${id(index)}-maxInclusive`} label={t('included')} checked={band().maxInclusive} onChange={(maxInclusive) => set(index, { ...band(), maxInclusive })} />
              <ItemControls
                idBase={id}
                index={index}
                count={props.bands.length}
                name={`${t('band')} ${index + 1}`}
                canRemove={props.bands.length > 1}
                onMove={(delta) => props.onChange(moveItem(props.bands, index, delta))}
                onRemove={() => props.onChange(removeItem(props.bands, index))}
              />
            </li>
          )}
        </Index>
      </ol>
      <button type="button" onClick={() => props.onChange(appendItem(props.bands, nextBand(props.bands)))}>
        + {t('addBand')}
      </button>
    </fieldset>
  );
}
