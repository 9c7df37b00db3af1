import { formatCitation } from '../../rules/citation.js';
import type { YearEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import { bottomTwoYearsText, ratingBasis, uncoveredText } from './describe.js';
import {
  RATING_LABELS,
  REWARD_LABELS,
  SANCTION_LABELS,
  bottomGroupName,
  noteLabel,
  proposedFormText,
  reviewReasonLabel,
  yesNo,
} from './labels.js';
import { type PersonRow, SANCTION_FORMS, isProposed, sectionList, toReview } from './model.js';
import type { CellValue, Column, Document, TableSheet } from './document.js';
import {
  type RunInfo,
  basisSheet,
  warningsSheet,
  textPool,
  subtitle,
  basisLine,
  byBlock,
  countLines,
} from './sheets.js';

/** The person and the facts the sanction points look at: the first columns of both sanction sheets. */
export function factColumns(year: number, policy: Pick<Policy, 'parameters'>): Column[] {
  return [
    { header: 'Họ và tên', width: 24 },
    { header: 'Chức vụ', width: 20 },
    { header: 'Đơn vị', width: 28 },
    { header: 'Mục vi phạm', width: 10 },
    { header: 'Chậm triển khai kết luận', width: 13 },
    { header: `Nhóm ${bottomGroupName(policy, 'vi')} năm ${year - 1} và ${year}`, width: 24 },
    { header: 'Yêu cầu kiểm điểm', width: 14 },
  ];
}

export function factCells(r: PersonRow, year: number, same: (text: string) => string): CellValue[] {
  const review = r.evaluation.unit.followUp;
  return [
    r.name,
    r.position,
    r.unitName,
    same(sectionList(r.violatedSections)),
    yesNo(r.slow, 'vi'),
    same(bottomTwoYearsText(r, year, 'vi')),
    review.reviewDemanded && review.reviewDocument !== ''
      ? same(`Có (${review.reviewDocument})`)
      : yesNo(r.reviewDemanded, 'vi'),
  ];
}

/** Why a case is on the review sheet: each reason in words, and the uncovered or uncertain case explained. */
export function reviewText(r: PersonRow, policy: Policy): string {
  const parts = r.reviewReasons
    .filter((reason) => reason !== 'uncovered')
    .map((reason) => reviewReasonLabel(reason, policy, 'vi'));
  const explained = uncoveredText(r, policy, 'vi');
  if (explained !== '') parts.unshift(explained);
  const withheld = r.evaluation.withheld;
  if (withheld !== null) parts.push(`Theo bảng của điều khoản: ${SANCTION_LABELS[withheld].vi}`);
  for (const reward of r.evaluation.withheldRewards)
    parts.push(
      `Theo bảng của điều khoản: ${REWARD_LABELS[reward.outcome].vi.toLowerCase()} — chưa đề nghị, chờ xem xét`,
    );
  for (const remark of r.remarks) parts.push(noteLabel(remark, policy, 'vi'));
  if (r.rating === 'thieu-du-lieu' && r.ratingReason !== 'no-report')
    parts.push(`Chưa xếp loại: ${ratingBasis(r, policy, 'vi')}`);
  if (r.ratingReason === 'no-report') {
    const possible = r.possibleRatings.map((x) => RATING_LABELS[x].vi).join(' hoặc ');
    parts.push(`Chưa xếp loại; có thể là: ${possible}`);
  }
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`.replace(/\.$/u, '');
  return `${parts.map(sentence).join('. ')}.`;
}

/** The sanction workbook (product.md): Đề xuất xử lý, Cần xem xét, Cảnh báo, Căn cứ và tham số. */
export function sanctionDocument(evaluation: YearEvaluation, rows: readonly PersonRow[], info: RunInfo): Document {
  const { policy } = info;
  const { regulation } = policy;
  const year = evaluation.year;
  const path = `Sở Nội vụ tổng hợp, trình UBND tỉnh xem xét, quyết định (${formatCitation(regulation.citations.homeAffairs)}). Phê bình không phải hình thức kỷ luật; khiển trách, cảnh cáo theo ${info.legal.discipline.short}. ${subtitle(year, policy)}`;
  const proposed = byBlock(rows.filter(isProposed), policy);
  const proposals = proposed.items;
  const reviewed = byBlock(rows.filter(toReview), policy);
  const review = reviewed.items;
  const formOf = (r: PersonRow) => (r.sanction === null ? '' : SANCTION_LABELS[r.sanction].vi);
  const same = textPool();
  const proposalSheet: TableSheet = {
    kind: 'table',
    name: 'Đề xuất xử lý',
    title: `Đề xuất hình thức xử lý trách nhiệm người đứng đầu (${formatCitation(regulation.citations.sanctions)})`,
    subtitle: path,
    official: { basis: basisLine(policy) },
    groups: proposed.groups,
    totals: countLines(
      proposals,
      policy,
      'người',
      formOf,
      SANCTION_FORMS.map((f) => SANCTION_LABELS[f].vi),
    ),
    columns: [
      ...factColumns(year, policy),
      { header: 'Hình thức đề xuất', width: 16 },
      { header: 'Căn cứ', width: 30 },
    ],
    rows: proposals.map((r): CellValue[] => [
      ...factCells(r, year, same),
      r.sanction === null ? '' : proposedFormText(r.sanction),
      same(
        r.sanctionCitations.join('; ') +
          (r.sanction === 'khien-trach' || r.sanction === 'canh-cao' ? `; ${info.legal.discipline.short}` : '') +
          (r.evaluation.sanction.mappedByPolicy
            ? ' (trường hợp quy định chưa nêu rõ, áp dụng theo tham số chính sách)'
            : ''),
      ),
    ]),
    emptyText: 'Không có đề xuất xử lý.',
  };
  const reviewSheet: TableSheet = {
    kind: 'table',
    name: 'Cần xem xét',
    title: `Các trường hợp đề nghị Sở Nội vụ xem xét, trình UBND tỉnh (${formatCitation(regulation.citations.homeAffairs)})`,
    subtitle: subtitle(year, policy),
    official: { basis: basisLine(policy) },
    groups: reviewed.groups,
    totals: countLines(review, policy, 'trường hợp', () => '', []),
    columns: [
      ...factColumns(year, policy),
      { header: 'Lý do cần xem xét', width: 50 },
      { header: 'Các điểm gần nhất', width: 26 },
      { header: 'Căn cứ', width: 26 },
    ],
    rows: review.map((r): CellValue[] => [
      ...factCells(r, year, same),
      same(reviewText(r, policy)),
      same(r.evaluation.sanction.nearestClauses.map((c) => formatCitation(c)).join('; ')),
      same(r.sanctionCitations.join('; ')),
    ]),
    emptyText: 'Không có trường hợp nào.',
  };
  return { block: info.block, sheets: [proposalSheet, reviewSheet, warningsSheet(info), basisSheet(info)] };
}
