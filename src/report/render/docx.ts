import {
  AlignmentType,
  BorderStyle,
  Document,
  type IRunOptions,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ChartRun, type ChartRunOptions } from 'docx/charts';
import type { AnnualReport, ReportTable } from '../content/annual.js';
import type { ReportChart, SeriesTone } from '../content/charts.js';
import { placeAndDate } from '../content/title.js';
import { repack } from './workbook.js';
import { deflatePieces } from './zip.js';

/** Twentieths of a point per millimetre, the unit of Word's page measures. */
const MM = 56.7;
/** The text width of a portrait A4 page with 30 mm and 15 mm side margins. */
const TEXT_WIDTH = Math.round(165 * MM);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) => {
  // Typed first: TextRun also takes a string, whose (deprecated) String.prototype.bold the linter would see.
  const props: IRunOptions = {
    text,
    bold: options.bold ?? false,
    italics: options.italics ?? false,
    size: (options.size ?? 13) * 2,
  };
  return new TextRun(props);
};

const line = (
  text: string,
  options: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    align?: 'center' | 'left' | 'both';
    indent?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment:
      options.align === 'center'
        ? AlignmentType.CENTER
        : options.align === 'left'
          ? AlignmentType.LEFT
          : AlignmentType.JUSTIFIED,
    spacing: { before: 60, after: 60, line: 300 },
    ...(options.indent === true ? { indent: { firstLine: Math.round(10 * MM) } } : {}),
    children: [run(text, options)],
  });

/**
 * Two borderless columns across the text width, 38% and 62%: the frame's top and the signature block. Widths in
 * twentieths of a point (LibreOffice does not lay out percentages without a grid), so that the motto holds one line;
 * a long issuing body takes two, as Nghị định 30/2020 allows.
 */
function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const widths = [Math.round(TEXT_WIDTH * 0.38), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.38)];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0] ?? 0), cell(right, widths[1] ?? 0)] })],
  });
}

/** Word's default left and right cell margins (twips): a column's text is this much narrower than the column. */
const CELL_MARGINS = 216;
/** The left column of the frame's top, in twips. */
const LEFT_COLUMN = Math.round(TEXT_WIDTH * 0.38);

/**
 * A line's width in twips, estimated from its characters: Times New Roman's capitals take some 0.7 of the size, its
 * lower case some 0.5 (bold a little more). Enough to size a rule under the line and to decide where a name breaks.
 */
const printedWidth = (text: string, size: number) => {
  const capitals = text.replace(/[^\p{Lu}]/gu, '').length;
  return Math.round((capitals * 0.72 + (text.length - capitals) * 0.5) * size * 20);
};

/**
 * A name set in a column: on one line when it fits, else on two lines broken between words where the two are most
 * alike in length, before "VÀ" when that is as good — "SỞ THÔNG TIN / VÀ TRUYỀN THÔNG", never "… TRUYỀN / THÔNG".
 */
export function headingLines(text: string, size: number, width: number): string[] {
  if (printedWidth(text, size) <= width) return [text];
  const words = text.split(/\s+/u).filter((w) => w !== '');
  let best: string[] = [text];
  let bestScore = Infinity;
  for (let at = 1; at < words.length; at++) {
    const first = words.slice(0, at).join(' ');
    const second = words.slice(at).join(' ');
    const longer = Math.max(printedWidth(first, size), printedWidth(second, size));
    // A break before "VÀ" keeps "và" with what it joins (it wins over a break some three letters more even); a line
    // never ends on it.
    const score = longer - (words[at] === 'VÀ' ? 3 * size * 20 : 0) + (words[at - 1] === 'VÀ' ? TEXT_WIDTH : 0);
    if (score < bestScore) {
      bestScore = score;
      best = [first, second];
    }
  }
  return best;
}

/**
 * The horizontal rule of Nghị định 30/2020/NĐ-CP (Phụ lục I): a solid line `length` twips long, centred in a column
 * `width` wide, under the issuing body (a third to a half of its line) and under the motto (as long as the motto).
 */
const rule = (width: number, length: number) => {
  const side = Math.max(0, Math.round((width - CELL_MARGINS - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 80, line: 240 },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
};

/**
 * The frame's top: the issuing body and the number left, the national motto and the place and date right, each body
 * line set as the decree sets it (the body on one or two lines and a rule under it, a rule under the motto). A letter
 * (công văn) has its subject, "V/v …", under its number.
 */
function header(report: AnnualReport): Table {
  const body = headingLines(report.block.department.toUpperCase(), 12, LEFT_COLUMN - CELL_MARGINS);
  const longest = Math.max(...body.map((l) => printedWidth(l, 12)));
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  return twoColumns(
    [
      line(report.block.province.toUpperCase(), { align: 'center', size: 12 }),
      ...body.map((l) => line(l, { align: 'center', bold: true, size: 12 })),
      rule(LEFT_COLUMN, Math.round(longest * 0.4)),
      line(report.number, { align: 'center', size: 13 }),
      ...(report.title === '' ? [line(`V/v ${report.subject}`, { align: 'center', size: 12 })] : []),
    ],
    [
      line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', bold: true, size: 12 }),
      line(motto, { align: 'center', bold: true, size: 14 }),
      rule(TEXT_WIDTH - LEFT_COLUMN, printedWidth(motto, 14)),
      line(placeAndDate(report.block), { align: 'center', italics: true, size: 14 }),
    ],
  );
}

/**
 * "DỰ THẢO" as Nghị định 30/2020/NĐ-CP marks a draft: capitals, bold, in a box at the top right of the first page,
 * above the motto; why the document is a draft under it, in small italics.
 */
function draftMark(reason: string): Paragraph[] {
  const box = Math.round(40 * MM);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 40 },
      indent: { left: TEXT_WIDTH - box },
      border: {
        top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 },
        bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 },
        left: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
        right: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
      },
      children: [run('DỰ THẢO', { bold: true, size: 13 })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 0, after: 120 },
      indent: { left: Math.round(TEXT_WIDTH * 0.38) },
      children: [run(`Chưa phải bản chính thức: ${reason}.`, { italics: true, size: 11 })],
    }),
  ];
}

/**
 * An annex table's data rows are not built as docx objects: the national year's three annexes (11 000 persons) took docx
 * 1.9 GB and some 20 s, in its object model, then a tree of plain objects per element, then the XML. Such a table is
 * built with one data row whose cells hold markers; that row's XML, as docx writes it, is the template every data row
 * is then written from, its texts escaped as docx escapes text (escapeAll in docx's src/util/xml/stringify.ts). The
 * bytes are docx's own: test/report/docx-rows.test.ts renders generated tables both ways and compares them.
 */
interface TemplatedRows {
  readonly rows: readonly (readonly string[])[];
  readonly columns: number;
}

/** The marker of a template row's cell: letters and digits only, which docx writes as they are. */
const MARKER = 'ictevalTemplateRow';
const markerOf = (table: number, column: number) => `${MARKER}${table}c${column}x`;

/** What docx's XML writer makes of a text: &, ", ', <, > as entities, the control characters XML forbids left out. */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 does not allow, as docx removes them
const UNSAFE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/gu;
const escapeText = (text: string) => text.replace(UNSAFE, (char) => ESCAPES[char] ?? '');

/**
 * `word/document.xml` with each templated table's marker row replaced by its data rows, written from the template. The
 * rows are turned into UTF-8 a megabyte at a time: never one string of the whole document.
 */
function* spliceRows(xml: string, templated: readonly TemplatedRows[]): Generator<Buffer> {
  let from = 0;
  for (const [index, table] of templated.entries()) {
    const first = xml.indexOf(markerOf(index, 0), from);
    const start = xml.lastIndexOf('<w:tr>', first);
    const end = xml.indexOf('</w:tr>', first) + '</w:tr>'.length;
    if (first < 0 || start < from || end < first) throw new Error(`docx: no template row for table ${index + 1}`);
    const row = xml.slice(start, end);
    // One row, opened without attributes: were docx to write the row otherwise, the header row would be taken in.
    if (row.indexOf('<w:tr>', 1) >= 0) throw new Error(`docx: the template row of table ${index + 1} is not one row`);
    const parts: string[] = [];
    let at = 0;
    for (let column = 0; column < table.columns; column++) {
      const marker = markerOf(index, column);
      const found = row.indexOf(marker, at);
      if (found < 0) throw new Error(`docx: the template row of table ${index + 1} has no cell ${column + 1}`);
      parts.push(row.slice(at, found));
      at = found + marker.length;
    }
    parts.push(row.slice(at));
    yield Buffer.from(xml.slice(from, start));
    let chunk = '';
    for (const cells of table.rows) {
      chunk += parts[0] ?? '';
      for (let column = 0; column < table.columns; column++)
        chunk += escapeText(cells[column] ?? '') + (parts[column + 1] ?? '');
      if (chunk.length >= 1 << 20) {
        yield Buffer.from(chunk);
        chunk = '';
      }
    }
    yield Buffer.from(chunk);
    from = end;
  }
  yield Buffer.from(xml.slice(from));
}

/**
 * A bordered table with a bold header row. Given `templated`, its data rows are one template row, and the rows are
 * added to `templated` for spliceRows.
 */
function table(data: ReportTable, templated?: TemplatedRows[]): Table {
  const template =
    templated === undefined || data.rows.length === 0
      ? undefined
      : templated.push({ rows: data.rows, columns: data.columns.length }) - 1;
  const total = data.columns.reduce((sum, c) => sum + c.width, 0);
  const cell = (text: string, width: number, bold: boolean) =>
    new TableCell({
      width: { size: Math.round((width / total) * 100), type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { bold, size: 12 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: data.columns.map((c) => cell(c.header, c.width, true)) }),
      ...(data.rows.length === 0
        ? [new TableRow({ children: data.columns.map((c, i) => cell(i === 1 ? 'Không có.' : '', c.width, false)) })]
        : template !== undefined
          ? [new TableRow({ children: data.columns.map((c, i) => cell(markerOf(template, i), c.width, false)) })]
          : data.rows.map(
              (row) => new TableRow({ children: data.columns.map((c, i) => cell(row[i] ?? '', c.width, false)) }),
            )),
    ],
  });
}

/** Colours that stay apart when printed in grey: the top group dark blue, the middle light grey, the bottom red. */
const TONES: Record<Exclude<SeriesTone, 'plain'>, string> = { top: '1F4E79', middle: 'BFBFBF', bottom: 'C00000' };
const PLAIN = ['1F4E79', 'C55A11', '7F7F7F', 'BF9000', '548235', '7030A0'];
/** The chart's size in pixels (96 to the inch): the text width of the portrait page, 8.5 cm high. */
const CHART = { width: Math.round((165 / 25.4) * 96), height: Math.round((85 / 25.4) * 96) };

/** The options of Word's own chart for a chart of the report: it opens in Word and LibreOffice, and can be edited. */
export function chartOptions(chart: ReportChart, font: string): ChartRunOptions {
  const base = {
    title: { text: chart.title, font: { size: 11, bold: true } },
    font: { name: font },
    legend: { position: 'bottom' as const, font: { size: 9 } },
    transformation: CHART,
    altText: { name: chart.title, description: chart.caption },
  };
  if (chart.kind === 'columns')
    return {
      ...base,
      type: 'column',
      categories: chart.categories,
      stacking: chart.stacked ? 'stacked' : 'none',
      gapWidth: chart.stacked ? 40 : 150,
      series: chart.series.map((s, i) => ({
        name: s.name,
        values: s.values,
        color: s.tone === 'plain' ? PLAIN[i % PLAIN.length] : TONES[s.tone],
      })),
      categoryAxis: { title: { text: chart.xTitle, font: { size: 9 } }, font: { size: 8 } },
      valueAxis: { title: { text: chart.yTitle, font: { size: 9 } }, font: { size: 8 }, minimum: 0, numberFormat: '0' },
    };
  const same = 'Giữ nguyên hạng';
  return {
    ...base,
    type: 'scatter',
    legend: { ...base.legend, hiddenEntries: [`${same} `] },
    series: [
      ...chart.series.map((s, i) => ({ name: s.name, points: s.points, color: PLAIN[i % PLAIN.length] })),
      // The "same rank" line: a series without markers whose straight-line fit is the diagonal.
      {
        name: `${same} `,
        points: [
          { x: 1, y: 1 },
          { x: chart.extent, y: chart.extent },
        ],
        markers: false,
        color: '7F7F7F',
        trendlines: [{ type: 'linear', name: same }],
      },
    ],
    xAxis: { title: { text: chart.xTitle, font: { size: 9 } }, font: { size: 8 }, minimum: 0, maximum: chart.extent },
    yAxis: { title: { text: chart.yTitle, font: { size: 9 } }, font: { size: 8 }, minimum: 0, maximum: chart.extent },
  };
}

/** A chart, then its caption "Biểu đồ n. …" under it. */
function chart(data: ReportChart, number: number, font: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      // ChartRun extends docx's own Run (docx/charts imports it from "docx"): the rule sees two declarations of one class.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      children: [new ChartRun(chartOptions(data, font))],
    }),
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: { after: 120 },
      children: [
        run(`Biểu đồ ${number}. `, { bold: true, italics: true, size: 12 }),
        run(data.caption, { italics: true, size: 12 }),
      ],
    }),
  ];
}

/** The signature block and the recipients: Nơi nhận left, the signer right. */
function signature(report: AnnualReport): Table {
  const { signerTitle, signer } = report.block.signature;
  return twoColumns(
    [
      line('Nơi nhận:', { bold: true, italics: true, size: 12, align: 'left' }),
      ...report.recipients.map((r) => line(`- ${r}`, { size: 11, align: 'left' })),
    ],
    [
      line(signerTitle.toUpperCase(), { bold: true, align: 'center', size: 13 }),
      line('(Ký, ghi rõ họ tên, đóng dấu)', { italics: true, align: 'center', size: 13 }),
      line('', {}),
      line('', {}),
      line('', {}),
      line(signer ?? '', { bold: true, align: 'center', size: 13 }),
    ],
  );
}

/** An A4 page, margins 20 mm top and bottom, 15 mm right and `left` mm left (mm in Word's twips). */
function a4Page(orientation: (typeof PageOrientation)[keyof typeof PageOrientation], left: number) {
  const mm = (n: number) => Math.round(n * MM);
  return {
    page: {
      size: { width: mm(210), height: mm(297), orientation },
      margin: { top: mm(20), bottom: mm(20), left: mm(left), right: mm(15) },
    },
  };
}

/**
 * The report as a .docx in the layout of Nghị định 30/2020/NĐ-CP: A4 portrait, margins 20/20/30/15 mm, Times New
 * Roman 13–14 pt, the frame, the sections, the signature, then the appendices on landscape pages. Fixed bytes for
 * fixed content: the package is re-packed with one date, and its creation dates are the year's.
 */
export async function renderReport(
  report: AnnualReport,
  font = report.block.font,
  options: { readonly rowTemplates?: boolean } = {},
): Promise<Buffer> {
  // Docx's own rows when asked (the tests' reference), or when a text holds the marker (never, but then spliceRows
  // would find it in the wrong place).
  const templated: TemplatedRows[] | undefined =
    options.rowTemplates === false || JSON.stringify(report).includes(MARKER) ? undefined : [];
  const portrait = a4Page(PageOrientation.PORTRAIT, 30);
  const landscape = a4Page(PageOrientation.LANDSCAPE, 20);
  let charts = 0;
  const body = [
    ...(report.draft === undefined ? [] : draftMark(report.draft)),
    header(report),
    line('', {}),
    ...(report.title === ''
      ? []
      : [
          line(report.title, { bold: true, align: 'center', size: 14 }),
          line(report.subject, { bold: true, align: 'center', size: 14 }),
        ]),
    ...(report.addressee === undefined ? [] : [line(`Kính gửi: ${report.addressee}.`, { align: 'center', size: 14 })]),
    line('', {}),
    ...report.basis.map((b) => line(b, { italics: true, indent: true })),
    ...report.sections.flatMap((section) => [
      ...(section.heading === '' ? [] : [line(section.heading, { bold: true, align: 'left' })]),
      ...section.paragraphs.map((p) => line(p, { indent: true })),
      ...(section.charts ?? []).flatMap((c) => chart(c, ++charts, font)),
    ]),
    line('', {}),
    signature(report),
  ];
  const appendices = report.appendices.flatMap((appendix) => [
    line(appendix.title.toUpperCase(), { bold: true, align: 'center', size: 13 }),
    line(`(Kèm theo ${report.attachedTo})`, {
      italics: true,
      align: 'center',
      size: 12,
    }),
    table(appendix, templated),
    line('', {}),
  ]);
  const date = new Date(Date.UTC(report.block.year, 11, 31));
  const document = new Document({
    creator: 'ict-eval',
    lastModifiedBy: 'ict-eval',
    title: report.subject,
    styles: { default: { document: { run: { font, size: 26 } } } },
    sections: [
      { properties: portrait, children: body },
      { properties: landscape, children: appendices },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  // docx names the relationship of each chart with a random id (nanoid): numbered here by first appearance, in the
  // package's fixed order, so that the same report has the same bytes. A chart's data is a workbook inside the package,
  // zipped with today's date: re-packed with the year's, as the rest.
  const ids = new Map<string, string>();
  const fixedIds = (xml: string) =>
    xml.replace(/\brId([a-z0-9_-]{21})(?=")/gu, (_match, random: string) => {
      const known = ids.get(random) ?? `rIdChart${ids.size + 1}`;
      ids.set(random, known);
      return known;
    });
  const stamp = date.toISOString().slice(0, 19);
  return repack(Buffer.from(bytes), report.block.year, (name, data) => {
    if (name.startsWith('word/embeddings/') && name.endsWith('.xlsx')) return repack(data, report.block.year);
    if (name === 'docProps/core.xml')
      return Buffer.from(
        data
          .toString('utf8')
          .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/u, `$1${stamp}Z$2`)
          .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/u, `$1${stamp}Z$2`),
      );
    if (name === 'word/document.xml' && templated !== undefined && templated.length > 0)
      return deflatePieces(name, spliceRows(fixedIds(data.toString('utf8')), templated));
    if (/\.(xml|rels)$/u.test(name)) return Buffer.from(fixedIds(data.toString('utf8')));
    return data;
  });
}
