import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as saxes from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Cell, RawRow } from '../../src/io/cells.js';
import { openXlsx } from '../../src/io/guard.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { SCAN_SLICE, type ScanResult, type ScannedCell, decodeText, scanSheetSlices } from '../../src/io/scan.js';
import { StringTable, scanSharedStrings } from '../../src/io/shared-strings.js';
import { readXlsxSheets, saxSheetRows } from '../../src/io/xlsx.js';

// Issue 15: the cell scanner is the reader's fast path; the SAX parser stays the reference. Both must give the same
// cells, exactly (no trimming), on every workbook we have and on generated sheets.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type Sheet = { name: string | undefined; rows: RawRow[] };

async function read(
  path: string,
  reader: 'scan' | 'sax',
): Promise<{ sheets: Sheet[]; fallbacks: string[] } | { refused: string }> {
  // A broken file (an .xls or .ods renamed, a truncated download) is refused before either reader: the same for both.
  const opened = await openXlsx(path, path, DEFAULT_LIMITS);
  if ('severity' in opened) return { refused: opened.message };
  const sheets: Sheet[] = [];
  const fallbacks: string[] = [];
  for (const sheet of readXlsxSheets(opened, {
    reader,
    onFallback: (name, why) => fallbacks.push(`${name}: ${why}`),
  })) {
    const rows: RawRow[] = [];
    for await (const batch of sheet.rows) rows.push(...batch);
    sheets.push({ name: sheet.name, rows });
  }
  return { sheets, fallbacks };
}

async function xlsxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.xls[xm]$/u.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const fixtures = [
  ...(await xlsxFiles(join(ROOT, 'test/fixtures'))),
  ...(await xlsxFiles(join(ROOT, 'fixtures/sample'))),
];

describe('the cell scanner reads every workbook as the SAX parser does', () => {
  it.each(fixtures.map((f) => [f.slice(ROOT.length), f]))('%s', async (_name, path) => {
    const [scanned, reference] = await Promise.all([read(path, 'scan'), read(path, 'sax')]);
    if ('refused' in scanned || 'refused' in reference) {
      expect(scanned).toEqual(reference);
      return;
    }
    expect(scanned.sheets).toEqual(reference.sheets);
    // Workbooks written by exceljs, openpyxl, gnumeric and LibreOffice hold nothing the scanner leaves to SAX.
    expect(scanned.fallbacks).toEqual([]);
  });

  it(`covers ${fixtures.length} workbooks`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });
});

/** The scanner's rows of a sheet's XML, all of them, or why it leaves the sheet to SAX: its slices, gathered. */
function scanSheetRows(xml: string, makeCell: (cell: ScannedCell) => Cell, slice = SCAN_SLICE): ScanResult {
  const rows: RawRow[] = [];
  for (const part of scanSheetSlices(Buffer.from(xml, 'utf8'), makeCell, slice)) {
    if ('fallback' in part) return part;
    for (const row of part.rows) rows.push(row);
  }
  return { rows };
}

/** A cell as the reader makes it, without shared strings or date styles: the state as text, to compare exactly. */
const asText = (c: ScannedCell): Cell =>
  JSON.stringify([c.column, c.type, c.style, c.formula ?? null, c.value ?? null, c.inline ?? null]);

/** The SAX reference on a sheet's XML: the reader's own SAX path; 'error' when SAX rejects the XML. */
function viaSax(xml: string): RawRow[] | 'error' {
  try {
    return [...saxSheetRows(xml, asText)];
  } catch {
    return 'error';
  }
}

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>${rows}</sheetData><pageMargins left="0.7"/></worksheet>`;

/** Text as a spreadsheet program writes it: Vietnamese, the five entities, character references, line ends. */
const text = fc
  .array(
    fc.constantFrom(
      'Sở Y tế',
      'Đạt',
      ' Không đạt ',
      '&amp;',
      '&lt;b&gt;',
      '&quot;x&quot;',
      '&apos;',
      '&#7843;',
      '&#x1EA1;',
      '\r\n',
      '\r',
      '\n',
      '\t',
      '>',
      '1.1',
      '0,71',
      '45292',
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));

const attributes = fc
  .record(
    {
      r: fc.constantFrom('A1', 'B7', 'AB12', 'XFD3', 'a1', '1'),
      t: fc.constantFrom('s', 'n', 'b', 'e', 'str', 'inlineStr', 'd'),
      s: fc.constantFrom('0', '3', '12'),
      extra: fc.constantFrom('xr:r="Z9"', 'cm="1"', 'ss="5"'),
    },
    { requiredKeys: [] },
  )
  .chain((a) =>
    fc
      .shuffledSubarray(Object.entries(a), { minLength: Object.keys(a).length })
      .map((pairs) => pairs.map(([k, v]) => (k === 'extra' ? ` ${v}` : ` ${k}="${v}"`)).join('')),
  );

const content = fc.oneof(
  fc.constant(''),
  text.map((t) => `<v>${t}</v>`),
  fc.constant('<v/>'),
  fc.tuple(text, text).map(([f, v]) => `<f>${f}</f><v>${v}</v>`),
  text.map((f) => `<f>${f}</f>`),
  fc.constant('<f t="shared" si="0"/>'),
  fc
    .tuple(text, text)
    .map(
      ([a, b]) =>
        `<is><r><rPr><b/><sz val="11"/></rPr><t>${a}</t></r><r><t xml:space="preserve">${b}</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is>`,
    ),
  text.map((t) => `<is><t>${t}</t></is>`),
);

const cellXml = fc
  .tuple(attributes, content, fc.boolean())
  .map(([attrs, inner, selfClose]) => (selfClose && inner === '' ? `<c${attrs}/>` : `<c${attrs}>${inner}</c>`));

const rowXml = fc
  .tuple(
    fc.constantFrom('', ' r="3"', ' r="10" spans="1:5"', ' r="0"', ' r="x"'),
    fc.array(cellXml, { maxLength: 5 }),
    fc.constantFrom('', '\n  '),
  )
  .map(([attrs, list, space]) =>
    list.length === 0 ? `<row${attrs}/>` : `<row${attrs}>${space}${list.join(space)}</row>`,
  );

describe('the cell scanner on generated sheets', () => {
  it('gives the cells SAX gives, for any mix of cells, types, text, entities and line ends', () => {
    fc.assert(
      fc.property(fc.array(rowXml, { maxLength: 8 }), (rows) => {
        const xml = sheetXml(rows.join(''));
        const scanned = scanSheetRows(xml, asText);
        expect(scanned).toEqual({ rows: viaSax(xml) });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('gives the same rows read a slice at a time, for any slice size; a slice cut anywhere but between rows leaves it to SAX', () => {
    fc.assert(
      fc.property(fc.array(rowXml, { maxLength: 8 }), fc.integer({ min: 1, max: 400 }), (rows, slice) => {
        const xml = sheetXml(rows.join(''));
        const whole = scanSheetRows(xml, asText);
        const parts = [...scanSheetSlices(Buffer.from(xml, 'utf8'), asText, slice)];
        // Every part but the last is rows; each slice ends after a </row>, so no part is empty.
        expect(parts.slice(0, -1).every((p) => 'rows' in p && p.rows.length > 0)).toBe(true);
        expect(scanSheetRows(xml, asText, slice)).toEqual(whole);
        // Before a fallback, the rows handed on are SAX's first rows.
        const handed = parts.flatMap((p) => ('rows' in p ? p.rows : []));
        const sax = viaSax(xml);
        if (sax !== 'error') expect(handed).toEqual(sax.slice(0, handed.length));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('hands on the rows before a construct it leaves to SAX, and says so: SAX’s rows from there are the rest', () => {
    const before = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
    const xml = sheetXml(`${before.join('')}<!-- a comment --><row r="51"><c r="A51"><v>50</v></c></row>`);
    const parts = [...scanSheetSlices(Buffer.from(xml, 'utf8'), asText, 100)];
    expect(parts.at(-1)).toEqual({ fallback: 'a comment in the cells' });
    const handed = parts.flatMap((p) => ('rows' in p ? p.rows : []));
    expect(handed.length).toBeGreaterThan(40);
    const sax = viaSax(xml);
    expect(sax !== 'error' && sax.length).toBe(51);
    expect(sax !== 'error' && sax.slice(0, handed.length)).toEqual(handed);
  });

  it.each([
    ['CDATA', '<row><c t="str"><v><![CDATA[a<b]]></v></c></row>'],
    ['a comment', '<row><!-- x --><c><v>1</v></c></row>'],
    ['prefixed names', '<x:row><x:c><x:v>1</x:v></x:c></x:row>'],
    ['single quotes', "<row r='1'><c><v>1</v></c></row>"],
    ['spaces around =', '<row r = "1"><c><v>1</v></c></row>'],
    ['an entity of a DTD', '<row><c t="str"><v>&nbsp;</v></c></row>'],
    ['a tag left open', '<row><c><v>1</v></row>'],
  ])('leaves %s to SAX, saying why', (_what, rows) => {
    const scanned = scanSheetRows(sheetXml(rows), asText);
    expect('fallback' in scanned && scanned.fallback.length > 0).toBe(true);
  });

  it.each([
    [
      'a < inside a tag or an attribute value',
      [
        '<row r="1<"><c><v>1</v></c></row>',
        '<row><c r="A1" x="<!-- -->"><v>1</v></c></row>',
        '<row><c<x><v>1</v></c<x></row>',
        '<row><c r="A1"<v>1</v></c></row>',
      ],
    ],
    [
      'a closing tag that does not close the element opened last, or is not closed',
      [
        // Another name of the same length, a longer name that starts with the open one, a shorter one.
        '<row><c><v>1</x></c></row>',
        '<row><c><v>1</vv></c></row>',
        '<row><c><v>1</v></c></rowx>',
        '<row><c><is><t>a</t></i></c></row>',
        // No '>' before the next tag.
        '<row><c><v>1</v<c></c></row>',
        '<row><c><v>1</v</c></row>',
      ],
    ],
  ])('leaves to SAX %s, which is not XML (SAX refuses it)', (_what, sheets) => {
    for (const rows of sheets) {
      const scanned = scanSheetRows(sheetXml(rows), asText);
      expect('fallback' in scanned && scanned.fallback.length > 0, rows).toBe(true);
      expect(viaSax(sheetXml(rows)), rows).toBe('error');
    }
  });

  it('reads a closing tag with white space before its >, as XML allows', () => {
    const rows = '<row r="1"><c r="A1" t="str"><v>a</v ></c\n></row\t>';
    const scanned = scanSheetRows(sheetXml(rows), asText);
    expect(scanned).toEqual({ rows: viaSax(sheetXml(rows)) });
    expect('rows' in scanned && scanned.rows[0]?.cells).toEqual([JSON.stringify([1, 'str', 0, null, 'a', null])]);
  });

  it('leaves to SAX an entity SAX would refuse, even in text or attributes nobody reads', () => {
    for (const rows of ['<row>&nbsp;<c><v>1</v></c></row>', '<row r="1" x="&nbsp;"><c><v>1</v></c></row>']) {
      const scanned = scanSheetRows(sheetXml(rows), asText);
      expect(scanned).toEqual({ fallback: 'an entity other than XML’s own' });
      expect(viaSax(sheetXml(rows))).toBe('error');
    }
  });

  it('reads the shared strings as SAX does: runs joined, phonetic runs left out, entities decoded', () => {
    const item = fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      fc
        .tuple(text, text)
        .map(
          ([a, b]) =>
            `<si><r><rPr><b/></rPr><t>${a}</t></r><r><t xml:space="preserve">${b}</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></si>`,
        ),
      fc.constant('<si><t/></si>'),
      fc.constant('<si/>'),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 10 }), fc.constantFrom('\r\n', '', '\n  '), (items, space) => {
        const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${space}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}">${items.join(space)}</sst>${space}`;
        const table = new StringTable();
        const { SaxesParser } = saxes;
        const parser = new SaxesParser();
        const local = (n: string) => n.slice(n.indexOf(':') + 1);
        parser.on('opentag', (tag) => {
          table.open(local(tag.name));
        });
        parser.on('text', (chunk) => {
          table.text(chunk);
        });
        parser.on('closetag', (tag) => {
          table.close(local(tag.name));
        });
        parser.write(xml).close();
        expect(scanSharedStrings(xml)).toEqual({ strings: table.strings });
        // From the part's bytes (what the reader gives it): the same, whether its items are plain or not.
        expect(scanSharedStrings(Buffer.from(xml, 'utf8'))).toEqual({ strings: table.strings });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
    expect(scanSharedStrings('<sst><si><t>a</t></si></sst><x/>')).toEqual({
      fallback: 'XML around the shared strings',
    });
    expect(scanSharedStrings(Buffer.from('<sst><si><t>a</t></si></sst><x/>'))).toEqual({
      fallback: 'XML around the shared strings',
    });
    expect(scanSharedStrings(Buffer.from('<x/><sst><si><t>a</t></si></sst>'))).toEqual({
      fallback: 'XML around the shared strings',
    });
  });

  it('decodes XML’s entities and character references, and nothing else', () => {
    expect(decodeText('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#7843; &#x1EA1;')).toBe(
      'a & b <c> "d" \'e\' ả ạ',
    );
    expect(decodeText('x\r\ny\rz')).toBe('x\ny\nz');
    expect(decodeText('&#13;')).toBe('\r');
    expect(decodeText('&nbsp;')).toBeUndefined();
    expect(decodeText('&#0;')).toBeUndefined();
    expect(decodeText('a & b')).toBeUndefined();
  });
});
