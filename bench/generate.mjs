#!/usr/bin/env node
// Writes a benchmark workspace: `units` units (a third districts), 22 items each, self-reports spread
// over `files` workbooks, scores for the year and the year before, a follow-up. Seeded: the same
// arguments give the same content. Uses exceljs's streaming writer, so that national sizes are quick.
//   node bench/generate.mjs <dir> <units> [files=20] [seed=1]
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const [dir, unitsText, filesText = '20', seedText = '1'] = process.argv.slice(2);
if (dir === undefined || unitsText === undefined) {
  throw new Error('usage: node bench/generate.mjs <dir> <units> [files=20] [seed=1]');
}
const units = Number(unitsText);
const files = Math.max(1, Math.min(Number(filesText), units));
let state = Number(seedText) >>> 0 || 1;
/** xorshift32: small, seeded, the same everywhere. */
const random = () => {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4294967296;
};
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
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hải', 'Khánh', 'Lan', 'Mạnh', 'Ngọc'];
const code = (i) => `DV${String(i).padStart(6, '0')}`;
const block = (i) => (i % 3 === 0 ? 'HUYEN' : 'SBN');

async function book(path, sheetName, header, rows) {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const sheet = writer.addWorksheet(sheetName);
  sheet.addRow(['UBND TỈNH AN LẠC']).commit();
  sheet.addRow(['SỞ KHOA HỌC VÀ CÔNG NGHỆ']).commit();
  sheet.addRow([]).commit();
  sheet.addRow(header).commit();
  for (const row of rows()) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
}

await rm(dir, { recursive: true, force: true });
await mkdir(join(dir, '2024', 'self-reports'), { recursive: true });
await mkdir(join(dir, '2023'), { recursive: true });

await book(
  join(dir, '2024', 'units.xlsx'),
  'Danh sách',
  ['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Họ và tên', 'Chức vụ', 'Vai trò', 'Mục được phân công', 'Văn bản phân công'],
  function* () {
    for (let i = 0; i < units; i++) {
      const name = `${FAMILY[i % 10]} Văn ${GIVEN[Math.floor(i / 10) % 10]}`;
      yield [
        code(i),
        `Đơn vị số ${i}`,
        block(i),
        name,
        block(i) === 'SBN' ? 'Giám đốc' : 'Chủ tịch UBND huyện',
        'Người đứng đầu',
        '',
        '',
      ];
      if (i % 10 === 0)
        yield [
          code(i),
          `Đơn vị số ${i}`,
          block(i),
          `${name} Phó`,
          'Phó Giám đốc',
          'Cấp phó được phân công',
          '1, 2',
          `Quyết định số ${i}/QĐ`,
        ];
    }
  },
);
for (const year of [2023, 2024]) {
  await book(
    join(dir, String(year), 'scores.xlsx'),
    `ICT Index ${year}`,
    ['Mã đơn vị', 'Tên đơn vị', 'Khối', 'Hạ tầng kỹ thuật', 'Điểm ICT Index'],
    function* () {
      for (let i = 0; i < units; i++) {
        const score = Math.round(random() * 10000) / 10000;
        yield [code(i), `Đơn vị số ${i}`, block(i), Math.round(score * 4000) / 10000, score];
      }
    },
  );
}
// Each unit's statuses: its own report, and the Sở's assessment that differs on about 5% of the items.
const selfStatus = [];
const assessed = [];
for (let i = 0; i < units; i++) {
  const own = [];
  const theirs = [];
  for (let k = 0; k < ITEMS.length; k++) {
    const r = random();
    const self = r < 0.9 ? 'Đạt' : r < 0.97 ? 'Không đạt' : 'Không áp dụng';
    own.push(self);
    theirs.push(random() < 0.05 ? (self === 'Đạt' ? 'Không đạt' : 'Đạt') : self);
  }
  selfStatus.push(own);
  assessed.push(theirs);
}
const perFile = Math.ceil(units / files);
for (let f = 0; f < files; f++) {
  await book(
    join(dir, '2024', 'self-reports', `bao-cao-${String(f + 1).padStart(2, '0')}.xlsx`),
    'Tự đánh giá',
    ['Mã đơn vị', 'Mã tiêu chí', 'Tự đánh giá', 'Minh chứng', 'Ghi chú'],
    function* () {
      for (let i = f * perFile; i < Math.min(units, (f + 1) * perFile); i++) {
        for (const [k, item] of ITEMS.entries()) {
          const self = selfStatus[i][k];
          yield [
            code(i),
            item,
            self,
            `Văn bản số ${i}/${item}`,
            self === 'Không áp dụng' ? 'Không có dự án trong năm' : '',
          ];
        }
      }
    },
  );
}
await book(
  join(dir, '2024', 'assessment.xlsx'),
  'Đánh giá của Sở',
  ['Mã đơn vị', 'Tên đơn vị', ...ITEMS, 'Ghi chú'],
  function* () {
    for (let i = 0; i < units; i++) {
      const row = assessed[i];
      yield [code(i), `Đơn vị số ${i}`, ...row, row.includes('Không áp dụng') ? 'Không có dự án trong năm' : ''];
    }
  },
);
await book(
  join(dir, '2024', 'follow-up.xlsx'),
  'Theo dõi',
  ['Mã đơn vị', 'Chậm triển khai kết luận', 'Yêu cầu kiểm điểm', 'Thành tích đặc biệt', 'Căn cứ / ghi chú'],
  function* () {
    for (let i = 0; i < units; i++) {
      if (random() < 0.1)
        yield [
          code(i),
          random() < 0.6 ? 'Có' : 'Không',
          random() < 0.3 ? 'Có' : 'Không',
          random() < 0.1 ? 'Có' : 'Không',
          'Kết luận số 45-KL/UBND',
        ];
    }
  },
);
