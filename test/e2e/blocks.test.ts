import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, dumpWorkbook, sampleCopy, tableOf, runIn } from './run.js';

// Districts were abolished on 1/7/2025: a province that applies QĐ 358/2013 to communes and wards
// declares the block in its configuration, with the document that applies the regulation to them.
const BASIS = 'Quyết định số 99/2025/QĐ-UBND ngày 15/8/2025 của UBND tỉnh An Lạc (áp dụng cho UBND cấp xã)';
const COMMUNES = ['HGB', 'HQV'];

/** Moves some units of the sample into block `XA` in the units and scores workbooks. */
async function moveToCommunes(workspace: string): Promise<void> {
  for (const file of ['2024/units.xlsx', '2024/scores.xlsx', '2023/scores.xlsx']) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(workspace, file));
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        const code = row.getCell(1).value;
        if (typeof code === 'string' && COMMUNES.includes(code) && row.getCell(3).value === 'HUYEN')
          row.getCell(3).value = 'XA';
      });
    });
    await workbook.xlsx.writeFile(join(workspace, file));
  }
}

async function configure(workspace: string, blocks: Record<string, unknown> | undefined): Promise<void> {
  const config = { province: 'UBND TỈNH AN LẠC', policy: {}, ...(blocks === undefined ? {} : { blocks }) };
  await writeFile(join(workspace, 'ict-eval.config.json'), JSON.stringify(config));
}

afterAll(cleanUp);

describe('a block the regulation does not name, declared with its legal basis', () => {
  it('rates its heads citing the configured basis, ranks it on its own, and lists it after the regulation’s blocks', async () => {
    const workspace = await sampleCopy();
    await moveToCommunes(workspace);
    await configure(workspace, { XA: { vi: 'Xã, phường', en: 'Communes and wards', basis: BASIS } });
    const result = await runIn([
      'sanctions',
      '--year',
      '2024',
      '-w',
      workspace,
      '-o',
      join(workspace, 'out'),
      '--json',
    ]);
    expect(result.stderr).not.toMatch(/lỗi nội bộ/u);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      persons: {
        unitCode: string;
        block: string;
        role: string;
        rank: number | null;
        n: number | null;
        citations: string[];
      }[];
    };
    const communes = json.persons.filter((p) => COMMUNES.includes(p.unitCode));
    expect(communes.map((p) => p.block)).toEqual(['XA', 'XA']);
    for (const p of communes) expect(p.citations[0]).toBe(BASIS);
    expect(communes.map((p) => p.n)).toEqual([2, 2]);
    expect(
      json.persons
        .filter((p) => p.block === 'HUYEN' && p.role === 'head')
        .every((p) => p.citations[0] === 'khoản 2 Điều 2'),
    ).toBe(true);
    // Order of rows: the regulation's blocks (SBN, HUYEN), then the configured ones.
    const blocks = [...new Set(json.persons.map((p) => p.block))];
    expect(blocks).toEqual(['SBN', 'HUYEN', 'XA']);

    const dump = await dumpWorkbook(join(workspace, 'out/2024/xep-loai-2024.xlsx'));
    const table = tableOf(dump, 'Xếp loại');
    expect(table.groups).toEqual(['KHỐI SỞ, BAN, NGÀNH', 'KHỐI HUYỆN, THỊ XÃ, THÀNH PHỐ', 'KHỐI XÃ, PHƯỜNG']);
    const communeRows = table.rows.filter((_, i) => table.groupOf[i] === 'KHỐI XÃ, PHƯỜNG');
    expect(communeRows).toHaveLength(2);
    for (const r of communeRows) expect(String(r[13])).toContain(BASIS);
  });

  it('refuses a unit in a block that is not declared, naming the cell and the blocks accepted', async () => {
    const workspace = await sampleCopy();
    await moveToCommunes(workspace);
    // The sample's own configuration declares XA (for 2025): a workspace that does not.
    await configure(workspace, undefined);
    const result = await runIn(['check', '--year', '2024', '-w', workspace]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /2024\/units\.xlsx, trang "[^"]+", dòng \d+, cột C \(Khối\): khối "XA" không hợp lệ; cần "SBN" \(Sở, ban, ngành\) hoặc "HUYEN" \(Huyện, thị xã, thành phố\)\./u,
    );
  });

  it('refuses a declared block without its legal basis', async () => {
    const workspace = await sampleCopy();
    await configure(workspace, { XA: { vi: 'Xã, phường' } });
    const result = await runIn(['check', '--year', '2024', '-w', workspace]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ict-eval\.config\.json không hợp lệ: blocks\.XA\.basis/u);
  });

  it('refuses to declare again a block the regulation names', async () => {
    const workspace = await sampleCopy();
    await configure(workspace, { HUYEN: { vi: 'Huyện', basis: BASIS } });
    const result = await runIn(['check', '--year', '2024', '-w', workspace]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Khối HUYEN đã có trong QĐ 358\/2013\/QĐ-UBND/u);
  });
});
