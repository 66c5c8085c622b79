import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('reading a batch CSV', () => {
  it('reads the header and each row with the line it starts on', () => {
    const table = parseCsv('photo,width\nsea.jpg,24\nhill.jpg,16\n');

    expect(table.header).toEqual(['photo', 'width']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['sea.jpg', '24'] },
      { line: 3, cells: ['hill.jpg', '16'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and names a multi-line row by its first line', () => {
    const table = parseCsv('prompt,n\r\n"a ""red"", round ball",1\r\n"two\nlines",2\r\nlast,3');

    expect(table.rows.map((r) => r.cells)).toEqual([
      ['a "red", round ball', '1'],
      ['two\nlines', '2'],
      ['last', '3'],
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it('skips a byte order mark and blank lines, counting them in the line numbers', () => {
    const table = parseCsv('\uFEFFimage,w\n\na,1\n\n\nb,2\n\n');

    expect(table.header).toEqual(['image', 'w']);
    expect(table.rows).toEqual([
      { line: 3, cells: ['a', '1'] },
      { line: 6, cells: ['b', '2'] },
    ]);
  });

  it('has no columns and no rows when the file is empty', () => {
    expect(parseCsv('')).toEqual({ header: [], rows: [] });
  });
});
