export { fromHundredths, toHundredths } from './hundredths.ts';
export { scoreSubmission } from './score.ts';
export type * from './types.ts';
