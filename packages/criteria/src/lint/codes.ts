/**
 * The codes the linter itself reports, with their severity. Rule problems come from `checkRule` with
 * its own `rule.*` codes, and shape problems from `parseDefinition` with `schema.*` codes.
 */
export const LINT_CODES = {
  'duplicate.level': 'error',
  'duplicate.group': 'error',
  'duplicate.criterion': 'error',
  'duplicate.indicator': 'error',
  'duplicate.field': 'error',
  'duplicate.evidence': 'error',
  'duplicate.option': 'error',
  'overall.total-level-without-bands': 'error',
  'validation.unknown-field': 'error',
  'field.self-relevance': 'error',
  'field.reserved-id': 'error',
  'cap.exceeds-max': 'error',
  'cap.unbounded': 'warning',
  'cap.max-unreachable': 'warning',
  'criterion.no-indicators': 'error',
  'criterion.indicators-exceed-max': 'error',
  'criterion.max-unreachable': 'warning',
  'mandatory.indicator-points': 'error',
  'mandatory.no-evidence': 'error',
  'group.max-mismatch': 'error',
  'band.inverted': 'error',
  'band.empty': 'error',
  'band.overlap': 'error',
  'band.gap': 'error',
  'band.unknown-level': 'error',
  'band.level-order': 'error',
  'band.outside-range': 'warning',
  'band.not-hundredths': 'warning',
  'award-step.not-hundredths': 'error',
  'max.not-step-multiple': 'warning',
} as const satisfies Record<string, 'error' | 'warning'>;

export type LintCode = keyof typeof LINT_CODES;
