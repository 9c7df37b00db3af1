import { formatCitation } from '../../rules/citation.js';
import type { YearEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import type { Problem } from '../../problems.js';
import type { UnitDifficulties } from '../../inputs/difficulties.js';
import type { TableSheet, TitleBlock } from './document.js';
import {
  RATING_LABELS,
  REWARD_LABELS,
  SANCTION_LABELS,
  blockLabel,
  bottomGroupName,
  percent,
  reviewReasonLabel,
  topGroupName,
} from './labels.js';
import { type PersonRow, SANCTION_FORMS, isProposed, toReview } from './model.js';
import { type HistoryDiff, changesSheet, outcomeText } from './history.js';
import { ratingBasis } from './describe.js';
import { indexLine, smallGroupNote, unitNotes } from './outputs.js';
import { attachedLine } from './title.js';
import { previousPlace, previousPlaceText } from '../../rules/ranking.js';
import type { LegalContext } from '../../rules/legal.js';
import { type ReportChart, rankMovement, rankMoves, scoreDistribution, violationsByBlock } from './charts.js';

/**
 * The Sở's annual report to UBND tỉnh (Điều 19), before it is rendered as a Word document: the frame of
 * Nghị định 30/2020/NĐ-CP, sections of paragraphs, and appendices as tables. Every number and name is taken from the
 * same evaluation as the workbooks; the sentences are assembled from its facts and citations, never typed.
 */
export interface AnnualReport {
  readonly block: TitleBlock;
  /** "Số: …/BC-…" left blank to fill. */
  readonly number: string;
  /** The kind of document as its title ("BÁO CÁO"); empty for a letter (công văn), which has none. */
  readonly title: string;
  /** What the document is about: the report's title line, or the letter's "V/v …" under its number. */
  readonly subject: string;
  /** A letter's "Kính gửi: …" line. */
  readonly addressee?: string;
  /** What an appendix says it goes with: "(Kèm theo Báo cáo …)". */
  readonly attachedTo: string;
  /** Why the report is a draft (persons not rated yet), when it is one. */
  readonly draft?: string;
  readonly basis: readonly string[];
  readonly sections: readonly ReportSection[];
  readonly recipients: readonly string[];
  readonly appendices: readonly ReportTable[];
  /** The counts the report states, for a reader to check against the workbooks (and for the tests). */
  readonly counts: Readonly<Record<string, number>>;
}

export interface ReportSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly tables?: readonly ReportTable[];
  /** Charts after the paragraphs, numbered through the document ("Biểu đồ 1."). */
  readonly charts?: readonly ReportChart[];
}

export interface ReportTable {
  readonly title: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  readonly rows: readonly (readonly string[])[];
}

const RATINGS = ['xuat-sac', 'hoan-thanh', 'khong-hoan-thanh', 'thieu-du-lieu'] as const;

/** The annual report of a year. */
export function annualReport(
  evaluation: YearEvaluation,
  rows: readonly PersonRow[],
  policy: Policy,
  block: TitleBlock,
  warnings: readonly Problem[],
  legal: LegalContext,
  context: {
    /** The contested readings that change someone's outcome (`what-if`), each a proposal to amend the regulation. */
    readonly readings?: readonly ReadingProposal[];
    /** The names the scores file gives the units of the index that are not in the units file. */
    readonly scoreNames?: ReadonlyMap<string, string>;
    /** What changed since the previous evaluation of the year. */
    readonly changes?: HistoryDiff | undefined;
    /** The units' own "Khó khăn, vướng mắc", in the order of the units. */
    readonly difficulties?: readonly UnitDifficulties[];
  } = {},
): AnnualReport {
  const { changes, difficulties = [] } = context;
  const scoreUnitNames = context.scoreNames ?? new Map<string, string>();
  const { regulation } = policy;
  const { year } = evaluation;
  const decision = regulation.reference.decisionVi;
  const rated = rows.filter((r) => r.rating !== 'thieu-du-lieu');
  const count = (rating: string, list: readonly PersonRow[] = rows) => list.filter((r) => r.rating === rating).length;
  const sanctioned = rows.filter(isProposed);
  const review = rows.filter(toReview);
  const rewarded = rows.filter((r) => r.rewards.length > 0);
  const units = evaluation.units;
  // A unit's own ad-hoc reward (an exceptional achievement with no named recipient): the workbook and the letter carry it.
  const collective = units.filter((u) => u.unitRewards.length > 0);
  const unitNames = new Map(units.map((u) => [u.unit.code, u.unit.name]));
  const scoreNames = new Map(scoreUnitNames);
  const reported = units.filter((u) => u.assessment.hasReport).length;
  const assessed = units.filter((u) => u.assessment.hasAssessment).length;
  const topShare = percent(policy.parameters.topShare, 'vi');
  const bottomShare = percent(policy.parameters.bottomShare, 'vi');

  const scope = [
    `Thực hiện ${regulation.reference.fullVi}, ${block.departmentSpeaks} tổng hợp, đánh giá kết quả ứng dụng công nghệ thông tin của các cơ quan, đơn vị, địa phương năm ${year} (${formatCitation(regulation.citations.assessment)}) và báo cáo UBND tỉnh (${formatCitation(regulation.citations.report)}) như sau.`,
    `Phạm vi: ${units.length} cơ quan, đơn vị, địa phương với ${rows.length} người chịu trách nhiệm (người đứng đầu, quyền / phụ trách và cấp phó được phân công theo ${formatCitation(regulation.citations.persons)}).`,
    `Dữ liệu nhận được: ${reported}/${units.length} đơn vị gửi báo cáo tự đánh giá; Sở đánh giá ${assessed}/${units.length} đơn vị; điểm ${policy.index.name} năm ${year} của ${evaluation.ranking.ranked.length} đơn vị được xếp hạng.`,
    ...(policy.index.own ? [] : [indexLine({ policy, legal })]),
    warnings.length === 0
      ? 'Không có cảnh báo về dữ liệu.'
      : `Còn ${warnings.length} cảnh báo về dữ liệu (thiếu dữ liệu, không phải lỗi), liệt kê trong trang "Cảnh báo" của bảng kết quả.`,
  ];
  const partYear = units.filter((u) => u.unit.period !== undefined && u.unit.period !== null);
  if (partYear.length > 0)
    scope.push(
      `Đơn vị chỉ hoạt động một phần của năm (thành lập hoặc kết thúc hoạt động trong năm): ${partYear.map((u) => `${u.unit.name} (${unitNotes(u)[0]?.replace(/^Đơn vị hoạt động /u, '') ?? ''})`).join(', ')}; người chịu trách nhiệm được nêu xếp loại, không đề nghị khen thưởng, không đề xuất hình thức xử lý mà chuyển xem xét.`,
    );
  if (evaluation.outOfScope.length > 0)
    scope.push(
      `Đơn vị ngoài phạm vi áp dụng của Quy định (địa bàn ngoài tỉnh trước hợp nhất), không xếp loại: ${evaluation.outOfScope.map((u) => `${u.name} (${u.territory ?? ''})`).join(', ')}.`,
    );
  const notReported = units.filter((u) => !u.assessment.hasReport).map((u) => u.unit.name);
  if (notReported.length > 0)
    scope.push(
      `Đơn vị chưa gửi báo cáo tự đánh giá (${formatCitation(regulation.citations.report)}): ${notReported.join(', ')}.`,
    );
  // The Sở's own open work (khoản 2 Điều 18): reported to UBND tỉnh here, never sent to Sở Nội vụ as a case.
  const unassessed = units.filter((u) => !u.assessment.hasAssessment).map((u) => u.unit.name);
  if (unassessed.length > 0)
    scope.push(
      `Đơn vị Sở chưa đánh giá (${formatCitation(regulation.citations.assessment)}), người chịu trách nhiệm chưa được xếp loại và chưa chuyển Sở Nội vụ: ${unassessed.join(', ')}. Sở tiếp tục đánh giá các đơn vị này trước khi hoàn thiện báo cáo.`,
    );

  const byBlock = policy.blocks
    .filter((b) => rows.some((r) => r.block === b.code))
    .map((b) => {
      const list = rows.filter((r) => r.block === b.code);
      const group = evaluation.ranking.groups.find((g) => g.scope === b.code) ?? evaluation.ranking.groups[0];
      // The groups as the index has them: a unit of the index that is not rated here is in them too, and said so.
      const ranked = evaluation.ranking.ranked.filter(
        (r) => r.block === b.code && group !== undefined && r.scope === group.scope,
      );
      const named = (r: (typeof ranked)[number]) =>
        r.rated
          ? (unitNames.get(r.unitCode) ?? r.unitCode)
          : `${scoreNames.get(r.unitCode) ?? r.unitCode} (không xếp loại)`;
      const top = ranked.filter((r) => r.top).map(named);
      const bottom = ranked.filter((r) => r.bottom).map(named);
      const counts = RATINGS.map((rating) => `${RATING_LABELS[rating].vi}: ${count(rating, list)}`).join('; ');
      return [
        `Khối ${blockLabel(policy, b.code, 'vi')}: ${list.length} người — ${counts}.`,
        group === undefined
          ? `Khối chưa có đơn vị được xếp hạng ${policy.index.name}.`
          : `Xếp hạng ${policy.index.name}: N = ${group.n} đơn vị, nhóm ${topGroupName(policy, 'vi')} k = ${group.topSize} (${topShare} × ${group.n}), nhóm ${bottomGroupName(policy, 'vi')} k' = ${group.bottomSize} (${bottomShare} × ${group.n}).${smallGroupNote(group, policy) === '' ? '' : ` ${smallGroupNote(group, policy)}`}`,
        `Nhóm ${topGroupName(policy, 'vi')}: ${unique(top).join(', ') || 'không có'}. Nhóm ${bottomGroupName(policy, 'vi')}: ${unique(bottom).join(', ') || 'không có'}.`,
      ];
    })
    .flat();
  const results = [
    `Tổng hợp: ${rows.length} người; ${RATINGS.map((rating) => `${RATING_LABELS[rating].vi}: ${count(rating)}`).join('; ')} (${formatCitation(regulation.citations.rating)}).`,
    ...byBlock,
    rewarded.length + collective.length === 0
      ? `Không có trường hợp đề nghị xem xét khen thưởng (${formatCitation(regulation.citations.rewards)}).`
      : `Đề nghị xem xét khen thưởng (${formatCitation(regulation.citations.rewards)}): ${[
          ...rewarded.map((r) => `${r.name} (${r.unitName}) — ${r.rewards.map((w) => REWARD_LABELS[w].vi).join(', ')}`),
          ...collective.map(
            (u) => `(tập thể) ${u.unit.name} — ${u.unitRewards.map((w) => REWARD_LABELS[w.outcome].vi).join(', ')}`,
          ),
        ].join('; ')}.`,
    sanctioned.length === 0
      ? `Không có đề xuất xử lý (${formatCitation(regulation.citations.sanctions)}).`
      : `Đề xuất xử lý (${formatCitation(regulation.citations.sanctions)}; khiển trách, cảnh cáo theo ${legal.discipline.short}): ${SANCTION_FORMS.map((f) => `${SANCTION_LABELS[f].vi} ${sanctioned.filter((r) => r.sanction === f).length}`).join(', ')} — ${sanctioned.map((r) => `${r.name} (${r.unitName}): ${SANCTION_LABELS[r.sanction ?? 'phe-binh'].vi.toLowerCase()}, ${r.sanctionCitations.join('; ')}`).join('; ')}.`,
    review.length === 0
      ? 'Không có trường hợp cần xem xét.'
      : `Các trường hợp đề nghị Sở Nội vụ xem xét, trình UBND tỉnh quyết định (${formatCitation(regulation.citations.homeAffairs)}): ${review.length} trường hợp, nêu tại Phụ lục 3.`,
  ];

  const previous = evaluation.previousRanking;
  const movement: string[] = [];
  if (previous === null) movement.push(`Chưa có điểm xếp hạng năm ${year - 1} để so sánh.`);
  else {
    const previousOf = new Map(previous.ranked.map((r) => [r.unitCode, r]));
    const codesOf = new Map(units.map((u) => [u.unit.code, u.unit.previousCodes]));
    const names = new Map(units.map((u) => [u.unit.code, u.unit.name]));
    // By the unit's previous codes too (renamed, merged): a renamed unit is not "new"; a merger has no one rank.
    const places = evaluation.ranking.ranked.map((r) => ({
      r,
      place: previousPlace(r.unitCode, codesOf.get(r.unitCode) ?? [], previousOf),
    }));
    // The same moves the rank-movement chart draws: one previous rank, in the same group.
    const moves = rankMoves(evaluation).map((m) => ({ r: m.unit, delta: m.from - m.unit.rank }));
    const merged = places.filter(({ place }) => place.status === 'merged');
    const up = moves.filter((m) => m.delta > 0).length;
    const down = moves.filter((m) => m.delta < 0).length;
    movement.push(
      `So với năm ${year - 1}: ${up} đơn vị tăng hạng, ${down} đơn vị giảm hạng, ${moves.length - up - down} đơn vị giữ nguyên hạng trong khối.`,
    );
    if (merged.length > 0)
      movement.push(
        `Đơn vị hợp nhất từ nhiều đơn vị năm trước (hạng năm trước là của từng đơn vị cũ, không so sánh trực tiếp): ${merged.map(({ r, place }) => `${names.get(r.unitCode) ?? r.unitCode} (${previousPlaceText(place, 'vi')})`).join('; ')}.`,
      );
    const twoYears = rows.filter((r) => r.bottomTwoYears === true).map((r) => r.unitName);
    movement.push(
      twoYears.length === 0
        ? `Không đơn vị nào thuộc nhóm ${bottomGroupName(policy, 'vi')} hai năm liền.`
        : `Thuộc nhóm ${bottomGroupName(policy, 'vi')} hai năm liền: ${unique(twoYears).join(', ')}.`,
    );
  }

  // Corrections since the previous evaluation of the year (a unit sent evidence, the Sở re-assessed an item): who,
  // from what to what, in a paragraph of section III and in full in an appendix.
  const changed = changes?.persons ?? [];
  const appendixChanges: ReportTable | undefined =
    changes === undefined || changed.length === 0 ? undefined : appendixOf(changesSheet(changes), 4);
  if (changes !== undefined)
    movement.push(
      changed.length === 0
        ? `So với lần tổng hợp trước của năm ${year}, không người nào thay đổi kết quả${changes.inputs.length > 0 ? ` dù ${changes.inputs.length} tệp dữ liệu đã được sửa` : ''}.`
        : `Điều chỉnh so với lần tổng hợp trước của năm ${year} (sau khi sửa ${changes.inputs.map((f) => f.what).join(', ') || 'tham số đánh giá'}): ${changed.length} người thay đổi kết quả, nêu tại Phụ lục 4 — ${changed.map((p) => `${p.name} (${p.unitName}): ${outcomeText(p.from).toLowerCase()} → ${outcomeText(p.to).toLowerCase()}`).join('; ')}.`,
    );

  const resultCharts: ReportChart[] = [
    ...evaluation.ranking.groups.map((g) => scoreDistribution(policy, evaluation.ranking, g.scope)),
    violationsByBlock(policy, evaluation),
  ].filter((c) => c !== undefined);
  const movementCharts: ReportChart[] = rankMovement(policy, evaluation);

  const appendixRating = numbered(
    'Phụ lục 1. Kết quả xếp loại người đứng đầu',
    [
      { header: 'Họ và tên', width: 22 },
      { header: 'Đơn vị', width: 30 },
      { header: 'Xếp loại', width: 24 },
      { header: 'Căn cứ', width: 30 },
    ],
    rated
      .concat(rows.filter((r) => r.rating === 'thieu-du-lieu'))
      .map((r) => [r.name, r.unitName, RATING_LABELS[r.rating].vi, r.ratingCitations.join('; ')]),
  );
  const appendixSanctions = numbered(
    'Phụ lục 2. Đề xuất hình thức xử lý',
    [
      { header: 'Họ và tên', width: 22 },
      { header: 'Đơn vị', width: 30 },
      { header: 'Hình thức đề xuất', width: 20 },
      { header: 'Căn cứ', width: 34 },
    ],
    sanctioned.map((r) => [
      r.name,
      r.unitName,
      SANCTION_LABELS[r.sanction ?? 'phe-binh'].vi,
      r.sanctionCitations.join('; '),
    ]),
  );
  const appendixReview = numbered(
    'Phụ lục 3. Các trường hợp cần xem xét',
    [
      { header: 'Họ và tên', width: 22 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Lý do', width: 56 },
    ],
    review.map((r) => [
      r.name,
      r.unitName,
      [
        ...r.reviewReasons.map((reason) => reviewReasonLabel(reason, policy, 'vi')),
        ...(r.rating === 'thieu-du-lieu' ? [ratingBasis(r, policy, 'vi')] : []),
      ].join('; ') || 'Trường hợp quy định chưa nêu rõ',
    ]),
  );

  return {
    block,
    number: `Số:        /BC-${block.symbol}`,
    title: 'BÁO CÁO',
    subject: `Kết quả đánh giá trách nhiệm người đứng đầu về ứng dụng công nghệ thông tin năm ${year}`,
    attachedTo: attachedLine(block, 'Báo cáo', `……/BC-${block.symbol}`),
    basis: [
      `Căn cứ ${decision} ban hành ${regulation.titleVi.charAt(0).toLowerCase()}${regulation.titleVi.slice(1)};`,
      ...legalBasisLines(legal),
    ],
    sections: [
      { heading: 'I. CÔNG TÁC ĐÁNH GIÁ', paragraphs: scope },
      { heading: 'II. KẾT QUẢ ĐÁNH GIÁ THEO KHỐI', paragraphs: results, charts: resultCharts },
      { heading: 'III. BIẾN ĐỘNG SO VỚI NĂM TRƯỚC', paragraphs: movement, charts: movementCharts },
      {
        heading: 'IV. KHÓ KHĂN, VƯỚNG MẮC CỦA CÁC ĐƠN VỊ',
        paragraphs:
          difficulties.length === 0
            ? [
                `Không đơn vị nào nêu khó khăn, vướng mắc trong báo cáo tự đánh giá (cột "Khó khăn, vướng mắc"; ${formatCitation(regulation.citations.amendment)}). Ý kiến gửi bằng văn bản khác bổ sung vào mục này trước khi ký.`,
              ]
            : [
                `${difficulties.length}/${units.length} đơn vị nêu khó khăn, vướng mắc trong báo cáo tự đánh giá (${formatCitation(regulation.citations.amendment)}), nguyên văn:`,
                ...difficulties.map((d) => `- ${d.unitName}: ${d.texts.join(' ')}`),
              ],
      },
      {
        heading: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
        paragraphs: [
          `Đề nghị Sở Nội vụ tổng hợp các đề xuất khen thưởng và xử lý nêu tại Phụ lục 1–3, trình UBND tỉnh xem xét, quyết định (${formatCitation(regulation.citations.homeAffairs)}).`,
          'Đề nghị các cơ quan, đơn vị, địa phương có người đứng đầu không hoàn thành nhiệm vụ khắc phục các tiêu chí không đạt trong năm tiếp theo.',
          ...amendmentProposals(rows, policy, context.readings ?? []),
        ],
      },
    ],
    recipients: ['UBND tỉnh (để báo cáo);', 'Sở Nội vụ (để tổng hợp, trình);', 'Lưu: VT.'],
    appendices: [
      appendixRating,
      appendixSanctions,
      appendixReview,
      ...(appendixChanges === undefined ? [] : [appendixChanges]),
    ],
    counts: {
      persons: rows.length,
      ...Object.fromEntries(RATINGS.map((rating) => [rating, count(rating)])),
      sanctioned: sanctioned.length,
      review: review.length,
    },
  };
}

/**
 * The acts of the province a year's documents rest on besides the regulation, as "Căn cứ …;" lines: what keeps the
 * regulation applying after the merger, and what adopts another index for the ranking (rules.md v3).
 */
export function legalBasisLines(legal: Pick<LegalContext, 'lines'>): string[] {
  return legal.lines
    .filter((line) => line.source === 'config' && (line.key === 'regulation' || line.key === 'index'))
    .map((line) => `Căn cứ ${line.act};`);
}

/** A contested reading of the regulation that changes some persons' outcomes, as section V proposes to settle it. */
export interface ReadingProposal {
  /** The question in words ("Cách hiểu điểm c"), and the other reading ("chỉ cần một trong hai điều kiện"). */
  readonly question: string;
  readonly other: string;
  /** The persons whose outcome the other reading changes: "Nguyễn Văn A (Huyện Lạc Sơn)". */
  readonly persons: readonly string[];
}

/**
 * Section V's proposals to amend the regulation (đoạn 2 Điều 19: difficulties go to the Sở "để tổng hợp, trình UBND
 * tỉnh xem xét, sửa đổi, bổ sung Quy định"): each kind of case the regulation does not settle that this year met — a
 * case no point of khoản 1 Điều 17 covers, a review demanded without all four sections, a proposal resting on items
 * with no indicator, a deputy assigned part of the sections — and each contested reading that changes someone's outcome.
 */
function amendmentProposals(
  rows: readonly PersonRow[],
  policy: Policy,
  readings: readonly ReadingProposal[],
): string[] {
  const { citations } = policy.regulation;
  const who = (list: readonly PersonRow[]) => list.map((r) => `${r.name} (${r.unitName})`).join(', ');
  const kinds: { list: PersonRow[]; what: string }[] = [
    {
      list: rows.filter((r) => r.reviewReasons.includes('uncovered')),
      what: `trường hợp vi phạm mà ${formatCitation(citations.sanctions)} chưa quy định hình thức xử lý`,
    },
    {
      list: rows.filter((r) =>
        r.reviewReasons.some((reason) => policy.regulation.sanctionRules.some((s) => s.flag?.id === reason)),
      ),
      what: 'trường hợp cấp trên yêu cầu kiểm điểm nhưng chưa vi phạm cả các mục (điều kiện của điểm c chưa rõ liên từ)',
    },
    {
      list: rows.filter((r) => r.reviewReasons.includes('no-indicator') || r.remarks.includes('no-indicator')),
      what: 'đề xuất xử lý dựa vào tiêu chí chưa gắn chỉ tiêu đánh giá (Quy định dẫn chỉ tiêu của QĐ 15/2011/QĐ-UBND, nay đã thay đổi)',
    },
    {
      list: rows.filter((r) => r.remarks.includes('deputy-excellence')),
      what: `cấp phó được phân công một phần các mục trong khi đơn vị vi phạm mục khác (${formatCitation(citations.rating)} chưa quy định; tạm xếp hoàn thành nhiệm vụ)`,
    },
  ].filter((k) => k.list.length > 0);
  const amend = formatCitation(citations.amendment);
  const lines = kinds.map(
    (k) =>
      `Đề nghị UBND tỉnh xem xét sửa đổi, bổ sung Quy định (${amend}) cho ${k.what}: năm nay ${k.list.length} người — ${who(k.list)}.`,
  );
  for (const reading of readings) {
    lines.push(
      `Đề nghị UBND tỉnh quy định rõ ${reading.question.charAt(0).toLowerCase()}${reading.question.slice(1)} (${amend}): nếu hiểu ${reading.other}, kết quả của ${reading.persons.length} người sẽ khác — ${reading.persons.join(', ')}.`,
    );
  }
  return lines;
}

/** An appendix table with its "STT" column first, numbering the rows from 1. */
function numbered(
  title: string,
  columns: readonly { readonly header: string; readonly width: number }[],
  rows: readonly (readonly string[])[],
): ReportTable {
  return {
    title,
    columns: [{ header: 'STT', width: 8 }, ...columns],
    rows: rows.map((row, i) => [String(i + 1), ...row]),
  };
}

/**
 * A sheet of the workbooks as an appendix: "Phụ lục n. <title>", STT first, the same rows in the same words; only the
 * columns named in `headers` when given (a Word page is narrower than a sheet).
 */
export function appendixOf(sheet: TableSheet, number: number, headers?: readonly string[]): ReportTable {
  const kept = sheet.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => headers === undefined || headers.includes(c.header));
  return numbered(
    `Phụ lục ${number}. ${sheet.title}`,
    kept.map(({ c }) => ({ header: c.header, width: c.width })),
    sheet.rows.map((row) =>
      kept.map(({ i }) => {
        const cell = row[i] ?? null;
        return cell === null ? '' : String(cell);
      }),
    ),
  );
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
