import { scoreSubmission } from '@chiso/criteria';
import { national4725 } from '@chiso/criteria/sets';
import { prng, syntheticAnswers } from './bench/synthetic.ts';
const random = prng(4725);
const subs: { answers: Record<string, unknown>; awards: Record<string, number> }[] = [];
for (let i = 0; i < 50000; i++) {
  const answers = syntheticAnswers(national4725, random);
  const caps = scoreSubmission(national4725, answers, {});
  const awards: Record<string, number> = {};
  for (const g of caps.groups) for (const c of g.criteria) for (const ind of c.indicators) if (ind.relevant && ind.cap > 0) awards[ind.id] = Math.round(random() * ind.cap * 2) / 2;
  subs.push({ answers, awards });
}
for (let r = 0; r < 3; r++) {
const t = performance.now();
for (const { answers, awards } of subs) scoreSubmission(national4725, answers, awards);
console.log('ms', performance.now() - t);
}
