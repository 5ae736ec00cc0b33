// What a paste puts into the grid: text copied from a spreadsheet is a block of cells (tab-separated, one line a row).

/**
 * The rows of cells in `text` when it holds more than one cell, or undefined for plain text (pasted into the one cell
 * like typing). The line break a spreadsheet adds after the last row is not a row of its own.
 */
export function pastedBlock(text: string): string[][] | undefined {
  if (!/[\t\r\n]/.test(text)) return undefined;
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const rows = lines.map((line) => line.split('\t'));
  return rows.length === 1 && rows[0].length === 1 ? undefined : rows;
}
