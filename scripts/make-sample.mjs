#!/usr/bin/env node
// Writes fixtures/sample/: a fictional province's workspace for 2023 and 2024, with the
// interesting cases of rules.md. Deterministic (no clock, no randomness): run it again and
// the same files come out. All names are invented.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sample');
const ITEMS = [
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
  '2.7',
  '2.8',
  '2.9',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '4.5',
  '4.6',
];
const FIRST = { 1: '1.1', 2: '2.7', 3: '3.4', 4: '4.5' };

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Đức', 'Thanh', 'Hữu'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hải',
  'Khánh',
  'Lan',
  'Mạnh',
  'Ngọc',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Uyên',
  'Việt',
  'Xuân',
  'Yến',
  'Hòa',
  'Lực',
];
let personIndex = 0;
const personName = () => {
  const i = personIndex++;
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
};

// code, name, block, score 2024 (null = none), score 2023 (undefined = not in 2023), case.
// The cases of rules.md v2, one unit each where possible:
// - deputy: an assigned deputy (sections, document); heads: two heads in the year (periods);
//   acting: an acting head; vacant: no head (only a deputy); kind: a unit kind other than the default;
// - notMet: violated sections (assessed "Không đạt" on the first item of each); info: 4.2 not met (information only);
//   rule34: 3.4 assessed "Không đạt" for a unit Điều 11 does not bind; notAssessed: an item the Sở left blank;
//   dispute: the unit says "Không đạt", the Sở "Đạt"; notApplicable: "Không áp dụng" with a reason;
// - noReport: no report, no assessment; reportOnlyAssessed: assessed, no report; oldColumn: a v1 "Thẩm định" column;
// - notInIndex: "Xếp hạng ICT Index" = Không; previous: the codes of last year (renamed, merged);
// - slow, review (with its document), achievement (to the unit, or to the head by name);
// - newHead: last year's units file names another head (a reprimand resting on two bottom years goes to review).
const UNITS = [
  ['VPUB', 'Văn phòng UBND tỉnh', 'SBN', 0.812, 0.79, { deputy: [2, 4] }],
  [
    'STTTT',
    'Sở Thông tin và Truyền thông',
    'SBN',
    0.812,
    0.805,
    { achievement: 'Giải Nhất chuyển đổi số cấp tỉnh', toHead: true },
  ],
  ['SNV', 'Sở Nội vụ', 'SBN', 0.7705, 0.701, { reportOnlyAssessed: true }],
  ['STC', 'Sở Tài chính', 'SBN', 0.7705, 0.74, { notMet: [2] }],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 'SBN', 0.75, 0.73, { info: true }],
  ['STP', 'Sở Tư pháp', 'SBN', 0.732, 0.715, { dispute: '2.9' }],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SBN', 0.721, 0.69, { notApplicable: '4.6' }],
  ['SYT', 'Sở Y tế', 'SBN', 0.71, 0.7, { notMet: [1], slow: true }],
  [
    'SXD',
    'Sở Xây dựng',
    'SBN',
    0.7005,
    0.685,
    {
      notMet: [1],
      slow: true,
      heads: [
        ['2024-01-01', '2024-06-15'],
        ['2024-06-16', '2024-12-31'],
      ],
    },
  ],
  ['SGTVT', 'Sở Giao thông vận tải', 'SBN', 0.695, 0.67, { notMet: [3], oldColumn: true }],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'SBN', 0.68, 0.66, {}],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 'SBN', 0.665, 0.655, { notMet: [1, 2, 3] }],
  ['SCT', 'Sở Công Thương', 'SBN', 0.65, 0.64, { vacant: true }],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'SBN', 0.64, 0.63, { notAssessed: '3.2' }],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SBN', 0.63, 0.625, {}],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SBN', 0.61, 0.6, { acting: true }],
  ['TTRA', 'Thanh tra tỉnh', 'SBN', 0.56, 0.58, { noReport: true }],
  [
    'BQLKCN',
    'Ban Quản lý các khu công nghiệp',
    'SBN',
    0.52,
    0.51,
    { notMet: [2, 4], slow: true, kind: 'Sở, ban, ngành khác', rule34: true, newHead: true },
  ],
  ['SNGV', 'Sở Ngoại vụ', 'SBN', 0.48, 0.45, { notMet: [1, 3] }],
  ['BDT', 'Ban Dân tộc', 'SBN', null, undefined, {}],
  [
    'BQLDA',
    'Ban Quản lý dự án đầu tư xây dựng tỉnh',
    'SBN',
    null,
    undefined,
    { kind: 'Sở, ban, ngành khác', notInIndex: true },
  ],
  ['TPAL', 'Thành phố An Lạc', 'HUYEN', 0.84, 0.82, { notMet: [3], deputy: [1, 2] }],
  ['TXDP', 'Thị xã Đông Phú', 'HUYEN', 0.79, 0.76, { previous: 'HDP' }],
  ['HLS', 'Huyện Lạc Sơn', 'HUYEN', 0.73, 0.735, { notMet: [1, 2, 3, 4], review: true }],
  ['HMT', 'Huyện Minh Tân', 'HUYEN', 0.7, 0.69, {}],
  ['HNL', 'Huyện Ngọc Lâm', 'HUYEN', 0.68, 0.67, { notMet: [1, 2, 3, 4] }],
  ['HTM', 'Huyện Tân Mỹ', 'HUYEN', 0.66, 0.645, { achievement: 'Mô hình xã thông minh được Bộ biểu dương' }],
  ['HYT', 'Huyện Yên Thái', 'HUYEN', 0.62, 0.6, { notMet: [4], review: true }],
  ['HPL', 'Huyện Phú Lộc', 'HUYEN', 0.59, undefined, {}],
  ['HGB', 'Huyện Gia Bình', 'HUYEN', 0.55, 0.52, { previous: 'HGB, HLT' }],
  ['HQV', 'Huyện Quế Võ', 'HUYEN', 0.42, 0.4, { notMet: [2, 4], slow: true }],
];
// Units of the index in 2023 only (renamed since), and one in the index that is not rated. HGB names HLT
// as merged into it: HLT was a unit in 2023 (its units file lists it) but had no score, so last year's group of HGB
// cannot be settled. (A previous code in neither 2023 file names nothing: malformed data, product.md v3.)
const ONLY_2023 = [['HDP', 'Huyện Đông Phú', 'HUYEN', 0.76]];
const UNRANKED_2023 = [['HLT', 'Huyện Lạc Thành', 'HUYEN']];
const INDEX_ONLY = [['CAT', 'Công an tỉnh', 'SBN', 0.7]];

function titled(ws, width, title) {
  ws.addRow(['UBND TỈNH AN LẠC']);
  ws.addRow(['SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
  ws.addRow([title]);
  ws.addRow([]);
  for (let r = 1; r <= 3; r++) ws.mergeCells(r, 1, r, width);
}

async function save(book, path) {
  book.created = book.modified = new Date(Date.UTC(2024, 11, 31));
  book.creator = book.lastModifiedBy = 'make-sample';
  await mkdir(dirname(path), { recursive: true });
  // Re-packed with one fixed date on every zip entry, so that rerunning the script changes no byte.
  const source = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const packed = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (!entry.dir)
      packed.file(entry.name, await entry.async('nodebuffer'), { date: book.created, createFolders: false });
  }
  await writeFile(path, await packed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' }));
}

const UNIT_HEADERS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Khối',
  'Loại đơn vị',
  'Họ và tên',
  'Chức vụ',
  'Vai trò',
  'Từ ngày',
  'Đến ngày',
  'Mục được phân công',
  'Văn bản phân công',
  'Xếp hạng ICT Index',
  'Mã đơn vị năm trước',
];

function headTitle(code, name, block) {
  if (block !== 'SBN')
    return `Chủ tịch UBND ${name.startsWith('Thành phố') ? 'thành phố' : name.startsWith('Thị xã') ? 'thị xã' : 'huyện'}`;
  if (code === 'VPUB') return 'Chánh Văn phòng';
  if (code === 'TTRA') return 'Chánh Thanh tra';
  return code.startsWith('B') ? 'Trưởng ban' : 'Giám đốc';
}

const dmy = (iso) => iso.split('-').reverse().join('/');

/** The units workbook of 2024 (v2 columns), and the head of each unit, for 2023's file and the follow-up. */
async function writeUnits() {
  const heads = new Map();
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Danh sách');
  titled(ws, UNIT_HEADERS.length, 'DANH SÁCH NGƯỜI CHỊU TRÁCH NHIỆM NĂM 2024');
  ws.addRow(UNIT_HEADERS);
  for (const [code, name, block, , , c] of UNITS) {
    const kind = c.kind ?? (block === 'SBN' ? 'Cơ quan chuyên môn' : 'UBND cấp huyện');
    const unit = [code, name, block, kind];
    const tail = [c.notInIndex ? 'Không' : 'Có', c.previous ?? ''];
    const periods = c.heads ?? (c.vacant ? [] : [null]);
    for (const period of periods) {
      const person = personName();
      if (!heads.has(code)) heads.set(code, person);
      const role = c.acting ? 'Quyền / phụ trách' : 'Người đứng đầu';
      const title = c.acting ? 'Phó Giám đốc phụ trách' : headTitle(code, name, block);
      ws.addRow([
        ...unit,
        person,
        title,
        role,
        period ? dmy(period[0]) : '',
        period ? dmy(period[1]) : '',
        '',
        '',
        ...tail,
      ]);
    }
    const deputySections = c.deputy ?? (c.vacant ? 'Tất cả' : undefined);
    if (deputySections !== undefined) {
      const sections = Array.isArray(deputySections) ? deputySections.join(', ') : deputySections;
      const title =
        block === 'SBN' ? (code === 'VPUB' ? 'Phó Chánh Văn phòng' : 'Phó Giám đốc') : 'Phó Chủ tịch UBND thành phố';
      ws.addRow([
        ...unit,
        personName(),
        title,
        'Cấp phó được phân công',
        '',
        '',
        sections,
        `Quyết định số 15/QĐ-${code} ngày 05/01/2024`,
        ...tail,
      ]);
    }
  }
  await save(book, join(root, '2024', 'units.xlsx'));
  return heads;
}

/** Last year's units: the same heads, except where the sample says the head changed. */
async function writeUnits2023(heads) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Danh sách');
  titled(ws, 7, 'DANH SÁCH NGƯỜI CHỊU TRÁCH NHIỆM NĂM 2023');
  ws.addRow(UNIT_HEADERS.slice(0, 7));
  for (const [code, name, block, , s2023, c] of UNITS) {
    if (s2023 === undefined || !heads.has(code)) continue;
    const kind = c.kind ?? (block === 'SBN' ? 'Cơ quan chuyên môn' : 'UBND cấp huyện');
    const person = c.newHead ? 'Lê Văn Toàn' : heads.get(code);
    ws.addRow([code, name, block, kind, person, headTitle(code, name, block), 'Người đứng đầu']);
  }
  for (const [code, name, block] of ONLY_2023) {
    ws.addRow([code, name, block, 'UBND cấp huyện', 'Trần Văn Đông', headTitle(code, name, block), 'Người đứng đầu']);
  }
  for (const [code, name, block] of UNRANKED_2023) {
    ws.addRow([code, name, block, 'UBND cấp huyện', 'Đỗ Thành Lạc', headTitle(code, name, block), 'Người đứng đầu']);
  }
  await save(book, join(root, '2023', 'units.xlsx'));
}

async function writeScores() {
  for (const year of [2023, 2024]) {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(`ICT Index ${year}`);
    titled(ws, 6, `KẾT QUẢ XẾP HẠNG CHỈ SỐ ICT INDEX NĂM ${year}`);
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Hạ tầng kỹ thuật', 'Điểm ICT Index', 'Hạng']);
    const rows = UNITS.map(([code, name, block, s2024, s2023, c]) => [
      code,
      name,
      block,
      year === 2024 ? s2024 : s2023,
      c,
    ]).filter((r) => r[3] !== undefined && !(year === 2024 && r[4].notInIndex));
    if (year === 2023) for (const [code, name, block, score] of ONLY_2023) rows.push([code, name, block, score, {}]);
    if (year === 2024) for (const [code, name, block, score] of INDEX_ONLY) rows.push([code, name, block, score, {}]);
    // The official rank (Hạng) for the district block of 2024, as the published index gives it.
    const huyen = rows.filter((r) => r[2] === 'HUYEN' && r[3] !== null).map((r) => r[3]);
    for (const [code, name, block, score] of rows) {
      const official =
        year === 2024 && block === 'HUYEN' && score !== null ? 1 + huyen.filter((s) => s > score).length : null;
      const row = ws.addRow([
        code,
        name,
        block,
        score === null ? null : Math.round(score * 4000) / 10000,
        null,
        official,
      ]);
      // The score is a formula with its cached result, as Excel stores it.
      row.getCell(5).value =
        score === null
          ? null
          : {
              formula: `D${row.number}/0.4*0.4+${(score - Math.round(score * 4000) / 10000).toFixed(4)}`,
              result: score,
            };
    }
    await save(book, join(root, String(year), 'scores.xlsx'));
  }
}

/** The Sở's status of an item for a unit: "Không đạt" on the first item of each violated section, etc. */
function assessed(item, c) {
  const notMet = new Set((c.notMet ?? []).map((s) => FIRST[s]));
  if (notMet.has(item)) return { status: 'Không đạt', note: 'Sở kiểm tra: chưa đáp ứng' };
  if (c.info && item === '4.2') return { status: 'Không đạt', note: 'Chưa bố trí kinh phí riêng cho CNTT' };
  if (c.rule34 && item === '3.4') return { status: 'Không đạt', note: 'Chưa có cán bộ chuyên trách' };
  if (item === c.notAssessed) return { status: '', note: '' };
  if (item === c.notApplicable) return { status: 'Không áp dụng', note: 'Không có dự án đầu tư CNTT trong năm' };
  return { status: 'Đạt', note: '' };
}

async function writeReports() {
  for (const [code, name, , , , c] of UNITS) {
    if (c.noReport || c.reportOnlyAssessed) continue;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Tự đánh giá');
    const headers = [
      'Mã đơn vị',
      'Mã tiêu chí',
      'Tự đánh giá',
      'Minh chứng',
      ...(c.oldColumn ? ['Thẩm định'] : []),
      'Ghi chú',
    ];
    titled(ws, headers.length, `BÁO CÁO TỰ ĐÁNH GIÁ NĂM 2024 - ${name.toUpperCase()}`);
    ws.addRow(headers);
    for (const item of ITEMS) {
      const sở = assessed(item, c);
      // Units report themselves "Đạt" except where they know better; the Sở decides.
      let self = sở.status === 'Không đạt' && item !== FIRST[2] ? 'Không đạt' : 'Đạt';
      let note = '';
      let evidence = `Văn bản số ${10 + ITEMS.indexOf(item)}/${code}`;
      if (item === c.dispute) self = 'Không đạt';
      if (item === c.notApplicable) {
        self = 'Không áp dụng';
        note = 'Không có dự án đầu tư CNTT trong năm';
        evidence = '';
      }
      ws.addRow([code, item, self, evidence, ...(c.oldColumn ? [sở.status] : []), note]);
    }
    ws.getColumn(2).numFmt = '@';
    await save(book, join(root, '2024', 'self-reports', `${code}.xlsx`));
  }
}

/** The Sở's assessment, wide: one row per unit, one column per item, the row's note for its "Không áp dụng". */
async function writeAssessment() {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Đánh giá của Sở');
  titled(ws, ITEMS.length + 3, 'KẾT QUẢ ĐÁNH GIÁ CỦA SỞ NĂM 2024');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', ...ITEMS, 'Ghi chú']);
  for (const [code, name, , , , c] of UNITS) {
    if (c.noReport) continue;
    const statuses = ITEMS.map((item) => assessed(item, c));
    const notes = [...new Set(statuses.map((s) => s.note).filter(Boolean))];
    ws.addRow([code, name, ...statuses.map((s) => s.status || null), notes.join('; ')]);
  }
  await save(book, join(root, '2024', 'assessment.xlsx'));
}

async function writeFollowUp(heads) {
  const follow = new ExcelJS.Workbook();
  const fs = follow.addWorksheet('Theo dõi');
  titled(fs, 7, 'THEO DÕI THỰC HIỆN KẾT LUẬN NĂM 2024');
  fs.addRow([
    'Mã đơn vị',
    'Chậm triển khai kết luận',
    'Yêu cầu kiểm điểm',
    'Văn bản yêu cầu kiểm điểm',
    'Thành tích đặc biệt',
    'Người được đề nghị thưởng',
    'Căn cứ / ghi chú',
  ]);
  for (const [code, , , , , c] of UNITS) {
    if (!c.slow && !c.review && !c.achievement) continue;
    const notes = [c.slow ? 'Chậm triển khai Kết luận số 45-KL/UBND' : '', c.achievement ?? ''].filter(Boolean);
    fs.addRow([
      code,
      c.slow ? 'Có' : 'Không',
      c.review ? 'Có' : 'Không',
      c.review ? 'Văn bản số 210/UBND-NC ngày 12/11/2024' : '',
      c.achievement ? 'Có' : 'Không',
      c.achievement && c.toHead ? heads.get(code) : '',
      notes.join('; '),
    ]);
  }
  await save(follow, join(root, '2024', 'follow-up.xlsx'));
}

// 2025: the year users run now, in a province that changed (rules.md v3, "The legal context of the year").
// - Sở TT&TT merged into Sở KH&CN on 1/3/2025: STTTT active until 28/02/2025; Sở Nông nghiệp và Môi trường (SNNMT)
//   from 01/03/2025 (merged from SNNPTNT and STNMT): units that existed for part of the year.
// - On 1/7/2025 the province merged with its neighbour; every sở continued as one unit (legal.mergers, "all-departments").
// - District-level government ended on 1/7/2025: every district active until 30/06/2025, not ranked in the 2025 index.
// - Communes and wards from 01/07/2025 in a configured block XA (Loại đơn vị blank: the block's default, UBND cấp xã);
//   one ward of the neighbour's former territory (Địa bàn "Bắc Giang cũ"): out of scope.
// - The scores are the DTI (out of 1 000), headed "Điểm DTI"; the act adopting it is NOT in the configuration, so the
//   2025 outputs are a DỰ THẢO that names it.
// - Sở Ngoại vụ was dissolved at the end of 2024 and is still listed: not evaluated, with a warning.
// code, name, block, DTI 2025 (null = none), case.
const UNITS_2025 = [
  ['VPUB', 'Văn phòng UBND tỉnh', 'SBN', 742.5, { deputy: [2, 4] }],
  ['STTTT', 'Sở Thông tin và Truyền thông', 'SBN', null, { to: '2025-02-28', notInIndex: true }],
  ['SNV', 'Sở Nội vụ', 'SBN', 701.2, {}],
  ['STC', 'Sở Tài chính', 'SBN', 688.4, { notMet: [2] }],
  ['STP', 'Sở Tư pháp', 'SBN', 676.0, {}],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SBN', 669.3, {}],
  ['SYT', 'Sở Y tế', 'SBN', 655.1, { notMet: [1], slow: true }],
  ['SXD', 'Sở Xây dựng', 'SBN', 648.8, {}],
  [
    'SNNMT',
    'Sở Nông nghiệp và Môi trường',
    'SBN',
    640.2,
    { from: '2025-03-01', previous: 'SNNPTNT, STNMT', notMet: [3], slow: true },
  ],
  ['SCT', 'Sở Công Thương', 'SBN', 633.7, { vacant: true }],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SBN', 620.9, {}],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SBN', 781.4, { acting: true }],
  ['TTRA', 'Thanh tra tỉnh', 'SBN', 590.6, { noReport: true }],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp', 'SBN', 575.3, { kind: 'Sở, ban, ngành khác', notMet: [2] }],
  ['BDT', 'Ban Dân tộc', 'SBN', 560.0, {}],
  ['SNGV', 'Sở Ngoại vụ', 'SBN', null, { to: '2024-12-31', notInIndex: true }],
  ['TPAL', 'Thành phố An Lạc', 'HUYEN', null, { to: '2025-06-30', notInIndex: true, deputy: [1, 2] }],
  ['TXDP', 'Thị xã Đông Phú', 'HUYEN', null, { to: '2025-06-30', notInIndex: true }],
  ['HLS', 'Huyện Lạc Sơn', 'HUYEN', null, { to: '2025-06-30', notInIndex: true, notMet: [1, 2, 3, 4], review: true }],
  [
    'HTM',
    'Huyện Tân Mỹ',
    'HUYEN',
    null,
    { to: '2025-06-30', notInIndex: true, achievement: 'Hoàn thành chuyển đổi số cấp huyện trước hạn', toHead: true },
  ],
  ['HQV', 'Huyện Quế Võ', 'HUYEN', null, { to: '2025-06-30', notInIndex: true, notMet: [2, 4], slow: true }],
  ['PAL', 'Phường An Lạc', 'XA', 702.5, { from: '2025-07-01', previous: 'TPAL' }],
  ['PDP', 'Phường Đông Phú', 'XA', 655.0, { from: '2025-07-01', previous: 'TXDP' }],
  ['XLS', 'Xã Lạc Sơn', 'XA', 540.2, { from: '2025-07-01', previous: 'HLS', notMet: [1] }],
  ['XMT', 'Xã Minh Tân', 'XA', 598.7, { from: '2025-07-01' }],
  ['PTMB', 'Phường Tân Mỹ Bắc', 'XA', 610.4, { from: '2025-07-01', territory: 'Bắc Giang cũ' }],
];
const UNIT_HEADERS_2025 = [
  ...UNIT_HEADERS.slice(0, 11),
  'Xếp hạng DTI',
  'Mã đơn vị năm trước',
  'Hoạt động từ ngày',
  'Hoạt động đến ngày',
  'Địa bàn',
];

function kind2025(block, c) {
  if (c.kind) return c.kind;
  if (block === 'SBN') return 'Cơ quan chuyên môn';
  if (block === 'HUYEN') return 'UBND cấp huyện';
  return ''; // XA: blank, the configured block's default kind
}

function headTitle2025(code, name, block) {
  if (block === 'XA') return `Chủ tịch UBND ${name.startsWith('Phường') ? 'phường' : 'xã'}`;
  return headTitle(code, name, block);
}

/** 2025's units: the 2024 heads where the unit continues, new heads for new units. */
async function writeUnits2025(heads2024) {
  const heads = new Map();
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Danh sách');
  titled(ws, UNIT_HEADERS_2025.length, 'DANH SÁCH NGƯỜI CHỊU TRÁCH NHIỆM NĂM 2025');
  ws.addRow(UNIT_HEADERS_2025);
  for (const [code, name, block, , c] of UNITS_2025) {
    const unit = [code, name, block, kind2025(block, c)];
    const tail = [
      c.notInIndex ? 'Không' : 'Có',
      c.previous ?? '',
      c.from ? dmy(c.from) : '',
      c.to ? dmy(c.to) : '',
      c.territory ?? (block === 'XA' ? 'Bắc Ninh cũ' : ''),
    ];
    if (!c.vacant) {
      const person = heads2024.get(code) ?? personName();
      heads.set(code, person);
      const role = c.acting ? 'Quyền / phụ trách' : 'Người đứng đầu';
      const title = c.acting ? 'Phó Giám đốc phụ trách' : headTitle2025(code, name, block);
      ws.addRow([...unit, person, title, role, '', '', '', '', ...tail]);
    }
    const deputySections = c.deputy ?? (c.vacant ? 'Tất cả' : undefined);
    if (deputySections !== undefined) {
      const sections = Array.isArray(deputySections) ? deputySections.join(', ') : deputySections;
      const title =
        block === 'SBN' ? (code === 'VPUB' ? 'Phó Chánh Văn phòng' : 'Phó Giám đốc') : 'Phó Chủ tịch UBND thành phố';
      ws.addRow([
        ...unit,
        personName(),
        title,
        'Cấp phó được phân công',
        '',
        '',
        sections,
        `Quyết định số 12/QĐ-${code} ngày 06/01/2025`,
        ...tail,
      ]);
    }
  }
  await save(book, join(root, '2025', 'units.xlsx'));
  return heads;
}

/** The 2025 DTI, out of 1 000, as the province publishes it; units of the index only (the districts had ended). */
async function writeScores2025() {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('DTI 2025');
  titled(ws, 5, 'KẾT QUẢ CHỈ SỐ CHUYỂN ĐỔI SỐ (DTI) NĂM 2025');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Điểm DTI', 'Xếp loại DTI']);
  for (const [code, name, block, score, c] of UNITS_2025) {
    if (c.notInIndex) continue;
    // The DTI's class is carried through as a component; it is never a rating of Điều 15.
    ws.addRow([code, name, block, score, score >= 700 ? 'Tốt' : 'Khá']);
  }
  await save(book, join(root, '2025', 'scores.xlsx'));
}

async function writeReports2025() {
  for (const [code, name, , , c] of UNITS_2025) {
    if (c.noReport || (c.to && c.to < '2025-01-01')) continue;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Tự đánh giá');
    titled(ws, 5, `BÁO CÁO TỰ ĐÁNH GIÁ NĂM 2025 - ${name.toUpperCase()}`);
    ws.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Tự đánh giá', 'Minh chứng', 'Ghi chú']);
    for (const item of ITEMS) {
      const sở = assessed(item, c);
      const self = sở.status === 'Không đạt' && item !== FIRST[2] ? 'Không đạt' : 'Đạt';
      ws.addRow([code, item, self, `Văn bản số ${20 + ITEMS.indexOf(item)}/${code}`, '']);
    }
    ws.getColumn(2).numFmt = '@';
    await save(book, join(root, '2025', 'self-reports', `${code}.xlsx`));
  }
}

async function writeAssessment2025() {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Đánh giá của Sở');
  titled(ws, ITEMS.length + 3, 'KẾT QUẢ ĐÁNH GIÁ CỦA SỞ NĂM 2025');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', ...ITEMS, 'Ghi chú']);
  for (const [code, name, , , c] of UNITS_2025) {
    if (c.noReport || (c.to && c.to < '2025-01-01')) continue;
    const statuses = ITEMS.map((item) => assessed(item, c));
    const notes = [...new Set(statuses.map((s) => s.note).filter(Boolean))];
    ws.addRow([code, name, ...statuses.map((s) => s.status || null), notes.join('; ')]);
  }
  await save(book, join(root, '2025', 'assessment.xlsx'));
}

async function writeFollowUp2025(heads) {
  const follow = new ExcelJS.Workbook();
  const fs = follow.addWorksheet('Theo dõi');
  titled(fs, 7, 'THEO DÕI THỰC HIỆN KẾT LUẬN NĂM 2025');
  fs.addRow([
    'Mã đơn vị',
    'Chậm triển khai kết luận',
    'Yêu cầu kiểm điểm',
    'Văn bản yêu cầu kiểm điểm',
    'Thành tích đặc biệt',
    'Người được đề nghị thưởng',
    'Căn cứ / ghi chú',
  ]);
  for (const [code, , , , c] of UNITS_2025) {
    if (!c.slow && !c.review && !c.achievement) continue;
    const notes = [c.slow ? 'Chậm triển khai Kết luận số 12-KL/UBND' : '', c.achievement ?? ''].filter(Boolean);
    fs.addRow([
      code,
      c.slow ? 'Có' : 'Không',
      c.review ? 'Có' : 'Không',
      c.review ? 'Văn bản số 95/UBND-NC ngày 20/5/2025' : '',
      c.achievement ? 'Có' : 'Không',
      c.achievement && c.toHead ? heads.get(code) : '',
      notes.join('; '),
    ]);
  }
  await save(follow, join(root, '2025', 'follow-up.xlsx'));
}

async function main() {
  await rm(root, { recursive: true, force: true });
  const heads = await writeUnits();
  await writeUnits2023(heads);
  await writeScores();
  await writeReports();
  await writeAssessment();
  await writeFollowUp(heads);
  const heads2025 = await writeUnits2025(heads);
  await writeScores2025();
  await writeReports2025();
  await writeAssessment2025();
  await writeFollowUp2025(heads2025);
  await writeFile(
    join(root, 'ict-eval.config.json'),
    `${JSON.stringify(
      {
        province: 'UBND TỈNH AN LẠC',
        policy: {},
        // The ICT Index indicator (QĐ 15/2011/QĐ-UBND) some items are judged by, shown beside them.
        indicators: {
          1.1: 'Hạ tầng kỹ thuật (chỉ số thành phần 1)',
          2.7: 'An toàn thông tin (chỉ số thành phần 2.4)',
        },
        // From 1/7/2025: communes and wards, with the (fictional) act that applies the regulation to them.
        blocks: {
          XA: {
            vi: 'Xã, phường',
            en: 'Communes and wards',
            basis:
              'Quyết định số 45/2025/QĐ-UBND ngày 25/7/2025 của UBND tỉnh An Lạc (áp dụng Quy định cho UBND cấp xã)',
          },
        },
        // What only the province knows (fictional acts). The act adopting the DTI for the ranking is left out on
        // purpose: the 2025 outputs are a DỰ THẢO that names it.
        legal: {
          regulation: {
            basis:
              'Công văn số 2150/UBND-KGVX ngày 20/8/2025 của UBND tỉnh An Lạc về việc tiếp tục áp dụng Quyết định số 358/2013/QĐ-UBND',
          },
          department: {
            basis: 'Quyết định số 12/QĐ-UBND ngày 28/02/2025 của UBND tỉnh An Lạc thành lập Sở Khoa học và Công nghệ',
          },
          mergers: [
            {
              units: 'all-departments',
              from: '2025-07-01',
              basis:
                'Các quyết định số 101/QĐ-UBND đến 118/QĐ-UBND ngày 30/6/2025 của UBND tỉnh An Lạc thành lập các sở',
            },
          ],
        },
      },
      null,
      2,
    )}\n`,
  );
}

await main();
