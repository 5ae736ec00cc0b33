// What a paste puts into the playground's grid: a block for cells copied from a spreadsheet, nothing for plain text.
import { pastedBlock } from '../../emulator/playground/page/pasted-block';

describe('pastedBlock', () => {
  it.each([
    ['plain text goes into the one cell', 'Ada Lovelace', undefined],
    ['one cell with the line break a spreadsheet adds is still one cell', 'NEW\n', undefined],
    ['a row of cells', 'L-1\tAda\tNEW', [['L-1', 'Ada', 'NEW']]],
    ['a column of cells', 'NEW\r\nLOST\r\n', [['NEW'], ['LOST']]],
    ['a block, empty cells kept', 'L-1\t\tNEW\nL-2\tBob\t', [['L-1', '', 'NEW'], ['L-2', 'Bob', '']]],
  ])('%s', (_what, text, block) => {
    expect(pastedBlock(text)).toEqual(block);
  });
});
