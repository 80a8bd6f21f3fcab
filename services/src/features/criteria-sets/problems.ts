import { type Problem, formatPath } from '@chiso/criteria';
import type { ErrorDetail } from '../../errors.ts';

/** A problem of the core as the API reports it: the path in the core's notation, both languages. */
export interface ProblemDetail {
  path: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
}

export function toProblemDetail(problem: Problem, prefix: readonly (string | number)[] = []): ProblemDetail {
  return {
    path: formatPath([...prefix, ...problem.path]),
    code: problem.code,
    severity: problem.severity,
    message: problem.message.vi,
    messageEn: problem.message.en ?? problem.message.vi,
  };
}

export function toErrorDetail(problem: Problem, prefix: readonly (string | number)[] = []): ErrorDetail {
  const detail = toProblemDetail(problem, prefix);
  return { path: detail.path, code: detail.code, messageVi: detail.message, messageEn: detail.messageEn };
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
