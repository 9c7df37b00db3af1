import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectNow } from '../src/heap.js';
import type { Cell } from '../src/io/cells.js';
import { DEFAULT_LIMITS } from '../src/io/limits.js';
import { readSelfReportFile } from '../src/io/readers/index.js';
import { ownText } from '../src/io/shared-strings.js';
import { readXlsxSheets } from '../src/io/xlsx.js';
import { CHECKLIST } from '../test/helpers.js';

/** `count` texts cut from one part of XML and kept with ownText; the part is let go of. */
function ownTexts(count: number): string[] {
  const part = Array.from({ length: count }, (_, i) => `<t>Văn bản số ${i + 100_000}/QĐ-UBND</t>`).join('');
  const kept: string[] = [];
  for (let at = part.indexOf('<t>'); at >= 0; at = part.indexOf('<t>', at + 1))
    kept.push(ownText(part.slice(at + 3, part.indexOf('</t>', at))));
  return kept;
}

/** The heap's size after a full collection. */
const heap = (): number => collectNow().after;

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
    for await (const batch of sheet.rows) for (const row of batch) if (row.row === 1) return row.cells;
  }
  throw new Error('no row 1');
}

describe('a kept cell does not keep the part it was read from', () => {
  it('ownText keeps a long text as one string of its own', async () => {
    const before = heap();
    const kept = ownTexts(20_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const perText = (heap() - before) / kept.length;
    expect(kept[7]).toBe('Văn bản số 100007/QĐ-UBND');
    // 25 characters, two bytes each, the string's header and the array's slot: 82 bytes (Node 20). A view of a copy
    // (the way ownText was first written) is 32 bytes more: 112.
    expect(perText).toBeLessThan(95);
  });

  it.each(['scan', 'sax'] as const)(
    '%s: the first row of 12 workbooks, kept, holds their text only',
    async (reader) => {
      // Read once first, so that what the reader keeps for good (compiled code) is not counted.
      expect(await firstRow(0, reader)).toEqual([
        'Sở Khoa học và Công nghệ 0',
        'Giám đốc Sở số 0',
        'Kết quả công thức 0',
        { bad: 'error-value', detail: '#REF! của ô số 0' },
        'không phải một số 0',
        { bad: 'formula-without-result', detail: '=SUM(A2:A9)&"công thức 0"' },
      ]);
      const before = heap();
      const kept: (readonly Cell[])[] = [];
      for (let n = 1; n <= 12; n++) kept.push(await firstRow(n, reader));
      await new Promise((resolve) => setTimeout(resolve, 0));
      const grown = heap() - before;
      expect(kept[11]?.[1]).toBe('Giám đốc Sở số 12');
      // Each workbook's two parts are some 2 MB of text each: kept through one cell, 12 of them would be 40 MB and more.
      expect(grown).toBeLessThan(4 * 1024 * 1024);
    },
  );
});

/** A self-report of 1000 units, each unit's code on its rows of every item. */
function reportLines(codes: readonly string[]): string[] {
  const lines = ['Mã đơn vị,Mã tiêu chí,Tự đánh giá'];
  for (let unit = 0; unit < 1000; unit++)
    for (const code of codes) lines.push(`DV-PHONG-${String(unit).padStart(6, '0')},${code},Đạt`);
  return lines;
}

describe("a self-report's rows are kept column by column, each code once", () => {
  it("a self-report's rows share one string per unit code and item code", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ict-eval-retain-'));
    try {
      const codes = CHECKLIST.map((item) => item.code);
      const path = join(dir, 'bao-cao.csv');
      await writeFile(path, reportLines(codes).join('\n'));
      // Read once first, so that what the reader keeps for good (compiled code) is not counted.
      await readSelfReportFile(path, 'bao-cao.csv', DEFAULT_LIMITS, codes);
      await new Promise((resolve) => setTimeout(resolve, 0));
      // The heap and the columns' buffers (typed arrays live outside the heap).
      const held = () => heap() + process.memoryUsage().arrayBuffers;
      const before = held();
      const read = await readSelfReportFile(path, 'bao-cao.csv', DEFAULT_LIMITS, codes);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const perRow = (held() - before) / read.rows.length;
      const { rows } = read;
      expect(rows.length).toBe(1000 * codes.length);
      expect(rows.at(codes.length)?.unitCode).toBe('DV-PHONG-000001');
      // Five 4-byte columns and three text slots: 44 bytes a row, 62 with the columns' room to grow (Node 20). As row
      // objects (88 bytes) and their slots, 102 bytes a row; with a unit code and an item code of its own per row, 157.
      expect(perRow).toBeLessThan(80);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
