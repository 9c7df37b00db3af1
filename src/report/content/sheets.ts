import type { InputFile } from '../../domain.js';
import { type Problem, formatWhere } from '../../problems.js';
import { formatCitation, formatFullCitation } from '../../rules/citation.js';
import type { UnitEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import type { RankGroup } from '../../rules/ranking.js';
import { type LegalContext, type LegalLine, withNowIs } from '../../rules/legal.js';
import { describeParameters } from './parameters.js';
import { blockLabel, dmy, percent } from './labels.js';
import type { KeyValueSheet, TableSheet, TitleBlock } from './document.js';

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

/** The subtitle of a sheet: the year, and the instrument every short citation in it belongs to. */
export function subtitle(year: number, policy: Policy): string {
  return `Năm ${year} — các điều, khoản, điểm dẫn trong bảng là của ${policy.regulation.reference.fullVi}`;
}

/** The legal basis line of an official attachment: "Căn cứ Quyết định số … ban hành Quy định …". */
export function basisLine(policy: Policy): string {
  const { regulation } = policy;
  const title = regulation.titleVi.charAt(0).toLowerCase() + regulation.titleVi.slice(1);
  return `Căn cứ ${regulation.reference.decisionVi} ban hành ${title}.`;
}

/** A group row's title: `KHỐI SỞ, BAN, NGÀNH`. */
export function groupTitle(policy: Policy, block: string): string {
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
export function byBlock<T extends { readonly block: string }>(
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
export function countLines<T extends { readonly block: string }>(
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
export function indicated(citation: string, indicator: string | undefined): string {
  return indicator === undefined ? citation : `${citation} (chỉ số: ${indicator})`;
}
