import type { YearEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import { type RankedUnit, type Ranking, previousPlace } from '../../rules/ranking.js';
import { blockLabel, bottomGroupName, decimal, topGroupName } from './labels.js';

/**
 * The report's charts as data: what they show, never how they are drawn (the Word renderer draws them as Word's own
 * charts, which the office can open and edit with "Edit Data"). Every value is counted from the same evaluation as the
 * workbooks.
 */
export type ReportChart = ColumnChart | ScatterChart;

/** How a series reads: the top group, the middle, the bottom group; or one of several of equal standing. */
export type SeriesTone = 'top' | 'middle' | 'bottom' | 'plain';

export interface ColumnChart {
  readonly kind: 'columns';
  readonly title: string;
  /** The sentence under the chart: what it shows and how to read it. */
  readonly caption: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly tone: SeriesTone; readonly values: readonly number[] }[];
  readonly stacked: boolean;
  readonly xTitle: string;
  readonly yTitle: string;
}

export interface ScatterChart {
  readonly kind: 'scatter';
  readonly title: string;
  readonly caption: string;
  readonly series: readonly {
    readonly name: string;
    readonly points: readonly { readonly x: number; readonly y: number }[];
  }[];
  /** The highest value on both axes: the "same rank" line runs from 1 to it. */
  readonly extent: number;
  readonly xTitle: string;
  readonly yTitle: string;
}

/** A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into at most `bins` bins. */
export function niceStep(span: number, bins: number): number {
  if (!(span > 0)) return 1;
  const raw = span / bins;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw - 1e-12) return m * power;
  return 10 * power;
}

/** A bin edge to as many decimals as the step has (0,025 → 3), with the Vietnamese decimal comma. */
function edge(value: number, step: number): string {
  const decimals = String(Number(step.toPrecision(6))).split('.')[1]?.length ?? 0;
  return decimal(Number(value.toFixed(decimals)), 'vi');
}

/**
 * The score distribution of one ranking group (a block, or all units): the compared scores in about ten bins of a
 * round width, each bin's units split into the top group, the middle and the bottom group, so that the cuts show
 * where one colour ends. Units ranked without a score (official ranks only) are left out and counted in the caption.
 */
export function scoreDistribution(policy: Policy, ranking: Ranking, scope: string): ColumnChart | undefined {
  const group = ranking.groups.find((g) => g.scope === scope);
  const units = ranking.ranked.filter((r) => r.scope === scope);
  const scored = units.filter((r): r is RankedUnit & { comparedScore: number } => r.comparedScore !== null);
  if (group === undefined || scored.length === 0) return undefined;
  const min = Math.min(...scored.map((r) => r.comparedScore));
  const max = Math.max(...scored.map((r) => r.comparedScore));
  const step = niceStep(max - min, 10);
  const start = Math.floor(min / step + 1e-9) * step;
  const count = Math.max(1, Math.floor((max - start) / step + 1e-9) + 1);
  const bin = (score: number) => Math.min(count - 1, Math.floor((score - start) / step + 1e-9));
  const values = (pick: (r: RankedUnit) => boolean) => {
    const out = new Array<number>(count).fill(0);
    for (const r of scored) if (pick(r)) out[bin(r.comparedScore)] = (out[bin(r.comparedScore)] ?? 0) + 1;
    return out;
  };
  const categories = Array.from(
    { length: count },
    (_, i) => `${edge(start + i * step, step)}–${edge(start + (i + 1) * step, step)}`,
  );
  const label = blockLabel(policy, scope, 'vi');
  const cut = (list: readonly (RankedUnit & { comparedScore: number })[], pick: 'min' | 'max') =>
    list.length === 0
      ? undefined
      : decimal(
          pick === 'min'
            ? Math.min(...list.map((r) => r.comparedScore))
            : Math.max(...list.map((r) => r.comparedScore)),
          'vi',
        );
  const topCut = cut(
    scored.filter((r) => r.top),
    'min',
  );
  const bottomCut = cut(
    scored.filter((r) => r.bottom),
    'max',
  );
  const unscored = units.length - scored.length;
  return {
    kind: 'columns',
    title: `${label}: phân bố điểm ${policy.index.name} (N = ${group.n})`,
    caption: [
      `Mỗi cột là số đơn vị có điểm trong khoảng; màu cho biết nhóm: ${topGroupName(policy, 'vi')} (k = ${group.topSize}${topCut === undefined ? '' : `, từ ${topCut} điểm`}), ${bottomGroupName(policy, 'vi')} (k' = ${group.bottomSize}${bottomCut === undefined ? '' : `, đến ${bottomCut} điểm`}), còn lại ở giữa.`,
      ...(unscored > 0 ? [`${unscored} đơn vị xếp hạng theo hạng chính thức không có điểm, không vẽ.`] : []),
    ].join(' '),
    categories,
    series: [
      { name: `Nhóm ${bottomGroupName(policy, 'vi')}`, tone: 'bottom', values: values((r) => r.bottom) },
      { name: 'Ở giữa', tone: 'middle', values: values((r) => !r.top && !r.bottom) },
      { name: `Nhóm ${topGroupName(policy, 'vi')}`, tone: 'top', values: values((r) => r.top) },
    ],
    stacked: true,
    xTitle: `Điểm ${policy.index.name}`,
    yTitle: 'Số đơn vị',
  };
}

/**
 * Ranks this year against last year's, one chart per ranking group (a block's ranks on their own axes: on one set of
 * axes one block's points hid the other's, issue #36), one point per unit ranked in both years in that group. A point
 * below the "same rank" line moved up (a smaller rank number); above it, down.
 */
export function rankMovement(policy: Policy, evaluation: YearEvaluation): ScatterChart[] {
  if (evaluation.previousRanking === null) return [];
  const moves = rankMoves(evaluation);
  const { year } = evaluation;
  return evaluation.ranking.groups.flatMap((g) => {
    const points = moves.filter((m) => m.unit.scope === g.scope).map((m) => ({ x: m.from, y: m.unit.rank }));
    if (points.length === 0) return [];
    const name = blockLabel(policy, g.scope, 'vi');
    return [
      {
        kind: 'scatter' as const,
        title: `${name}: hạng ${policy.index.name} năm ${year} so với năm ${year - 1}`,
        caption: `Mỗi điểm là một đơn vị có hạng cả hai năm trong khối ${name} (${points.length} đơn vị); điểm nằm dưới đường chấm chéo (giữ nguyên hạng) là đơn vị tăng hạng, nằm trên là giảm hạng (hạng 1 là cao nhất).`,
        series: [{ name, points }],
        extent: Math.max(...points.flatMap((p) => [p.x, p.y])),
        xTitle: `Hạng năm ${year - 1}`,
        yTitle: `Hạng năm ${year}`,
      },
    ];
  });
}

/**
 * The units ranked this year and last year in the same group, by their code or the one code they name as last year's
 * (a renamed unit is not new, rules.md v3); a merger of several units has no one previous rank and no move.
 */
export function rankMoves(evaluation: YearEvaluation): { unit: RankedUnit; from: number }[] {
  const previous = evaluation.previousRanking;
  if (previous === null) return [];
  const previousOf = new Map(previous.ranked.map((r) => [r.unitCode, r]));
  const codesOf = new Map(evaluation.units.map((u) => [u.unit.code, u.unit.previousCodes]));
  return evaluation.ranking.ranked.flatMap((unit) => {
    const place = previousPlace(unit.unitCode, codesOf.get(unit.unitCode) ?? [], previousOf);
    const code = place.codes[0]?.code;
    const before = place.rank === null || code === undefined ? undefined : previousOf.get(code);
    return before === undefined || before.scope !== unit.scope ? [] : [{ unit, from: before.rank }];
  });
}

/** For each block, how many units violated each Mục (a Mục is violated when an item of it that counts is not met). */
export function violationsByBlock(policy: Policy, evaluation: YearEvaluation): ColumnChart | undefined {
  const blocks = policy.blocks.filter((b) => evaluation.units.some((u) => u.unit.block === b.code));
  if (blocks.length === 0) return undefined;
  const sections = policy.regulation.sections;
  const series = sections.map((s) => ({
    name: `Mục ${s.number}. ${s.shortVi}`,
    tone: 'plain' as const,
    values: blocks.map(
      (b) =>
        evaluation.units.filter((u) => u.unit.block === b.code && u.assessment.violatedSections.includes(s.number))
          .length,
    ),
  }));
  const total = series.reduce((sum, s) => sum + s.values.reduce((a, v) => a + v, 0), 0);
  return {
    kind: 'columns',
    title: `Số đơn vị vi phạm từng Mục theo khối, năm ${evaluation.year}`,
    caption:
      total === 0
        ? 'Không đơn vị nào vi phạm Mục nào.'
        : `Một đơn vị vi phạm một Mục khi có tiêu chí của Mục đó không đạt; một đơn vị có thể vi phạm nhiều Mục. ${blocks.map((b, i) => `${blockLabel(policy, b.code, 'vi')}: ${evaluation.units.filter((u) => u.unit.block === b.code).length} đơn vị${series.map((s) => s.values[i] ?? 0).some((v) => v > 0) ? '' : ', không vi phạm'}`).join('; ')}.`,
    categories: blocks.map((b) => blockLabel(policy, b.code, 'vi')),
    series,
    stacked: false,
    xTitle: 'Khối',
    yTitle: 'Số đơn vị vi phạm',
  };
}
