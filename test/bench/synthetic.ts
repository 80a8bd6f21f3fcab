import type { Definition, Field } from '@chiso/criteria';

/** A small deterministic PRNG (mulberry32), so every run scores the same submissions. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A plausible, valid answer for a field: what a school might enter. */
export function answerFor(field: Field, random: () => number): unknown {
  switch (field.kind) {
    case 'boolean':
      return random() < 0.7;
    case 'count':
      return Math.floor(random() * (field.max ?? 80));
    case 'ratio': {
      const denominator = 1 + Math.floor(random() * 120);
      return { numerator: Math.floor(random() * (denominator + 1)), denominator };
    }
    case 'choice':
      return pick(random, field.options).value;
    case 'multichoice':
      return field.options.filter(() => random() < 0.6).map((option) => option.value);
    case 'number':
      return Math.round((field.min ?? 0) + random() * ((field.max ?? 100) - (field.min ?? 0)));
    case 'text':
      return pick(random, ['Zoom', 'Google Meet', 'Microsoft Teams', 'VNPT E-Learning', 'Phần mềm tự xây dựng']);
    case 'links':
      return [`https://truong-${Math.floor(random() * 1000)}.edu.vn/hoc-lieu`];
    case 'document':
      return { number: `${1 + Math.floor(random() * 300)}/KH-THCS`, date: '2025-09-05' };
    case 'contact':
      return { name: 'Nguyễn Văn A', position: 'Phó Hiệu trưởng', email: 'phu-trach-cds@example.edu.vn', phone: '0900000000' };
  }
}

/** Answers for every field of a definition. */
export function syntheticAnswers(definition: Definition, random: () => number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const group of definition.groups)
    for (const criterion of group.criteria)
      for (const indicator of criterion.indicators) for (const field of indicator.fields) answers[field.id] = answerFor(field, random);
  return answers;
}
