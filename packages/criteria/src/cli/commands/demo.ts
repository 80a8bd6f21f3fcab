import type { Definition } from '../../definition/schema.ts';
import { isPublishable, lintDefinition } from '../../lint/index.ts';
import { formatPoints } from '../../lint/points.ts';
import { scoreSubmission } from '../../scoring/score.ts';
import { BUILT_IN_SETS, findBuiltInSet, seed003Example } from '../../sets/index.ts';
import { type Context, printJson } from '../context.ts';
import { CliError, EXIT } from '../errors.ts';
import { pick, say } from '../i18n.ts';
import { countText, renderProblems } from '../problems-table.ts';
import { renderScore } from '../score-report.ts';
import { renderTable, truncate } from '../table.ts';

function counts(definition: Definition): { groups: number; criteria: number; indicators: number } {
  const criteria = definition.groups.flatMap((group) => group.criteria);
  return { groups: definition.groups.length, criteria: criteria.length, indicators: criteria.reduce((n, criterion) => n + criterion.indicators.length, 0) };
}

/**
 * `chiso criteria demo`: an overview of what the core does, on built-in data: every built-in set
 * validated, and the worked example of seed 003 scored (84 and 94 points, level 3).
 * Exit 1 if a built-in set has an error or the example is not complete.
 */
export async function demoCommand(context: Context): Promise<number> {
  const { lang } = context.options;
  const sets = BUILT_IN_SETS.map((definition) => ({ definition, problems: lintDefinition(definition), ...counts(definition) }));
  const exampleSet = findBuiltInSet(seed003Example.definition);
  if (!exampleSet)
    throw new CliError('cli.demo-set-missing', { vi: `Không có bộ chỉ số ${seed003Example.definition} cho ví dụ mẫu`, en: `The example's set ${seed003Example.definition} is not built in` });
  const result = scoreSubmission(exampleSet, seed003Example.answers, seed003Example.awards, { evidence: seed003Example.evidence });
  const fine = sets.every((set) => isPublishable(set.problems)) && result.complete;
  const exit = fine ? EXIT.ok : EXIT.problems;

  if (context.options.json) {
    printJson(context, {
      sets: sets.map(({ definition, problems, groups, criteria, indicators }) => ({
        setKey: definition.setKey,
        version: definition.version,
        title: definition.title,
        groups,
        criteria,
        indicators,
        publishable: isPublishable(problems),
        problems,
      })),
      example: { definition: seed003Example.definition, result },
    });
    return exit;
  }

  let out = `Chỉ số — ${say(lang, 'đánh giá mức độ chuyển đổi số của cơ sở giáo dục', 'assessing the digital transformation of schools')}\n\n`;
  out += `${say(lang, 'Các bộ chỉ số có sẵn', 'Built-in criteria sets')}:\n\n`;
  out += renderTable(
    [
      { header: say(lang, 'Mã', 'Key') },
      { header: say(lang, 'Phiên bản', 'Version') },
      { header: say(lang, 'Căn cứ', 'Decision') },
      { header: say(lang, 'Nhóm', 'Groups'), align: 'right' },
      { header: say(lang, 'Tiêu chí', 'Criteria'), align: 'right' },
      { header: say(lang, 'Chỉ số', 'Indicators'), align: 'right' },
      { header: say(lang, 'Kiểm tra', 'Check') },
      { header: say(lang, 'Tên', 'Title') },
    ],
    sets.map(({ definition, problems, groups, criteria, indicators }) => [
      definition.setKey,
      definition.version,
      definition.legalBasis.decision,
      String(groups),
      String(criteria),
      String(indicators),
      problems.length === 0 ? say(lang, 'hợp lệ', 'valid') : countText(problems, lang),
      truncate(pick(definition.title, lang), 60),
    ]),
    '  ',
  );
  for (const { definition, problems } of sets)
    if (problems.length > 0) out += `\n  ${definition.setKey}:\n${renderProblems(problems, lang, '  ')}`;

  out += `\n${say(lang, 'Ví dụ mẫu (seed 003)', 'Worked example (seed 003)')}: Trung tâm GDNN-GDTX huyện Thanh Trì, ${say(lang, 'năm học', 'school year')} 2024–2025, `;
  out += `${say(lang, 'chấm theo bộ', 'scored against set')} ${exampleSet.setKey} (${exampleSet.version})\n`;
  const outcome = result.groups.map((group) => `${say(lang, 'nhóm', 'group')} ${group.id}: ${formatPoints(group.points, lang)} (${say(lang, 'mức', 'level')} ${group.level})`);
  out += `${say(lang, 'Kết quả', 'Outcome')}: ${outcome.join(', ')} → ${say(lang, 'mức chung', 'overall level')} ${result.overallLevel}\n\n`;
  out += renderScore(exampleSet, result, lang, false);
  context.io.stdout(out);
  return exit;
}
