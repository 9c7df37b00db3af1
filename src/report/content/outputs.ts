import type { InputFile } from '../../domain.js';
import { type Problem, formatWhere } from '../../problems.js';
import { formatCitation, formatFullCitation } from '../../rules/citation.js';
import type { UnitEvaluation, YearEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import { type RankGroup, type Ranking, previousPlace, previousPlaceText } from '../../rules/ranking.js';
import { type LegalContext, type LegalLine, withNowIs } from '../../rules/legal.js';
import { bottomTwoYearsText, groupText, ratingBasis, uncoveredText } from './describe.js';
import { describeParameters } from './parameters.js';
import {
  RATING_LABELS,
  REWARD_LABELS,
  SANCTION_LABELS,
  SECTION_STATUS_LABELS,
  STATUS_LABELS,
  blockLabel,
  bottomGroupName,
  dmy,
  noteLabel,
  percent,
  proposedFormText,
  reviewReasonLabel,
  roleText,
  topGroupName,
  yesNo,
} from './labels.js';
import { type PersonRow, SANCTION_FORMS, awaitsAssessment, isProposed, sectionList, toReview } from './model.js';
import type { CellValue, Column, Document, KeyValueSheet, TableSheet, TitleBlock } from './document.js';

/** What every output names besides its content: the run's policy, inputs, warnings and tool. */
export interface RunInfo {
  readonly block: TitleBlock;
  readonly policy: Policy;
  readonly files: readonly InputFile[];
  readonly warnings: readonly Problem[];
  readonly toolVersion: string;
  /** The legal context of the year: each fact with its act, and the acts still needed (rules.md v3). */
  readonly legal: LegalContext;
}

/**
 * The "Căn cứ và tham số" sheet: the legal basis, the parameters in Vietnamese words, and then, in a
 * section of its own, the technical matter (rules version, parameter codes, inputs with SHA-256, tool).
 */
export function basisSheet(info: RunInfo): KeyValueSheet {
  const { regulation, parameters, overridden } = info.policy;
  const cites = regulation.citations;
  const { legal } = info;
  const source = (line: LegalLine) =>
    line.source === 'module'
      ? 'quy định của công cụ, đã đối chiếu văn bản'
      : line.source === 'config'
        ? 'cấu hình của tỉnh (ict-eval.config.json)'
        : 'tiêu đề cột điểm của bảng điểm';
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
            `${dmy(regulation.effective)} (${formatFullCitation(regulation.effectiveCitation, regulation.reference)}: ${regulation.effectiveNoteVi})`,
          ],
          ...regulation.basis.map((b, i): [string, string] => [
            i === 0 ? 'Văn bản liên quan (như Quy định dẫn)' : '',
            withNowIs(b, regulation, legal.documentDate),
          ]),
          [
            'Đề xuất khen thưởng, xử lý',
            `Các hình thức nêu trong các bảng là đề xuất; Sở Nội vụ tổng hợp, trình UBND tỉnh xem xét, quyết định (${formatFullCitation(cites.homeAffairs, regulation.reference)}).`,
          ],
          [
            `Chỉ tiêu đánh giá cụ thể (${formatCitation(cites.sanctionsOpening)})`,
            info.policy.indicators.size === 0
              ? `Chưa cấu hình chỉ tiêu của ${regulation.context.index.act.replace(/ \(.*$/u, '')} cho từng tiêu chí: kết quả đánh giá của Sở được coi là việc áp dụng các chỉ tiêu đó.`
              : `${info.policy.indicators.size} tiêu chí đã gắn chỉ tiêu (${[...info.policy.indicators.keys()].join(', ')}); đề xuất xử lý dựa vào mục vi phạm mà tiêu chí không đạt chưa gắn chỉ tiêu: ${info.policy.parameters.itemsWithoutIndicator === 'review' ? 'chuyển xem xét' : 'giữ đề xuất, có ghi chú'}.`,
          ],
          [
            'Không thuộc phạm vi công cụ',
            'Việc khen thưởng của từng cơ quan, đơn vị đối với cá nhân, tập thể thuộc quyền quản lý do cơ quan, đơn vị thực hiện.',
          ],
        ],
      },
      {
        heading: `Bối cảnh pháp lý của năm ${legal.year} (văn bản ngày ${dmy(legal.documentDate)})`,
        rows: [
          ...legal.lines.map((line): [string, string] => [
            line.topic,
            `${line.value}. Căn cứ: ${line.act}. Nguồn: ${source(line)}${line.unverified === undefined ? '' : ` (${line.unverified})`}.`,
          ]),
          ...legal.needs.map((need, i): [string, string] => [
            i === 0 ? 'Còn thiếu (bản DỰ THẢO)' : '',
            `${need.vi.charAt(0).toUpperCase()}${need.vi.slice(1)}.`,
          ]),
        ],
      },
      { heading: 'Tham số áp dụng', rows: describeParameters(info.policy, 'vi') },
      {
        heading: 'Thông tin kỹ thuật',
        rows: [
          ['Phiên bản quy tắc', regulation.id],
          ['Phần mềm', `ict-eval ${info.toolVersion}`],
          ['Năm đánh giá', String(info.block.year)],
          ['Số cảnh báo dữ liệu', String(info.warnings.length)],
          ...(Object.keys(parameters) as (keyof typeof parameters)[]).map((key): [string, string] => [
            `Tham số ${key}`,
            `${JSON.stringify(parameters[key])}${overridden.includes(key) ? ' (đã thay đổi)' : ''}`,
          ]),
          ...info.files.map((f): [string, string] => [`Tệp ${f.path}`, `SHA-256 ${f.sha256} (${f.bytes} byte)`]),
        ],
      },
    ],
  };
}

export function warningsSheet(info: RunInfo): TableSheet {
  return {
    kind: 'table',
    name: 'Cảnh báo',
    title: 'Cảnh báo về dữ liệu (thiếu dữ liệu, không phải lỗi)',
    columns: [
      { header: 'Nội dung', width: 90 },
      { header: 'Vị trí', width: 50 },
    ],
    // Each warning as a sentence (the terminal puts the location first; here it has its own column).
    rows: info.warnings.map((w) => [`${w.message.charAt(0).toUpperCase()}${w.message.slice(1)}`, formatWhere(w.where)]),
    emptyText: 'Không có cảnh báo.',
  };
}

/**
 * One string for each text a table makes again and again for its rows (the same group, reasons and articles for
 * thousands of persons): a national year's sheets made a copy per row, some 4 MB of the sanction workbook's document
 * while it was rendered (issue #15). The texts are the same; only their copies go.
 */
export function textPool(): (text: string) => string {
  const texts = new Map<string, string>();
  return (text) => {
    const found = texts.get(text);
    if (found !== undefined) return found;
    texts.set(text, text);
    return text;
  };
}

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

/** The subtitle of a sheet: the year, and the instrument every short citation in it belongs to. */
function subtitle(year: number, policy: Policy): string {
  return `Năm ${year} — các điều, khoản, điểm dẫn trong bảng là của ${policy.regulation.reference.fullVi}`;
}

/** The legal basis line of an official attachment: "Căn cứ Quyết định số … ban hành Quy định …". */
function basisLine(policy: Policy): string {
  const { regulation } = policy;
  const title = regulation.titleVi.charAt(0).toLowerCase() + regulation.titleVi.slice(1);
  return `Căn cứ ${regulation.reference.decisionVi} ban hành ${title}.`;
}

/** A group row's title: `KHỐI SỞ, BAN, NGÀNH`. */
function groupTitle(policy: Policy, block: string): string {
  return `Khối ${blockLabel(policy, block, 'vi')}`;
}

/**
 * What a cell notes about a unit's year (rules.md v3): the part of the year it existed, and the merger it went through
 * ("hợp nhất từ 01/07/2025", its act on the basis sheet), or that no act covers it.
 */
export function unitNotes(unit: UnitEvaluation): string[] {
  const notes: string[] = [];
  const period = unit.unit.period ?? null;
  if (period !== null) notes.push(`Đơn vị hoạt động từ ${dmy(period.from)} đến ${dmy(period.to)}`);
  if (unit.merger === 'unconfirmed') notes.push('Hợp nhất trong năm: chưa có văn bản (legal.mergers)');
  // The act itself is on the basis sheet, once: a cell names the day.
  else if (unit.merger !== null) notes.push(`Hợp nhất từ ${dmy(unit.merger.from)} (văn bản: trang Căn cứ và tham số)`);
  return notes;
}

/** The rows in the order of the policy's blocks (stable inside a block), with each row's group title. */
function byBlock<T extends { readonly block: string }>(
  items: readonly T[],
  policy: Policy,
): { items: T[]; groups: string[] } {
  const order = new Map(policy.blocks.map((b, i) => [b.code, i]));
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (order.get(a.item.block) ?? 99) - (order.get(b.item.block) ?? 99) || a.index - b.index)
    .map((x) => x.item);
  return { items: sorted, groups: sorted.map((item) => groupTitle(policy, item.block)) };
}

/** "Khối …: 20 người — Hoàn thành xuất sắc nhiệm vụ: 4; …" for each group and for all: the counts under a table. */
function countLines<T extends { readonly block: string }>(
  items: readonly T[],
  policy: Policy,
  noun: string,
  labelOf: (item: T) => string,
  labels: readonly string[],
): string[] {
  const line = (heading: string, list: readonly T[]) => {
    const counts = labels
      .map((l) => [l, list.filter((item) => labelOf(item) === l).length] as const)
      .filter(([, n]) => n > 0)
      .map(([l, n]) => `${l}: ${n}`);
    return `${heading}: ${list.length} ${noun}${counts.length === 0 ? '' : ` — ${counts.join('; ')}`}.`;
  };
  const blocks = policy.blocks.filter((b) => items.some((item) => item.block === b.code));
  const perBlock =
    blocks.length > 1
      ? blocks.map((b) =>
          line(
            groupTitle(policy, b.code),
            items.filter((item) => item.block === b.code),
          ),
        )
      : [];
  return [...perBlock, line('Tổng cộng', items)];
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

/**
 * The index the ranking is by, with its basis: the regulation's own, or another one adopted by an act of the province,
 * or another one whose act is still missing (then the outcomes resting on the ranking are a draft).
 */
export function indexLine(info: Pick<RunInfo, 'policy' | 'legal'>): string {
  const { index, regulation } = info.policy;
  const line = info.legal.lines.find((l) => l.key === 'index');
  if (index.own) return `Xếp hạng theo ${index.name} (${regulation.context.index.act}).`;
  const need = info.legal.needs.find((n) => n.key === 'legal.index.basis');
  if (need !== undefined) return `Xếp hạng theo ${index.name}; ${need.vi} (DỰ THẢO).`;
  return `Xếp hạng theo ${index.name}, áp dụng thay ${regulation.context.index.name} theo ${line?.act ?? ''}.`;
}

/** Said beside N and k when a group is so small that k is above its share (N = 3: k = 1 is 33%); empty otherwise. */
export function smallGroupNote(group: RankGroup, policy: Pick<Policy, 'parameters'>): string {
  const { topShare, bottomShare } = policy.parameters;
  if (group.n === 0 || (group.topSize <= topShare * group.n && group.bottomSize <= bottomShare * group.n)) return '';
  const share = (k: number) => percent(Math.round((k / group.n) * 1000) / 1000, 'vi');
  return `Nhóm nhỏ: N = ${group.n}, k = ${group.topSize} (${share(group.topSize)}), k' = ${group.bottomSize} (${share(group.bottomSize)}), cao hơn tỷ lệ ${percent(topShare, 'vi')} / ${percent(bottomShare, 'vi')} do làm tròn.`;
}

/** An item's article, with the ICT Index indicator it is judged by when the configuration gives one. */
function indicated(citation: string, indicator: string | undefined): string {
  return indicator === undefined ? citation : `${citation} (chỉ số: ${indicator})`;
}

/** The person and the facts the sanction points look at: the first columns of both sanction sheets. */
function factColumns(year: number, policy: Pick<Policy, 'parameters'>): Column[] {
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

function factCells(r: PersonRow, year: number, same: (text: string) => string): CellValue[] {
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
function reviewText(r: PersonRow, policy: Policy): string {
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

/** The ranking workbook of `ict-eval rank`: Xếp hạng, Nhóm, Căn cứ và tham số. */
export function rankingDocument(
  ranking: Ranking,
  previous: Ranking | null,
  components: ReadonlyMap<string, readonly { name: string; value: number | string | null }[]>,
  names: ReadonlyMap<string, string>,
  info: RunInfo,
  previousCodes: ReadonlyMap<string, readonly string[]> = new Map(),
): Document {
  const sheets: Document['sheets'][number][] = [];
  const { policy } = info;
  const topPercent = percent(policy.parameters.topShare, 'vi');
  const bottomPercent = percent(policy.parameters.bottomShare, 'vi');
  const previousOf = new Map((previous?.ranked ?? []).map((r) => [r.unitCode, r]));
  const componentNames = [...new Set([...components.values()].flatMap((list) => list.map((c) => c.name)))];
  const rows: CellValue[][] = ranking.ranked.map((r) => {
    const before = previousPlace(r.unitCode, previousCodes.get(r.unitCode) ?? [], previousOf);
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
      r.rated ? 'Có' : 'Không (không có trong danh sách đơn vị)',
      ...(previous === null
        ? []
        : [
            before.rank ?? (before.status === 'new' ? null : previousPlaceText(before, 'vi')),
            before.rank === null ? (before.status === 'new' ? 'Mới' : '') : before.rank - r.rank,
          ]),
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
      u.reason === 'not-in-index' ? `Không xếp hạng ${policy.index.name}` : 'Không xếp hạng (không có điểm)',
      u.rated ? 'Có' : 'Không (không có trong danh sách đơn vị)',
      ...(previous === null ? [] : [null, null]),
      ...componentNames.map(() => null),
    ]);
  sheets.push({
    kind: 'table',
    name: 'Xếp hạng',
    title: `Xếp hạng ${policy.index.name}`,
    subtitle: indexLine(info),
    columns: [
      { header: 'Mã đơn vị', width: 10 },
      { header: 'Tên đơn vị', width: 30 },
      { header: 'Khối', width: 16 },
      { header: `Điểm ${policy.index.name}`, width: 11 },
      { header: 'Hạng', width: 7 },
      { header: 'Nhóm', width: 18 },
      { header: 'Được xếp loại', width: 14 },
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
      { header: 'Thứ hạng theo', width: 16 },
      { header: 'Căn cứ', width: 30 },
      { header: 'Ghi chú', width: 30 },
    ],
    rows: ranking.groups.map((g) => [
      blockLabel(policy, g.scope, 'vi'),
      g.n,
      g.topSize,
      g.bottomSize,
      g.topCount,
      g.bottomCount,
      g.source === 'official' ? 'Hạng chính thức' : 'Điểm',
      ranking.citations.map((c) => formatCitation(c)).join('; '),
      smallGroupNote(g, policy),
    ]),
  });
  sheets.push(warningsSheet(info), basisSheet(info));
  return { block: info.block, sheets };
}
