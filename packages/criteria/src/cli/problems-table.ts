import { type Problem, formatPath } from '../problem.ts';
import { type Lang, pick, say } from './i18n.ts';
import { renderTable } from './table.ts';

/** Problems as a table: where, which code, how serious, and what, in the chosen language. */
export function renderProblems(problems: readonly Problem[], lang: Lang, indent = ''): string {
  return renderTable(
    [{ header: say(lang, 'Vị trí', 'Path') }, { header: say(lang, 'Mã', 'Code') }, { header: say(lang, 'Mức độ', 'Severity') }, { header: say(lang, 'Nội dung', 'Message') }],
    problems.map((found) => [formatPath(found.path), found.code, severityWord(found.severity, lang), pick(found.message, lang)]),
    indent,
  );
}

export function severityWord(severity: Problem['severity'], lang: Lang): string {
  return severity === 'error' ? say(lang, 'lỗi', 'error') : say(lang, 'cảnh báo', 'warning');
}

/** "2 lỗi, 1 cảnh báo" / "2 errors, 1 warning". */
export function countText(problems: readonly Problem[], lang: Lang): string {
  const errors = problems.filter((found) => found.severity === 'error').length;
  const warnings = problems.length - errors;
  if (lang === 'vi') return `${errors} lỗi, ${warnings} cảnh báo`;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
