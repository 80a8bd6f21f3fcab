import { performance } from 'node:perf_hooks';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { type Definition, type Rule, scoreSubmission } from '@chiso/criteria';
import { national4725, seed003Example } from '@chiso/criteria/sets';
import { prng, syntheticAnswers } from './synthetic.ts';

const SUBMISSIONS = 50_000;
const TARGET_MS = 2_000;

interface Synthetic {
  answers: Record<string, unknown>;
  awards: Record<string, number>;
}

/** Every rule of a definition, as the naive baseline evaluates them: answers-level rules and the rest. */
function rulesOf(definition: Definition): { answerRules: Rule[]; groupRules: Rule[]; overall: Rule } {
  const answerRules: Rule[] = [];
  const groupRules: Rule[] = [];
  for (const group of definition.groups) {
    groupRules.push(group.mandatoryEffect);
    for (const criterion of group.criteria) {
      if (criterion.kind === 'mandatory') answerRules.push(criterion.condition);
      for (const indicator of criterion.indicators) {
        if (indicator.cap !== undefined) answerRules.push(indicator.cap);
        if (indicator.relevantWhen !== undefined) answerRules.push(indicator.relevantWhen);
        for (const validation of indicator.validations) answerRules.push(validation.rule);
        for (const field of indicator.fields) if (field.relevantWhen !== undefined) answerRules.push(field.relevantWhen);
      }
    }
  }
  return { answerRules, groupRules, overall: definition.overall.rule };
}

/** The rule context json-logic-js sees in the baseline: ratios carry their percentage, as in scoring. */
function naiveContext(answers: Record<string, unknown>): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === 'object' && value !== null && 'numerator' in value && 'denominator' in value) {
      const { numerator, denominator } = value as { numerator: number; denominator: number };
      context[key] = { numerator, denominator, percent: (numerator * 100) / denominator };
    } else context[key] = value;
  }
  return context;
}

function synthesize(definition: Definition, count: number): Synthetic[] {
  const random = prng(4725);
  const out: Synthetic[] = [];
  for (let i = 0; i < count; i++) {
    const answers = syntheticAnswers(definition, random);
    // Awards within the caps the answers allow, as a careful assessor would give.
    const caps = scoreSubmission(definition, answers, {});
    const awards: Record<string, number> = {};
    for (const group of caps.groups)
      for (const criterion of group.criteria)
        for (const indicator of criterion.indicators)
          if (indicator.relevant && indicator.cap > 0) awards[indicator.id] = Math.round(random() * indicator.cap * 2) / 2;
    out.push({ answers, awards });
  }
  return out;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function row(label: string, ms: number, count: number): string {
  return `${label.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms  ${((ms * 1000) / count).toFixed(2).padStart(8)} µs each`;
}

/** Scoring one complete 4725 submission, and re-scoring 50,000 synthetic ones, beside naive json-logic-js. */
export async function scoreBench(): Promise<void> {
  const definition = national4725;
  console.log(`Scoring benchmark — Node ${process.version}, one core, ${SUBMISSIONS.toLocaleString('en')} synthetic 4725 submissions\n`);

  const score003 = () => scoreSubmission(definition, seed003Example.answers, seed003Example.awards);
  const first = time(score003);
  const rules003 = rulesOf(definition);
  const context003 = naiveContext(seed003Example.answers);
  const naive003 = () => {
    for (const rule of rules003.answerRules) jsonLogic.apply(rule as RulesLogic, context003);
  };
  // Warm both up so the figures compare optimised code, as in a long-running server or an open form.
  for (let i = 0; i < 3_000; i++) {
    score003();
    naive003();
  }
  const single = 20_000;
  const singleMs = time(() => {
    for (let i = 0; i < single; i++) score003();
  });
  const naiveSingleMs = time(() => {
    for (let i = 0; i < single; i++) naive003();
  });
  console.log(row('one complete submission (seed 003), first call', first, 1));
  console.log(row(`one complete submission (seed 003), warm, mean of ${single}`, singleMs, single));
  console.log(row('  baseline: json-logic-js on its answer rules only', naiveSingleMs, single));

  const submissions = synthesize(definition, SUBMISSIONS);
  const { answerRules, groupRules, overall } = rulesOf(definition);
  const heapBefore = process.memoryUsage().heapUsed;
  let checksum = 0;
  const oursMs = time(() => {
    for (const { answers, awards } of submissions) checksum += scoreSubmission(definition, answers, awards).total;
  });
  const heapAfter = process.memoryUsage().heapUsed;

  let naiveChecksum = 0;
  const naiveMs = time(() => {
    for (const { answers } of submissions) {
      const context = naiveContext(answers);
      for (const rule of answerRules) naiveChecksum += Number(jsonLogic.apply(rule as RulesLogic, context)) || 0;
      const groupContext = { level: 3, points: 80, unmet: 0, unmetIds: [] };
      for (const rule of groupRules) naiveChecksum += Number(jsonLogic.apply(rule as RulesLogic, groupContext)) || 0;
      naiveChecksum += Number(jsonLogic.apply(overall as RulesLogic, { groupLevels: [3, 2], groups: {}, total: 160, totalLevel: null })) || 0;
    }
  });

  console.log();
  console.log(`${answerRules.length + groupRules.length + 1} rules per submission`);
  console.log(row('Chỉ số scoreSubmission (rules + caps + awards + levels)', oursMs, SUBMISSIONS));
  console.log(row('baseline: json-logic-js apply on the same rules only', naiveMs, SUBMISSIONS));
  console.log(`speed-up over the naive rule evaluation alone: ${(naiveMs / oursMs).toFixed(2)}×`);
  console.log(`heap growth while scoring: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB (checksums ${checksum.toFixed(2)} / ${naiveChecksum})`);
  console.log(`target: ${SUBMISSIONS.toLocaleString('en')} in under ${TARGET_MS} ms — ${oursMs < TARGET_MS ? 'met' : 'NOT met'} (${oursMs.toFixed(0)} ms)`);
}
