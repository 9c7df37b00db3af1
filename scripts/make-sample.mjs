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

// code, name, block, score 2024 (null = none), score 2023 (undefined = new unit), case
const UNITS = [
  ['VPUB', 'Văn phòng UBND tỉnh', 'SBN', 0.812, 0.79, { deputy: true }],
  ['STTTT', 'Sở Thông tin và Truyền thông', 'SBN', 0.812, 0.805, { achievement: 'Giải Nhất chuyển đổi số cấp tỉnh' }],
  ['SNV', 'Sở Nội vụ', 'SBN', 0.7705, 0.701, {}],
  ['STC', 'Sở Tài chính', 'SBN', 0.7705, 0.74, { notMet: [2] }],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 'SBN', 0.75, 0.73, {}],
  ['STP', 'Sở Tư pháp', 'SBN', 0.732, 0.715, { appraisalOverride: '2.9' }],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SBN', 0.721, 0.69, { notApplicable: '4.6' }],
  ['SYT', 'Sở Y tế', 'SBN', 0.71, 0.7, { notMet: [1], slow: true }],
  ['SXD', 'Sở Xây dựng', 'SBN', 0.7005, 0.685, {}],
  ['SGTVT', 'Sở Giao thông vận tải', 'SBN', 0.695, 0.67, { notMet: [3] }],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'SBN', 0.68, 0.66, {}],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 'SBN', 0.665, 0.655, { notMet: [1, 2, 3] }],
  ['SCT', 'Sở Công Thương', 'SBN', 0.65, 0.64, {}],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'SBN', 0.64, 0.63, { blank: '3.2' }],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SBN', 0.63, 0.625, {}],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SBN', 0.61, 0.6, {}],
  ['TTRA', 'Thanh tra tỉnh', 'SBN', 0.56, 0.58, { noReport: true }],
  ['BQLKCN', 'Ban Quản lý các khu công nghiệp', 'SBN', 0.52, 0.51, { notMet: [2, 4], slow: true }],
  ['SNGV', 'Sở Ngoại vụ', 'SBN', 0.48, 0.45, { notMet: [1, 3] }],
  ['BDT', 'Ban Dân tộc', 'SBN', null, undefined, {}],
  ['TPAL', 'Thành phố An Lạc', 'HUYEN', 0.84, 0.82, { deputy: true }],
  ['TXDP', 'Thị xã Đông Phú', 'HUYEN', 0.79, 0.76, {}],
  ['HLS', 'Huyện Lạc Sơn', 'HUYEN', 0.73, 0.735, { notMet: [1, 2, 3, 4], review: true }],
  ['HMT', 'Huyện Minh Tân', 'HUYEN', 0.7, 0.69, {}],
  ['HNL', 'Huyện Ngọc Lâm', 'HUYEN', 0.68, 0.67, { notMet: [1, 2, 3, 4] }],
  ['HTM', 'Huyện Tân Mỹ', 'HUYEN', 0.66, 0.645, { achievement: 'Mô hình xã thông minh được Bộ biểu dương' }],
  ['HYT', 'Huyện Yên Thái', 'HUYEN', 0.62, 0.6, { notMet: [4] }],
  ['HPL', 'Huyện Phú Lộc', 'HUYEN', 0.59, undefined, {}],
  ['HGB', 'Huyện Gia Bình', 'HUYEN', 0.55, 0.52, {}],
  ['HQV', 'Huyện Quế Võ', 'HUYEN', 0.42, 0.4, { notMet: [2, 4], slow: true }],
];

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

async function main() {
  await rm(root, { recursive: true, force: true });
  const units = new ExcelJS.Workbook();
  const us = units.addWorksheet('Danh sách');
  titled(us, 6, 'DANH SÁCH NGƯỜI CHỊU TRÁCH NHIỆM NĂM 2024');
  us.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Họ và tên', 'Chức vụ', 'Vai trò']);
  for (const [code, name, block, , , c] of UNITS) {
    const headTitle =
      block === 'SBN'
        ? code === 'VPUB'
          ? 'Chánh Văn phòng'
          : code === 'TTRA'
            ? 'Chánh Thanh tra'
            : code.startsWith('B')
              ? 'Trưởng ban'
              : 'Giám đốc'
        : `Chủ tịch UBND ${name.startsWith('Thành phố') ? 'thành phố' : name.startsWith('Thị xã') ? 'thị xã' : 'huyện'}`;
    us.addRow([code, name, block, personName(), headTitle, 'Người đứng đầu']);
    if (c.deputy)
      us.addRow([
        code,
        name,
        block,
        personName(),
        block === 'SBN' ? 'Phó Chánh Văn phòng' : 'Phó Chủ tịch UBND thành phố',
        'Cấp phó được phân công',
      ]);
  }
  await save(units, join(root, '2024', 'units.xlsx'));

  for (const year of [2023, 2024]) {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(`ICT Index ${year}`);
    titled(ws, 5, `KẾT QUẢ XẾP HẠNG CHỈ SỐ ICT INDEX NĂM ${year}`);
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Hạ tầng kỹ thuật', 'Điểm ICT Index']);
    for (const [code, name, block, s2024, s2023] of UNITS) {
      const score = year === 2024 ? s2024 : s2023;
      if (score === undefined) continue;
      const row = ws.addRow([code, name, block, score === null ? null : Math.round(score * 4000) / 10000, null]);
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

  for (const [code, name, , , , c] of UNITS) {
    if (c.noReport) continue;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Tự đánh giá');
    titled(ws, 6, `BÁO CÁO TỰ ĐÁNH GIÁ NĂM 2024 - ${name.toUpperCase()}`);
    ws.addRow(['Mã đơn vị', 'Mã tiêu chí', 'Tự đánh giá', 'Minh chứng', 'Thẩm định', 'Ghi chú']);
    const notMet = new Set((c.notMet ?? []).map((s) => FIRST[s]));
    for (const item of ITEMS) {
      let self = 'Đạt';
      let appraisal = '';
      let note = '';
      let evidence = `Văn bản số ${10 + ITEMS.indexOf(item)}/${code}`;
      if (notMet.has(item)) {
        self = item === FIRST[2] ? 'Đạt' : 'Không đạt';
        appraisal = 'Không đạt';
        note = 'Sở TT&TT kiểm tra: chưa đáp ứng';
      }
      if (item === c.appraisalOverride) {
        self = 'Không đạt';
        appraisal = 'Đạt';
        note = 'Đã khắc phục trước thời điểm thẩm định';
      }
      if (item === c.notApplicable) {
        self = 'Không áp dụng';
        note = 'Không có dự án đầu tư CNTT trong năm';
        evidence = '';
      }
      if (item === c.blank) {
        self = '';
        evidence = '';
      }
      ws.addRow([code, item, self, evidence, appraisal, note]);
    }
    ws.getColumn(2).numFmt = '@';
    await save(book, join(root, '2024', 'self-reports', `${code}.xlsx`));
  }

  const follow = new ExcelJS.Workbook();
  const fs = follow.addWorksheet('Theo dõi');
  titled(fs, 5, 'THEO DÕI THỰC HIỆN KẾT LUẬN NĂM 2024');
  fs.addRow(['Mã đơn vị', 'Chậm triển khai kết luận', 'Yêu cầu kiểm điểm', 'Thành tích đặc biệt', 'Căn cứ / ghi chú']);
  for (const [code, , , , , c] of UNITS) {
    if (!c.slow && !c.review && !c.achievement) continue;
    const notes = [
      c.slow ? 'Chậm triển khai Kết luận số 45-KL/UBND' : '',
      c.review ? 'Văn bản số 210/UBND-NC yêu cầu kiểm điểm' : '',
      c.achievement ?? '',
    ].filter(Boolean);
    fs.addRow([
      code,
      c.slow ? 'Có' : 'Không',
      c.review ? 'Có' : 'Không',
      c.achievement ? 'Có' : 'Không',
      notes.join('; '),
    ]);
  }
  await save(follow, join(root, '2024', 'follow-up.xlsx'));

  await writeFile(
    join(root, 'ict-eval.config.json'),
    `${JSON.stringify({ province: 'UBND TỈNH AN LẠC', department: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', policy: {} }, null, 2)}\n`,
  );
}

await main();
