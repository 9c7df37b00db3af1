import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKLIST } from '../helpers.js';

/** A year of valid CSV inputs for the readers' tests: two units (SA, HA), their heads, scores, reports, assessment. */
export const UNITS = [
  'Mã đơn vị,Tên đơn vị,Khối,Loại đơn vị,Họ và tên,Chức vụ,Vai trò,Mục được phân công,Văn bản phân công',
  'SA,Sở An Hòa,SBN,Cơ quan chuyên môn,Nguyễn Văn Hòa,Giám đốc,Người đứng đầu,,',
  'HA,Huyện Lạc Sơn,HUYEN,UBND cấp huyện,Hoàng Văn Lực,Chủ tịch UBND huyện,Người đứng đầu,,',
].join('\n');
export const SCORES = [
  'Mã đơn vị,Tên đơn vị,Khối,Điểm ICT Index',
  'SA,Sở An Hòa,SBN,0.8',
  'HA,Huyện Lạc Sơn,HUYEN,0.7',
].join('\n');
/** A unit's self-report: every item of the checklist with `status`. */
export const reportCsv = (unit: string, status = 'Đạt') =>
  [
    'Mã đơn vị,Mã tiêu chí,Tự đánh giá,Minh chứng,Ghi chú',
    ...CHECKLIST.map((i) => `${unit},${i.code},${status},,`),
  ].join('\n');
export const ASSESSMENT = [
  'Mã đơn vị,Mã tiêu chí,Kết quả đánh giá,Ghi chú',
  ...['SA', 'HA'].flatMap((unit) => CHECKLIST.map((i) => `${unit},${i.code},Đạt,`)),
].join('\n');

/**
 * A workspace for 2024 with those files, some replaced (a path given) or removed (given null), in a new temporary
 * folder that is added to `roots` for the caller to remove.
 */
export async function csvWorkspace(
  roots: string[],
  files: Record<string, string | Buffer | null> = {},
  prefix = 'ict-eval-',
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  roots.push(root);
  const all: Record<string, string | Buffer | null> = {
    '2024/units.csv': UNITS,
    '2024/scores.csv': SCORES,
    '2024/self-reports/SA.csv': reportCsv('SA'),
    '2024/self-reports/HA.csv': reportCsv('HA'),
    '2024/assessment.csv': ASSESSMENT,
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    if (content === null) continue;
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}
