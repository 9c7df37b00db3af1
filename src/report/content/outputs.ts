import { formatCitation } from '../../rules/citation.js';
import type { YearEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import { groupText, ratingBasis } from './describe.js';
import {
  RATING_LABELS,
  REWARD_LABELS,
  SECTION_STATUS_LABELS,
  STATUS_LABELS,
  bottomGroupName,
  noteLabel,
  reviewReasonLabel,
  roleText,
} from './labels.js';
import { type PersonRow, awaitsAssessment } from './model.js';
import type { CellValue, Document, TableSheet } from './document.js';
import {
  type RunInfo,
  basisSheet,
  warningsSheet,
  textPool,
  subtitle,
  basisLine,
  unitNotes,
  byBlock,
  countLines,
  indicated,
} from './sheets.js';

/**
 * The rating workbook for Sở Nội vụ (product.md, "Outputs"): Xếp loại, Khen thưởng, Chi tiết, while any unit awaits the
 * Sở's assessment "Sở cần đánh giá" (rules.md v3: a draft's sheet for the Sở itself), Cảnh báo, Căn cứ và tham số.
 */
export function ratingDocument(evaluation: YearEvaluation, rows: readonly PersonRow[], info: RunInfo): Document {
  const open = openWorkSheet(evaluation, rows, info.policy);
  return {
    block: info.block,
    sheets: [
      ratingSheet(evaluation.year, rows, info.policy),
      rewardSheet(evaluation, rows, info.policy),
      detailSheet(evaluation, info.policy),
      ...(open === undefined ? [] : [open]),
      warningsSheet(info),
      basisSheet(info),
    ],
  };
}

/**
 * "Sở cần đánh giá": the units the Sở has not assessed yet, with their persons and the facts the Sở already holds, so
 * that they are assessed before the year is final (khoản 2 Điều 18) — the Sở's own work, never a case for Sở Nội vụ.
 * Undefined when every unit has been assessed.
 */
function openWorkSheet(evaluation: YearEvaluation, rows: readonly PersonRow[], policy: Policy): TableSheet | undefined {
  const { citations } = policy.regulation;
  const units = evaluation.units.filter((u) => !u.assessment.hasAssessment);
  if (units.length === 0) return undefined;
  const grouped = byBlock(
    units.map((u) => ({ unit: u, block: u.unit.block })),
    policy,
  );
  const same = textPool();
  return {
    kind: 'table',
    name: 'Sở cần đánh giá',
    title: `Các đơn vị Sở chưa đánh giá (${formatCitation(citations.assessment)})`,
    subtitle: `Sở đánh giá kết quả của mọi cơ quan, đơn vị, địa phương hằng năm, dù đơn vị đã gửi báo cáo hay chưa (${formatCitation(citations.assessment)}); Sở Nội vụ chỉ xem xét căn cứ vào kết quả đánh giá của Sở (${formatCitation(citations.homeAffairs)}). Các trường hợp này không gửi Sở Nội vụ cho đến khi Sở đánh giá xong.`,
    columns: [
      { header: 'Đơn vị', width: 30 },
      { header: 'Người chịu trách nhiệm', width: 30 },
      { header: 'Báo cáo của đơn vị', width: 18 },
      { header: 'Thông tin Sở đã có', width: 40 },
    ],
    rows: grouped.items.map(({ unit }): CellValue[] => {
      const persons = rows.filter((r) => r.unitCode === unit.unit.code);
      const follow = unit.followUp;
      const facts = [
        follow.slow ? 'chậm triển khai kết luận của UBND tỉnh' : '',
        follow.reviewDemanded
          ? `cấp trên yêu cầu kiểm điểm${follow.reviewDocument === '' ? '' : ` (${follow.reviewDocument})`}`
          : '',
        unit.rank?.bottom === true ? `thuộc nhóm ${bottomGroupName(policy, 'vi')} năm ${evaluation.year}` : '',
      ].filter((f) => f !== '');
      return [
        `${unit.unit.name} (${unit.unit.code})`,
        same(
          persons.map((r) => `${r.name} — ${roleText(r, 'vi')}`).join('; ') ||
            'Không có người đứng đầu trong danh sách',
        ),
        unit.assessment.hasReport ? 'Đã gửi' : `Chưa gửi (${formatCitation(citations.reporting)})`,
        same(facts.length === 0 ? 'Không có' : facts.join('; ')),
      ];
    }),
    groups: grouped.groups,
    totals: [`Tổng cộng: ${units.length} đơn vị Sở chưa đánh giá.`],
  };
}

/** "Xếp loại": one row per responsible person, with the sections, the rank, the group, the rating and its basis. */
function ratingSheet(year: number, rows: readonly PersonRow[], policy: Policy): TableSheet {
  const { regulation } = policy;
  const grouped = byBlock(rows, policy);
  const ratings = Object.values(RATING_LABELS).map((l) => l.vi);
  const same = textPool();
  return {
    kind: 'table',
    name: 'Xếp loại',
    title: 'Kết quả đánh giá trách nhiệm người đứng đầu về ứng dụng công nghệ thông tin',
    subtitle: subtitle(year, policy),
    official: { basis: basisLine(policy) },
    columns: [
      { header: 'Họ và tên', width: 19 },
      { header: 'Chức vụ', width: 13 },
      { header: 'Vai trò', width: 13 },
      { header: 'Đơn vị', width: 20 },
      ...regulation.sections.map((s) => ({ header: `Mục ${s.number}. ${s.shortVi}`, width: 9 })),
      { header: `Điểm ${policy.index.name}`, width: 7 },
      { header: 'Hạng trong khối', width: 7 },
      { header: 'Nhóm', width: 10 },
      { header: 'Xếp loại', width: 13 },
      { header: 'Căn cứ', width: 28 },
      { header: 'Ghi chú', width: 19 },
    ],
    rows: grouped.items.map((r): CellValue[] => [
      r.name,
      r.position,
      roleText(r, 'vi'),
      r.unitName,
      ...r.sections.map((s) => (s === null ? '—' : SECTION_STATUS_LABELS[s].vi)),
      r.score,
      r.rank,
      same(groupText(r, policy, 'vi')),
      RATING_LABELS[r.rating].vi,
      same(ratingBasis(r, policy, 'vi')),
      same(
        [
          ...unitNotes(r.evaluation.unit),
          ...r.remarks.map((remark) => noteLabel(remark, policy, 'vi')),
          ...(awaitsAssessment(r) ? ['Sở chưa đánh giá: xem trang "Sở cần đánh giá"'] : []),
          ...(awaitsAssessment(r) ? [] : r.reviewReasons).map(
            (reason) => `Cần xem xét: ${reviewReasonLabel(reason, policy, 'vi')}`,
          ),
        ].join('; '),
      ),
    ]),
    groups: grouped.groups,
    totals: countLines(grouped.items, policy, 'người', (r) => RATING_LABELS[r.rating].vi, ratings),
  };
}

/**
 * "Khen thưởng": every reward proposal, with the achievement or the rating it rests on; a unit's own ad-hoc reward too.
 * Grouped by block as "Xếp loại" is, with the counts of each kind per block and in all (issue #36).
 */
function rewardSheet(evaluation: YearEvaluation, rows: readonly PersonRow[], policy: Policy): TableSheet {
  const { citations } = policy.regulation;
  const proposals: { block: string; kind: string; cells: CellValue[] }[] = [];
  for (const r of rows) {
    for (const reward of r.evaluation.rewards) {
      const note = reward.outcome === 'thuong-dot-xuat' ? r.evaluation.unit.followUp.note : RATING_LABELS[r.rating].vi;
      proposals.push({
        block: r.block,
        kind: REWARD_LABELS[reward.outcome].vi,
        cells: [
          r.name,
          r.position,
          r.unitName,
          REWARD_LABELS[reward.outcome].vi,
          note,
          reward.citations.map((c) => formatCitation(c)).join('; '),
        ],
      });
    }
  }
  for (const unit of evaluation.units) {
    for (const reward of unit.unitRewards) {
      proposals.push({
        block: unit.unit.block,
        kind: REWARD_LABELS[reward.outcome].vi,
        cells: [
          `(Tập thể) ${unit.unit.name}`,
          '',
          unit.unit.name,
          REWARD_LABELS[reward.outcome].vi,
          unit.followUp.note,
          reward.citations.map((c) => formatCitation(c)).join('; '),
        ],
      });
    }
  }
  const grouped = byBlock(proposals, policy);
  const kinds = Object.values(REWARD_LABELS).map((l) => l.vi);
  const none = `${formatCitation(citations.rewardConsideration)}, ${formatCitation(citations.adHocReward)}`;
  return {
    kind: 'table',
    name: 'Khen thưởng',
    title: `Danh sách đề nghị xem xét khen thưởng (${formatCitation(citations.rewards)})`,
    subtitle: `Xem xét khen thưởng theo ${formatCitation(citations.rewardConsideration)} chỉ dành cho người đứng đầu (kể cả quyền / phụ trách); hình thức, mức thưởng do cấp có thẩm quyền quyết định.`,
    official: { basis: basisLine(policy) },
    columns: [
      { header: 'Họ và tên', width: 24 },
      { header: 'Chức vụ', width: 20 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Nội dung đề nghị', width: 26 },
      { header: 'Thành tích', width: 36 },
      { header: 'Căn cứ', width: 30 },
    ],
    rows: grouped.items.map((p) => p.cells),
    groups: grouped.groups,
    emptyText: `Không có đề nghị khen thưởng (${none}).`,
    totals: countLines(grouped.items, policy, 'đề nghị', (p) => p.kind, kinds),
  };
}

/** "Chi tiết": every item not met or not assessed, with both statuses, the evidence, the notes and the item's article. */
function detailSheet(evaluation: YearEvaluation, policy: Policy): TableSheet {
  const detailRows: CellValue[][] = [];
  const same = textPool();
  for (const unit of evaluation.units) {
    // The unit's label, made once for all its rows.
    const label = `${unit.unit.name} (${unit.unit.code})`;
    for (const item of unit.assessment.items) {
      const notAssessed = item.missing !== null && !item.informationOnly;
      if (item.status !== 'khong-dat' && !notAssessed) continue;
      detailRows.push([
        label,
        item.item.section,
        item.item.code,
        item.item.textVi,
        item.selfAssessment === null ? '' : STATUS_LABELS[item.selfAssessment].vi,
        item.assessment === null ? 'Chưa đánh giá' : STATUS_LABELS[item.assessment].vi,
        item.informationOnly
          ? 'Chỉ theo dõi, không tính vi phạm'
          : item.decidedBy === 'self-assessment'
            ? 'Theo tự đánh giá'
            : '',
        item.evidence,
        same([item.note, item.unitNote].filter((n) => n !== '').join(' / ')),
        same(indicated(formatCitation(item.item.citation), policy.indicators.get(item.item.code))),
      ]);
    }
  }
  return {
    kind: 'table',
    name: 'Chi tiết',
    title: 'Chi tiết các tiêu chí không đạt hoặc chưa được đánh giá',
    subtitle: subtitle(evaluation.year, policy),
    columns: [
      { header: 'Đơn vị', width: 26 },
      { header: 'Mục', width: 6 },
      { header: 'Mã tiêu chí', width: 9 },
      { header: 'Nội dung tiêu chí', width: 50 },
      { header: 'Tự đánh giá', width: 12 },
      { header: 'Đánh giá của Sở', width: 14 },
      { header: 'Ghi chú kết quả', width: 16 },
      { header: 'Minh chứng', width: 28 },
      { header: 'Ghi chú', width: 28 },
      { header: 'Căn cứ', width: 18 },
    ],
    rows: detailRows,
    emptyText: 'Không có tiêu chí nào không đạt hay chưa được đánh giá.',
  };
}

export { basisSheet, warningsSheet, textPool, unitNotes, indexLine, smallGroupNote } from './sheets.js';
export type { RunInfo } from './sheets.js';

export { sanctionDocument } from './sanction-document.js';

export { rankingDocument } from './ranking-document.js';
