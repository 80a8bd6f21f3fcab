export { fromHundredths, toHundredths } from './hundredths.ts';
export { askedFields } from './asked.ts';
export { scoreSubmission } from './score.ts';
export type * from './types.ts';
