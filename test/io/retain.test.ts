import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/io/cells.js';
import { ownText } from '../../src/io/scan.js';
import { readXlsxSheets } from '../../src/io/xlsx.js';

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đơn vị" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** About 1 MB of Vietnamese text (two bytes a character in V8), in the shared strings and in the sheet's cells. */
const FILLER = 20_000;

/**
 * A workbook's parts, as the guard gives them: one sheet whose row 1 holds a shared string, an inline string, a
 * formula's text result, an error, text in a number cell and a formula without its result, among `FILLER` shared
 * strings and `FILLER` inline strings the row does not use.
 */
function parts(n: number): Map<string, Buffer> {
  const shared = [`Sở Khoa học và Công nghệ ${n}`];
  for (let i = 0; i < FILLER; i++) shared.push(`Đơn vị hành chính số ${n}-${i}`);
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  const filler: string[] = [];
  for (let i = 0; i < FILLER; i++)
    filler.push(
      `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>Ghi chú của đơn vị ${n}-${i}</t></is></c></row>`,
    );
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Giám đốc Sở số ${n}</t></is></c><c r="C1" t="str"><f>A1&amp;"!"</f><v>Kết quả công thức ${n}</v></c><c r="D1" t="e"><v>#REF! của ô số ${n}</v></c><c r="E1"><v>không phải một số ${n}</v></c><c r="F1"><f>SUM(A2:A9)&amp;"công thức ${n}"</f></c></row>${filler.join('')}</sheetData></worksheet>`;
  return new Map([
    ['xl/workbook.xml', Buffer.from(WORKBOOK)],
    ['xl/_rels/workbook.xml.rels', Buffer.from(RELS)],
    ['xl/sharedStrings.xml', Buffer.from(sst)],
    ['xl/worksheets/sheet1.xml', Buffer.from(sheet)],
  ]);
}

async function firstRow(n: number, reader: 'scan' | 'sax'): Promise<readonly Cell[]> {
  for (const sheet of readXlsxSheets({ parts: parts(n) }, { reader })) {
    for await (const row of sheet.rows) if (row.row === 1) return row.cells;
  }
  throw new Error('no row 1');
}

describe('a kept cell does not keep the part it was read from', () => {
  it('ownText gives the same text', () => {
    for (const text of ['', 'a', 'Sở Khoa học và Công nghệ', 'x'.repeat(100_000)]) expect(ownText(text)).toBe(text);
  });

  it.each(['scan', 'sax'] as const)(
    '%s: the first row of 12 workbooks, kept, holds their text only',
    async (reader) => {
      setFlagsFromString('--expose-gc');
      const collect = runInNewContext('gc') as () => void;
      // Read once first, so that what the reader keeps for good (compiled code) is not counted.
      expect(await firstRow(0, reader)).toEqual([
        'Sở Khoa học và Công nghệ 0',
        'Giám đốc Sở số 0',
        'Kết quả công thức 0',
        { bad: 'error-value', detail: '#REF! của ô số 0' },
        'không phải một số 0',
        { bad: 'formula-without-result', detail: '=SUM(A2:A9)&"công thức 0"' },
      ]);
      collect();
      const before = getHeapStatistics().used_heap_size;
      const kept: (readonly Cell[])[] = [];
      for (let n = 1; n <= 12; n++) kept.push(await firstRow(n, reader));
      await new Promise((resolve) => setTimeout(resolve, 0));
      collect();
      const grown = getHeapStatistics().used_heap_size - before;
      expect(kept[11]?.[1]).toBe('Giám đốc Sở số 12');
      // Each workbook's two parts are some 2 MB of text each: kept through one cell, 12 of them would be 40 MB and more.
      expect(grown).toBeLessThan(4 * 1024 * 1024);
    },
  );
});
