export interface Column {
  header: string;
  align?: 'left' | 'right';
}

const RULE_LIMIT = 40;

/** Vietnamese may arrive decomposed (NFD): composed, one letter is one UTF-16 unit and pads right. */
function cell(text: string): string {
  return text.normalize('NFC');
}

/**
 * A plain-text table with aligned columns, a header and a rule under it. Widths count NFC characters,
 * so "Tiêu chí" pads the same whether its file was saved composed or decomposed; east-asian width is ignored.
 * @example renderTable([{ header: 'Mã' }, { header: 'Điểm', align: 'right' }], [['1.3', '25']])
 */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, indent = ''): string {
  const header = columns.map((column) => cell(column.header));
  const body = rows.map((row) => columns.map((_, index) => cell(row[index] ?? '')));
  const widths = columns.map((_, index) => Math.max(header[index]?.length ?? 0, ...body.map((row) => row[index]?.length ?? 0)));
  const line = (values: readonly string[]): string =>
    indent +
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        if (index === values.length - 1 && columns[index]?.align !== 'right') return value;
        return columns[index]?.align === 'right' ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  // The last column is not padded; its rule stops at a readable width rather than under the longest message.
  const ruleWidths = widths.map((width, index) => (index === widths.length - 1 ? Math.max(header[index]?.length ?? 0, Math.min(width, RULE_LIMIT)) : width));
  const rule = indent + ruleWidths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n') + '\n';
}

/** Cuts long text to `max` characters with an ellipsis, counting NFC characters. */
export function truncate(text: string, max: number): string {
  const composed = cell(text).replace(/\s+/g, ' ').trim();
  return composed.length <= max ? composed : `${composed.slice(0, max - 1)}…`;
}
