import { performance } from 'node:perf_hooks';
import { askedFields, scoreSubmission } from '@chiso/criteria';
import { national4725, seed003Example } from '@chiso/criteria/sets';

const RUNS = 5_000;
/** One frame at 60 Hz: what the form may spend per keystroke before typing feels late. */
const FRAME_MS = 1000 / 60;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * The work the school's form does per keystroke on a 4725 submission: a full re-scoring with evidence
 * counts and the fields skip logic asks for, timed one by one so that the slow tail shows (p99), beside
 * the frame budget. Each keystroke changes one answer, as typing does.
 */
export async function keystrokeBench(): Promise<void> {
  const { answers, awards, evidence } = seed003Example;
  const perKeystroke = (i: number) => {
    const typed = { ...answers, digital_materials: 40 + (i % 10) };
    scoreSubmission(national4725, typed, awards, { evidence });
    askedFields(national4725, typed);
  };
  for (let i = 0; i < 500; i++) perKeystroke(i);
  const times = new Array<number>(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    perKeystroke(i);
    times[i] = performance.now() - started;
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p99 = percentile(times, 99);
  const cell = (ms: number) => `${ms.toFixed(3).padStart(8)} ms  (${((ms / FRAME_MS) * 100).toFixed(1).padStart(5)} % of a frame)`;
  console.log(`\nPer keystroke in the school's form — seed 003 on 4725, re-scoring + asked fields, ${RUNS.toLocaleString('en')} runs`);
  console.log(`${'median'.padEnd(52)} ${cell(median)}`);
  console.log(`${'p99'.padEnd(52)} ${cell(p99)}`);
  console.log(`${'  baseline: the frame budget at 60 Hz'.padEnd(52)} ${FRAME_MS.toFixed(3).padStart(8)} ms`);
}
