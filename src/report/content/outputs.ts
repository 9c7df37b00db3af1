import type { InputFile } from '../../io/workspace.js';
import { type Problem, formatWhere } from '../../io/problems.js';
import { formatCitation } from '../../rules/citation.js';
import type { YearEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import type { Ranking } from '../../rules/ranking.js';
import { bottomTwoYearsText, citationsWithDecision, groupText, ratingBasis, uncoveredText } from './describe.js';
import {
  RATING_LABELS,
  REWARD_LABELS,
  ROLE_LABELS,
  SANCTION_LABELS,
  SECTION_STATUS_LABELS,
  STATUS_LABELS,
  blockLabel,
  bottomGroupName,
  percent,
  topGroupName,
  yesNo,
} from './labels.js';
import { type PersonRow, sectionList } from './model.js';
import type { CellValue, Column, Document, KeyValueSheet, TableSheet, TitleBlock } from './document.js';

/** What every output names besides its content: the run's policy, inputs, warnings and tool. */
export interface RunInfo {
  readonly block: TitleBlock;
  readonly policy: Policy;
  readonly files: readonly InputFile[];
  readonly warnings: readonly Problem[];
  readonly toolVersion: string;
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

function parameterValue(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join('; ');
  }
  return String(value);
}

/** The "Căn cứ và tham số" sheet: legal basis, policy version and parameters, inputs with SHA-256, tool version. */
function basisSheet(info: RunInfo): KeyValueSheet {
  const { regulation, parameters, overridden } = info.policy;
  return {
    kind: 'key-value',
    name: 'Căn cứ và tham số',
    title: 'Căn cứ pháp lý và tham số áp dụng',
    sections: [
      {
        heading: 'Căn cứ pháp lý',
        rows: [
          ['Văn bản áp dụng', `${regulation.decision}: ${regulation.titleVi}`],
          ['Ngày ký', dmy(regulation.signed)],
          [
            'Ngày có hiệu lực',
            `${dmy(regulation.effective)} (${formatCitation(regulation.effectiveCitation)} ${regulation.effectiveNoteVi})`,
          ],
          ...regulation.basis.map((b, i): [string, string] => [i === 0 ? 'Văn bản liên quan' : '', b]),
          ['Phiên bản quy tắc', regulation.id],
        ],
      },
      {
        heading: 'Tham số áp dụng',
        rows: (Object.keys(parameters) as (keyof typeof parameters)[]).map((key): [string, string] => [
          key,
          `${parameterValue(parameters[key])}${overridden.includes(key) ? ' (đã thay đổi so với mặc định)' : ' (mặc định)'}`,
        ]),
      },
      {
        heading: 'Tệp đầu vào (SHA-256)',
        rows: info.files.map((f): [string, string] => [f.path, `${f.sha256} (${f.bytes} byte)`]),
      },
      {
        heading: 'Công cụ',
        rows: [
          ['Phần mềm', `ict-eval ${info.toolVersion}`],
          ['Năm đánh giá', String(info.block.year)],
          ['Số cảnh báo dữ liệu', String(info.warnings.length)],
        ],
      },
    ],
  };
}

function warningsSheet(info: RunInfo): TableSheet {
  return {
    kind: 'table',
    name: 'Cảnh báo',
    title: 'Cảnh báo về dữ liệu (thiếu dữ liệu, không phải lỗi)',
    columns: [
      { header: 'Nội dung', width: 90 },
      { header: 'Vị trí', width: 50 },
    ],
    rows: info.warnings.map((w) => [w.message, formatWhere(w.where)]),
    emptyText: 'Không có cảnh báo.',
  };
}

/** The rating workbook for Sở Nội vụ (product.md, "Outputs"): Xếp loại, Khen thưởng, Chi tiết, Cảnh báo, Căn cứ và tham số. */
export function ratingDocument(evaluation: YearEvaluation, rows: readonly PersonRow[], info: RunInfo): Document {
  return {
    block: info.block,
    sheets: [
      ratingSheet(evaluation.year, rows, info.policy),
      rewardSheet(rows, info.policy),
      detailSheet(evaluation, info.policy),
      warningsSheet(info),
      basisSheet(info),
    ],
  };
}

/** "Xếp loại": one row per responsible person, with the sections, the rank, the group, the rating and its basis. */
function ratingSheet(year: number, rows: readonly PersonRow[], policy: Policy): TableSheet {
  const { regulation } = policy;
  return {
    kind: 'table',
    name: 'Xếp loại',
    title: 'Kết quả đánh giá trách nhiệm người đứng đầu về ứng dụng công nghệ thông tin',
    subtitle: `Năm ${year} — theo ${regulation.decision}`,
    columns: [
      { header: 'Họ và tên', width: 24 },
      { header: 'Chức vụ', width: 20 },
      { header: 'Vai trò', width: 16 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Khối', width: 14 },
      ...regulation.sections.map((s) => ({ header: `Mục ${s.number}`, width: 9 })),
      { header: 'Điểm ICT Index', width: 11 },
      { header: 'Hạng', width: 7 },
      { header: 'Nhóm', width: 16 },
      { header: 'Xếp loại', width: 22 },
      { header: 'Căn cứ', width: 42 },
    ],
    rows: rows.map((r): CellValue[] => [
      r.name,
      r.position,
      ROLE_LABELS[r.role].vi,
      r.unitName,
      blockLabel(policy, r.block, 'vi'),
      ...r.sections.map((s) => SECTION_STATUS_LABELS[s].vi),
      r.score,
      r.rank,
      groupText(r, policy, 'vi'),
      RATING_LABELS[r.rating].vi,
      ratingBasis(r, policy, 'vi'),
    ]),
  };
}

/** "Khen thưởng": every reward proposal, with the achievement or the rating it rests on. */
function rewardSheet(rows: readonly PersonRow[], policy: Policy): TableSheet {
  const { decision, citations } = policy.regulation;
  const rewardRows: CellValue[][] = [];
  for (const r of rows) {
    for (const reward of r.evaluation.unit.rewards) {
      const note = reward.outcome === 'thuong-dot-xuat' ? r.evaluation.unit.followUp.note : RATING_LABELS[r.rating].vi;
      rewardRows.push([
        r.name,
        r.position,
        r.unitName,
        REWARD_LABELS[reward.outcome].vi,
        note,
        citationsWithDecision(reward.citations.map(formatCitation), decision),
      ]);
    }
  }
  const none = `${formatCitation(citations.rewardConsideration)}, ${formatCitation(citations.adHocReward)}`;
  return {
    kind: 'table',
    name: 'Khen thưởng',
    title: `Đề xuất khen thưởng (${formatCitation(citations.rewards)})`,
    columns: [
      { header: 'Họ và tên', width: 24 },
      { header: 'Chức vụ', width: 20 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Hình thức đề xuất', width: 26 },
      { header: 'Thành tích', width: 36 },
      { header: 'Căn cứ', width: 36 },
    ],
    rows: rewardRows,
    emptyText: `Không có đề xuất khen thưởng (${none}).`,
  };
}

/** "Chi tiết": every item not met, with both statuses, the evidence, the note and the item's article. */
function detailSheet(evaluation: YearEvaluation, policy: Policy): TableSheet {
  const detailRows: CellValue[][] = [];
  for (const unit of evaluation.units) {
    for (const item of unit.assessment.items) {
      if (item.status !== 'khong-dat') continue;
      detailRows.push([
        `${unit.unit.name} (${unit.unit.code})`,
        item.item.section,
        item.item.code,
        item.item.textVi,
        item.selfAssessment === null ? '' : STATUS_LABELS[item.selfAssessment].vi,
        item.appraisal === null ? '' : STATUS_LABELS[item.appraisal].vi,
        item.evidence,
        item.note,
        `${formatCitation(item.item.citation)}, ${policy.regulation.decision}`,
      ]);
    }
  }
  return {
    kind: 'table',
    name: 'Chi tiết',
    title: 'Chi tiết các tiêu chí không đạt',
    columns: [
      { header: 'Đơn vị', width: 26 },
      { header: 'Mục', width: 6 },
      { header: 'Mã tiêu chí', width: 9 },
      { header: 'Nội dung tiêu chí', width: 50 },
      { header: 'Tự đánh giá', width: 12 },
      { header: 'Thẩm định', width: 12 },
      { header: 'Minh chứng', width: 28 },
      { header: 'Ghi chú', width: 28 },
      { header: 'Căn cứ', width: 30 },
    ],
    rows: detailRows,
    emptyText: 'Không có tiêu chí nào không đạt.',
  };
}

const SANCTIONED = new Set(['phe-binh', 'khien-trach', 'canh-cao']);

/** The person and the facts the sanction points look at: the first columns of both sanction sheets. */
function factColumns(year: number, policy: Pick<Policy, 'parameters'>): Column[] {
  return [
    { header: 'Họ và tên', width: 24 },
    { header: 'Chức vụ', width: 20 },
    { header: 'Đơn vị', width: 28 },
    { header: 'Mục vi phạm', width: 10 },
    { header: 'Chậm triển khai kết luận', width: 13 },
    { header: `Nhóm ${bottomGroupName(policy, 'vi')} năm ${year - 1} và ${year}`, width: 24 },
    { header: 'Yêu cầu kiểm điểm', width: 12 },
  ];
}

function factCells(r: PersonRow, year: number): CellValue[] {
  return [
    r.name,
    r.position,
    r.unitName,
    sectionList(r.violatedSections),
    yesNo(r.slow, 'vi'),
    bottomTwoYearsText(r, year, 'vi'),
    yesNo(r.reviewDemanded, 'vi'),
  ];
}

/** The sanction workbook (product.md): Đề xuất xử lý, Cần xem xét, Cảnh báo, Căn cứ và tham số. */
export function sanctionDocument(evaluation: YearEvaluation, rows: readonly PersonRow[], info: RunInfo): Document {
  const sheets: Document['sheets'][number][] = [];
  const { policy } = info;
  const { regulation } = policy;
  const decision = regulation.decision;
  const year = evaluation.year;
  const proposals = rows.filter((r) => r.sanction !== null && SANCTIONED.has(r.sanction));
  sheets.push({
    kind: 'table',
    name: 'Đề xuất xử lý',
    title: `Đề xuất xử lý trách nhiệm người đứng đầu (${formatCitation(regulation.citations.sanctions)})`,
    subtitle: `Năm ${year} — theo ${decision}`,
    columns: [
      ...factColumns(year, policy),
      { header: 'Hình thức đề xuất', width: 16 },
      { header: 'Căn cứ', width: 40 },
    ],
    rows: proposals.map((r): CellValue[] => [
      ...factCells(r, year),
      r.sanction === null ? '' : SANCTION_LABELS[r.sanction].vi,
      citationsWithDecision(r.sanctionCitations, decision) +
        (r.evaluation.unit.sanction.mappedByPolicy
          ? ` (trường hợp chưa quy định, áp dụng theo tham số uncoveredCases)`
          : ''),
    ]),
    emptyText: 'Không có đề xuất xử lý.',
  });
  const review = rows.filter((r) => r.sanction === 'can-xem-xet' || r.sanction === 'thieu-du-lieu');
  sheets.push({
    kind: 'table',
    name: 'Cần xem xét',
    title: `Các trường hợp cần Sở Nội vụ xem xét (${formatCitation(regulation.citations.homeAffairs)})`,
    columns: [
      ...factColumns(year, policy),
      { header: 'Lý do cần xem xét', width: 46 },
      { header: 'Các điểm gần nhất', width: 30 },
      { header: 'Căn cứ', width: 34 },
    ],
    rows: review.map((r): CellValue[] => [
      ...factCells(r, year),
      uncoveredText(r, policy, 'vi'),
      r.evaluation.unit.sanction.nearestClauses.map(formatCitation).join('; '),
      citationsWithDecision(r.sanctionCitations, decision),
    ]),
    emptyText: 'Không có trường hợp nào.',
  });
  sheets.push(warningsSheet(info), basisSheet(info));
  return { block: info.block, sheets };
}

/** The ranking workbook of `ict-eval rank`: Xếp hạng, Nhóm, Căn cứ và tham số. */
export function rankingDocument(
  ranking: Ranking,
  previous: Ranking | null,
  components: ReadonlyMap<string, readonly { name: string; value: number | string | null }[]>,
  names: ReadonlyMap<string, string>,
  info: RunInfo,
): Document {
  const sheets: Document['sheets'][number][] = [];
  const { policy } = info;
  const topPercent = percent(policy.parameters.topShare, 'vi');
  const bottomPercent = percent(policy.parameters.bottomShare, 'vi');
  const previousOf = new Map((previous?.ranked ?? []).map((r) => [r.unitCode, r]));
  const componentNames = [...new Set([...components.values()].flatMap((list) => list.map((c) => c.name)))];
  const rows: CellValue[][] = ranking.ranked.map((r) => {
    const before = previousOf.get(r.unitCode);
    const group =
      [r.top ? topGroupName(policy, 'vi') : '', r.bottom ? bottomGroupName(policy, 'vi') : '']
        .filter((g) => g !== '')
        .join(' và ') || '—';
    const own = components.get(r.unitCode) ?? [];
    return [
      r.unitCode,
      names.get(r.unitCode) ?? '',
      blockLabel(policy, r.block, 'vi'),
      r.score,
      r.rank,
      group,
      ...(previous === null ? [] : [before?.rank ?? null, before === undefined ? 'Mới' : before.rank - r.rank]),
      ...componentNames.map((name) => own.find((c) => c.name === name)?.value ?? null),
    ];
  });
  for (const u of ranking.unranked)
    rows.push([
      u.unitCode,
      names.get(u.unitCode) ?? '',
      blockLabel(policy, u.block, 'vi'),
      null,
      null,
      'Không xếp hạng (không có điểm)',
      ...(previous === null ? [] : [null, null]),
      ...componentNames.map(() => null),
    ]);
  sheets.push({
    kind: 'table',
    name: 'Xếp hạng',
    title: 'Xếp hạng mức độ ứng dụng công nghệ thông tin (ICT Index)',
    columns: [
      { header: 'Mã đơn vị', width: 10 },
      { header: 'Tên đơn vị', width: 30 },
      { header: 'Khối', width: 16 },
      { header: 'Điểm ICT Index', width: 11 },
      { header: 'Hạng', width: 7 },
      { header: 'Nhóm', width: 18 },
      ...(previous === null
        ? []
        : [
            { header: 'Hạng năm trước', width: 9 },
            { header: 'Thay đổi (+ là tăng hạng)', width: 12 },
          ]),
      ...componentNames.map((name) => ({ header: name, width: 14 })),
    ],
    rows,
  });
  sheets.push({
    kind: 'table',
    name: 'Nhóm',
    title: `Quy mô nhóm ${topGroupName(policy, 'vi')} và ${bottomGroupName(policy, 'vi')}`,
    columns: [
      { header: 'Phạm vi xếp hạng', width: 26 },
      { header: 'Số đơn vị xếp hạng (N)', width: 14 },
      { header: `k (nhóm ${topPercent})`, width: 12 },
      { header: `k' (nhóm ${bottomPercent})`, width: 12 },
      { header: `Số đơn vị nhóm ${topPercent}`, width: 12 },
      { header: `Số đơn vị nhóm ${bottomPercent}`, width: 12 },
      { header: 'Căn cứ', width: 40 },
    ],
    rows: ranking.groups.map((g) => [
      blockLabel(policy, g.scope, 'vi'),
      g.n,
      g.topSize,
      g.bottomSize,
      g.topCount,
      g.bottomCount,
      `${ranking.citations.map(formatCitation).join('; ')}, ${policy.regulation.decision}`,
    ]),
  });
  sheets.push(warningsSheet(info), basisSheet(info));
  return { block: info.block, sheets };
}
