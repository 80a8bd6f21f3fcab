import type { Definition } from '../../definition/schema.ts';
import { describeChange, diffDefinitions, entrySubject } from '../../diff/index.ts';
import { formatPath } from '../../problem.ts';
import { type Context, printJson } from '../context.ts';
import { EXIT } from '../errors.ts';
import { type Lang, say } from '../i18n.ts';
import { loadDefinition } from '../load.ts';

const MARK = { added: '+', removed: '-', changed: '~' } as const;

function named(definition: Definition): string {
  return `${definition.setKey} (${definition.version})`;
}

/** `chiso criteria diff A B`: what changed from A to B; exit 0 when identical and 1 when not, as diff(1). */
export async function diffCommand(context: Context, first: string, second: string): Promise<number> {
  const { lang } = context.options;
  const a = await loadDefinition(context.io, first);
  const b = await loadDefinition(context.io, second);
  const diff = diffDefinitions(a, b);
  const exit = diff.identical ? EXIT.ok : EXIT.problems;
  if (context.options.json) {
    printJson(context, diff);
    return exit;
  }
  let out = `${named(a)} → ${named(b)}: `;
  if (diff.identical) out += `${say(lang, 'giống nhau.', 'identical.')}\n`;
  else {
    out += `${countText(diff.entries.length, lang)}\n\n`;
    for (const entry of diff.entries) {
      // A changed item lists its changes one per line, with small rules shown in full.
      const title = entry.change === 'changed' ? entrySubject(entry, lang) : entry.summary[lang];
      out += `${MARK[entry.change]} ${title}  (${formatPath(entry.path)})\n`;
      for (const change of entry.changes) out += `    ${describeChange(change, lang, true)}\n`;
    }
  }
  context.io.stdout(out);
  return exit;
}

function countText(count: number, lang: Lang): string {
  return lang === 'vi' ? `${count} thay đổi` : `${count} change${count === 1 ? '' : 's'}`;
}
