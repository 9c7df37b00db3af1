import type { ScoreRow, SourceRef } from '../../domain.js';
import type { BlockDef } from '../../rules/regulation.js';
import { type Cell, isBadCell } from '../cells.js';
import { NOT_RANKED } from '../fields.js';
import type { ReadLimits } from '../limits.js';
import { cleanText, matchKey, parseNumberText } from '../normalize.js';
import { type Problem, error, info, warning } from '../../problems.js';
import { readTable } from '../table.js';
import { SCORES_SPEC } from '../../inputs/columns.js';
import { type UnitsRules, schemas, parseRow, at, place } from './shared.js';

/** Component columns carried through from a scores file, at most: a sheet 16 000 columns wide is cut, not fatal. */
const MAX_COMPONENTS = 64;

/** Other columns of a scores file that look like the score itself ("Điểm ICT Index (đã sửa)", "Tổng điểm"): said. */
function scoreLikeColumns(headers: readonly string[], display: string, scoreHeader: string): Problem[] {
  // An index's own class ("Xếp loại DTI": Tốt, Khá) is carried through, and is never a rating of the heads.
  const isClass = (h: string) => /\b(xep loai|phan loai|muc do|class)\b/u.test(matchKey(h));
  const classes = headers.filter(
    (h) => isClass(h) && /\b(ict index|ict|dti|chi so|chuyen doi so)\b/u.test(matchKey(h)),
  );
  const like = headers.filter(
    (h) => !isClass(h) && /\b(ict index|dti|tong diem|diem chinh thuc|diem da sua|diem sau)\b/u.test(matchKey(h)),
  );
  const notes: Problem[] = classes.map((h) =>
    info(
      'index-class-column',
      {
        vi: `cột "${h}" là xếp loại của chỉ số, được giữ nguyên làm thông tin; không phải xếp loại người đứng đầu (xếp loại theo Quy định do công cụ tính từ các mục và thứ hạng).`,
        en: `column "${h}" is the index's own class, carried through as information; it is not the rating of the heads (the regulation's rating comes from the sections and the rank).`,
      },
      { file: display },
    ),
  );
  if (like.length === 0) return notes;
  return [
    ...notes,
    warning(
      'similar-column',
      {
        vi: `bảng điểm có thêm cột giống cột điểm (${like.map((h) => `"${h}"`).join(', ')}) nhưng chỉ cột "${scoreHeader}" được dùng để xếp hạng; nếu cột kia mới đúng, hãy đổi tiêu đề và xoá cột cũ.`,
        en: `the scores file has more columns like the score (${like.map((h) => `"${h}"`).join(', ')}), but only "${scoreHeader}" is used to rank; if the other is the right one, change the headings and remove the old column.`,
      },
      { file: display },
    ),
  ];
}

/**
 * A score far from the others' scale is an error naming its cell: one 48 among scores of 0–1, a
 * percent cell read as 0.725 among scores of 65–92. Robust to the scale and to a wide spread of
 * honest scores, a score is flagged only when it is both outside [median / 10, median × 10] and far
 * outside the bulk of the file (Tukey's outer fences: beyond 3 interquartile ranges), with at least
 * five scores to compare.
 */
function implausibleScores(located: readonly { score: number; where: SourceRef }[]): Problem[] {
  if (located.length < 5) return [];
  const sorted = located.map((l) => l.score).sort((a, b) => a - b);
  const quantile = (q: number) => {
    const position = (sorted.length - 1) * q;
    const low = sorted[Math.floor(position)] ?? 0;
    const high = sorted[Math.ceil(position)] ?? 0;
    return low + (high - low) * (position - Math.floor(position));
  };
  const median = quantile(0.5);
  if (median <= 0) return [];
  const q1 = quantile(0.25);
  const q3 = quantile(0.75);
  const spread = 3 * (q3 - q1);
  const far = (score: number) =>
    (score < median / 10 || score > median * 10) && (score < q1 - spread || score > q3 + spread);
  const number = (n: number) => String(Math.round(n * 1e6) / 1e6).replace('.', ',');
  return located
    .filter((l) => far(l.score))
    .map((l) =>
      error(
        'implausible-score',
        {
          vi: `điểm ${number(l.score)} khác hẳn thang điểm của các đơn vị khác (trung vị ${number(median)}): có thể nhập nhầm thang điểm, hoặc ô định dạng phần trăm. Hãy kiểm tra và nhập lại theo cùng một thang.`,
          en: `the score ${number(l.score)} is far from the scale of the other units (median ${number(median)}): perhaps another scale, or a cell formatted as a percentage. Check it and enter it on the same scale.`,
        },
        l.where,
      ),
    );
}

export interface ScoresRead {
  readonly scores: readonly ScoreRow[];
  readonly problems: readonly Problem[];
  /** The score column's header as written ("Điểm DTI"), when the file has one. */
  readonly scoreHeader?: string;
  /** The index that header names (`DTI`, `ICT Index`); undefined for a header that names none ("Tổng điểm"). */
  readonly index?: string;
}

/** The index a score column's header names: the DTI (Chỉ số chuyển đổi số), the ICT Index, or none ("Tổng điểm"). */
export function indexNamedBy(header: string): string | undefined {
  const key = ` ${matchKey(header)} `;
  if (/ (dti|chuyen doi so) /u.test(key)) return 'DTI';
  if (/ ict( index)? /u.test(key)) return 'ICT Index';
  return undefined;
}

function componentValue(cell: Cell): number | string | null {
  if (cell === null || isBadCell(cell)) return null;
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = cleanText(String(cell));
  return parseNumberText(text) ?? (text === '' ? null : text);
}

/** A scores file: one row per unit; a unit given twice is an error; `Không xếp hạng` marks a unit not in the index. */
export async function readScoresFile(
  path: string,
  display: string,
  limits: ReadLimits,
  blocks: readonly BlockDef[],
  regulation: UnitsRules['regulation'],
): Promise<ScoresRead> {
  const table = await readTable(path, display, SCORES_SPEC, limits);
  const schema = schemas(blocks, regulation).score;
  const scoreHeader = table.headers?.score;
  const problems: Problem[] = [
    ...table.problems,
    ...scoreLikeColumns(table.extraHeaders ?? [], display, scoreHeader ?? SCORES_SPEC.columns[3].headers[0]),
  ];
  const seen = new Map<string, SourceRef>();
  const scores: ScoreRow[] = [];
  const located: { score: number; where: SourceRef }[] = [];
  const componentHeaders = new Set((table.extraHeaders ?? []).filter((h) => h !== '').slice(0, MAX_COMPONENTS));
  if ((table.extraHeaders ?? []).length > MAX_COMPONENTS) {
    problems.push(
      warning(
        'too-many-columns',
        {
          vi: `bảng điểm có ${(table.extraHeaders ?? []).length} cột khác ngoài các cột cần đọc; chỉ ${MAX_COMPONENTS} cột đầu được giữ lại làm chỉ số thành phần.`,
          en: `the scores file has ${(table.extraHeaders ?? []).length} other columns besides those read; only the first ${MAX_COMPONENTS} are kept as component indices.`,
        },
        { file: display },
      ),
    );
  }
  for (const row of table.rows) {
    const value = parseRow(SCORES_SPEC, schema, row, problems);
    if (value === undefined) continue;
    const other = seen.get(value.unitCode);
    if (other !== undefined) {
      problems.push(
        error(
          'duplicate-score',
          {
            vi: `đơn vị ${value.unitCode} có hai dòng điểm (dòng kia ở ${place(other)}).`,
            en: `unit ${value.unitCode} has two score rows (the other at ${place(other)}).`,
          },
          row.where,
        ),
      );
      continue;
    }
    seen.set(value.unitCode, row.where);
    const notRanked = value.score === NOT_RANKED;
    scores.push({
      unitCode: value.unitCode,
      unitName: value.unitName,
      block: value.block,
      score: value.score === NOT_RANKED ? null : value.score,
      officialRank: value.officialRank,
      ...(notRanked ? { notRanked: true } : {}),
      components: row.extras
        .filter((e) => componentHeaders.has(e.header))
        .map((e) => ({ name: e.header, value: componentValue(e.cell) })),
      source: row.where,
    });
    if (typeof value.score === 'number') located.push({ score: value.score, where: at(SCORES_SPEC, row, 'score') });
  }
  const index = scoreHeader === undefined ? undefined : indexNamedBy(scoreHeader);
  return {
    scores,
    problems: [...problems, ...implausibleScores(located)],
    ...(scoreHeader === undefined ? {} : { scoreHeader }),
    ...(index === undefined ? {} : { index }),
  };
}
