import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../posture/csv.ts';

describe('Parser: CSV', () => {
  it.each([
    {
      name: 'plain fields',
      text: 'a,b\nc,d\n',
      records: [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    },
    {
      name: 'CRLF line ends',
      text: 'a,b\r\nc,d\r\n',
      records: [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    },
    {
      name: 'a BOM and no final newline',
      text: '\uFEFFa,b\nc,d',
      records: [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    },
    {
      name: 'blank lines',
      text: 'a,b\n\nc,d\n\n',
      records: [
        [1, ['a', 'b']],
        [3, ['c', 'd']],
      ],
    },
    { name: 'empty fields', text: ',\n', records: [[1, ['', '']]] },
    { name: 'a quoted comma', text: '"deploy,ci",x\n', records: [[1, ['deploy,ci', 'x']]] },
    { name: 'doubled quotes', text: '"say ""hi""",x\n', records: [[1, ['say "hi"', 'x']]] },
    {
      name: 'a line break inside quotes (lines still counted)',
      text: '"two\nlines",x\nnext,y\n',
      records: [
        [1, ['two\nlines', 'x']],
        [3, ['next', 'y']],
      ],
    },
  ] as const)('reads $name', ({ text, records }) => {
    expect(parseCsv(text)).toStrictEqual({
      ok: true,
      records: records.map(([line, cells]) => ({ line, cells: [...cells] })),
    });
  });

  it('rejects a quoted field that is never closed, naming the line it opens on', () => {
    expect(parseCsv('a,b\nc,"d\ne,f\n')).toStrictEqual({
      ok: false,
      line: 2,
      message: 'a quoted field is never closed',
    });
  });
});
