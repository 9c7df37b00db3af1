import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configuredBlocks } from '../../src/config.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { formatProblem } from '../../src/problems.js';
import { readUnitsFile } from '../../src/io/readers/index.js';
import { resolvePolicy } from '../../src/rules/policy.js';

// The units file of the year users run now (product.md v3): a unit's own period, its former province, communes.

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

const HEADER =
  'Mã đơn vị,Tên đơn vị,Khối,Loại đơn vị,Họ và tên,Chức vụ,Vai trò,Từ ngày,Đến ngày,Hoạt động từ ngày,Hoạt động đến ngày,Địa bàn';
const XA = { XA: { vi: 'Xã, phường', basis: 'Quyết định số 45/2025/QĐ-UBND ngày 25/7/2025 của UBND tỉnh An Lạc' } };

async function read(lines: readonly string[], year: number, blocks: Record<string, unknown> = XA) {
  const root = await mkdtemp(join(tmpdir(), 'ict-eval-units-'));
  roots.push(root);
  await mkdir(root, { recursive: true });
  const path = join(root, 'units.csv');
  await writeFile(path, [HEADER, ...lines].join('\n'));
  const policy = resolvePolicy(year, {}, { configuredBlocks: configuredBlocks({ blocks: blocks as never }) });
  const result = await readUnitsFile(path, `${year}/units.csv`, DEFAULT_LIMITS, {
    blocks: policy.blocks,
    regulation: policy.regulation,
    year,
  });
  return { ...result, messages: result.problems.map((p) => `${p.severity}: ${formatProblem(p)}`) };
}

describe('a unit that existed for part of the year', () => {
  it('a district active until 30/06/2025: its period, and its chair’s blank dates are the district’s whole period', async () => {
    const r = await read(
      ['TPAL,Thành phố An Lạc,HUYEN,,Lý Đức Bình,Chủ tịch UBND thành phố,Người đứng đầu,,,,30/06/2025,'],
      2025,
    );
    expect(r.units[0]?.period).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(r.persons[0]?.period).toBeNull();
    expect(r.messages.filter((m) => m.startsWith('error') || /head-gap|không có người đứng đầu từ/u.test(m))).toEqual(
      [],
    );
  });

  it('a ward from 01/07/2025, kind blank: the configured block’s default kind, UBND cấp xã, said once', async () => {
    const r = await read(
      [
        'PAL,Phường An Lạc,XA,,Lê Minh Khánh,Chủ tịch UBND phường,Người đứng đầu,,,01/07/2025,,Bắc Ninh cũ',
        'XMT,Xã Minh Tân,XA,,Vũ Quốc Lan,Chủ tịch UBND xã,Người đứng đầu,,,01/07/2025,,',
      ],
      2025,
    );
    expect(r.units.map((u) => [u.code, u.kind, u.period, u.territory])).toEqual([
      ['PAL', 'ubnd-xa', { from: '2025-07-01', to: '2025-12-31' }, 'Bắc Ninh cũ'],
      ['XMT', 'ubnd-xa', { from: '2025-07-01', to: '2025-12-31' }, ''],
    ]);
    expect(r.messages.filter((m) => m.includes('Loại đơn vị'))).toEqual([
      'warning: 2025/units.csv: 2 đơn vị không ghi Loại đơn vị, đã lấy theo khối (Cơ quan chuyên môn ở khối SBN; UBND cấp huyện ở khối HUYEN; UBND cấp xã ở khối XA): PAL, XMT.',
    ]);
  });

  it('a head whose dates run outside the unit’s period is malformed data, in its cell', async () => {
    const r = await read(
      ['TPAL,Thành phố An Lạc,HUYEN,,Lý Đức Bình,Chủ tịch UBND thành phố,Người đứng đầu,,15/08/2025,,30/06/2025,'],
      2025,
    );
    expect(r.messages).toContain(
      'error: 2025/units.csv, dòng 2, cột I (Đến ngày): ngày 15/08/2025 nằm ngoài thời gian hoạt động của đơn vị TPAL trong năm (từ 01/01/2025 đến 30/06/2025).',
    );
    expect(r.persons).toEqual([]);
  });

  it('a unit that ceased before the year is listed but not evaluated, with its persons, said once', async () => {
    const r = await read(
      [
        'SNGV,Sở Ngoại vụ,SBN,,Đỗ Thu An,Giám đốc,Người đứng đầu,,,,31/12/2024,',
        'SYT,Sở Y tế,SBN,,Đỗ Văn Xuân,Giám đốc,Người đứng đầu,,,,,',
      ],
      2025,
    );
    expect(r.units.map((u) => u.code)).toEqual(['SYT']);
    expect(r.persons.map((p) => p.unitCode)).toEqual(['SYT']);
    expect(r.unreadable.has('SNGV')).toBe(true);
    expect(r.messages).toContain(
      'warning: 2025/units.csv, dòng 2: 1 đơn vị có trong danh sách nhưng không hoạt động trong năm 2025: không được đánh giá: SNGV (hoạt động đến 31/12/2024).',
    );
  });
});

describe('district-level government ended on 1/7/2025 (Nghị quyết 203/2025/QH15)', () => {
  it('a district unit of 2025 without its last day is malformed data, naming the day and the act', async () => {
    const r = await read(['HLS,Huyện Lạc Sơn,HUYEN,,Lê Thanh Cường,Chủ tịch UBND huyện,Người đứng đầu,,,,,'], 2025);
    expect(r.messages).toEqual([
      'error: 2025/units.csv, dòng 2, cột K (Hoạt động đến ngày): đơn vị HLS thuộc khối HUYEN (Huyện, thị xã, thành phố), khối kết thúc hoạt động sau ngày 30/06/2025 (Nghị quyết số 203/2025/QH15 của Quốc hội sửa đổi, bổ sung một số điều của Hiến pháp năm 2013 (đơn vị hành chính cấp huyện kết thúc hoạt động từ ngày 01/7/2025)): ghi "Hoạt động đến ngày" là 30/06/2025 (hoặc ngày đơn vị thực tế kết thúc).',
    ]);
    // Its person is set aside with it: no "unknown unit", no crash (the exit 70).
    expect(r.persons).toEqual([]);
  });

  it('its last day is 30/06/2025 at the latest: 01/07/2025 is refused', async () => {
    const until = (day: string) =>
      read([`HLS,Huyện Lạc Sơn,HUYEN,,Lê Thanh Cường,Chủ tịch UBND huyện,Người đứng đầu,,,,${day},`], 2025);
    expect((await until('30/06/2025')).units.map((u) => u.code)).toEqual(['HLS']);
    const late = await until('01/07/2025');
    expect(late.units).toEqual([]);
    expect(late.messages[0]).toMatch(/cột K \(Hoạt động đến ngày\): đơn vị HLS thuộc khối HUYEN/u);
  });

  it('in 2026 a district unit is in a block that no longer exists', async () => {
    const r = await read(['HLS,Huyện Lạc Sơn,HUYEN,,Lê Thanh Cường,Chủ tịch UBND huyện,Người đứng đầu,,,,,'], 2026);
    expect(r.messages[0]).toMatch(/^error: 2026\/units\.csv, dòng 2, cột C \(Khối\): đơn vị HLS thuộc khối HUYEN/u);
  });

  it('in 2024 the same row is a whole year of a district, as before', async () => {
    const r = await read(['HLS,Huyện Lạc Sơn,HUYEN,,Lê Thanh Cường,Chủ tịch UBND huyện,Người đứng đầu,,,,,'], 2024);
    expect(r.messages).toEqual([
      'warning: 2024/units.csv: 1 đơn vị không ghi Loại đơn vị, đã lấy theo khối (Cơ quan chuyên môn ở khối SBN; UBND cấp huyện ở khối HUYEN; UBND cấp xã ở khối XA): HLS.',
    ]);
    expect(r.units[0]?.period).toBeNull();
  });
});

describe('a configured block’s kind', () => {
  it('a kind the configuration names for the block is the default of its blank kinds', async () => {
    const r = await read(['BQL,Ban quản lý,DV,,Ngô Văn Tâm,Trưởng ban,Người đứng đầu,,,,,'], 2025, {
      DV: { vi: 'Đơn vị sự nghiệp', basis: 'Quyết định số 7/2025/QĐ-UBND ngày 1/2/2025', kind: 'Sở, ban, ngành khác' },
    });
    expect(r.units[0]?.kind).toBe('sbn-khac');
  });

  it('a kind the regulation does not have is refused, naming the configuration key', () => {
    expect(() =>
      resolvePolicy(
        2025,
        {},
        {
          configuredBlocks: configuredBlocks({
            blocks: { DV: { vi: 'X', basis: 'Quyết định số 7/2025', kind: 'Hợp tác xã' } },
          }),
        },
      ),
    ).toThrow(/blocks\.DV\.kind: loại đơn vị "Hợp tác xã" không có/u);
  });
});
