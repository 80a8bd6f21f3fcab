import { national4725, seed003Example } from '@chiso/criteria/sets';
import { describe, expect, it } from 'vitest';
import { askedFields } from './relevance.ts';

describe('skip logic in the form', () => {
  it('asks for the LMS details only when the unit says it uses an LMS', () => {
    expect(askedFields(national4725, { lms_deployed: false }).has('lms_name')).toBe(false);
    const asked = askedFields(national4725, { lms_deployed: true });
    expect(asked.has('lms_name')).toBe(true);
    expect(asked.has('lms_deployed')).toBe(true);
  });

  it('always asks fields without a rule, and keeps up with a whole real submission quickly', () => {
    const started = performance.now();
    const asked = askedFields(national4725, seed003Example.answers);
    expect(performance.now() - started).toBeLessThan(200);
    expect(asked.has('live_teaching_deployed')).toBe(true);
    expect(asked.has('lms_name')).toBe(true);
  });
});
