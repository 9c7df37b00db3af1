import { formatCitation } from '../../rules/citation.js';
import type { Policy } from '../../rules/policy.js';
import type { AnnualReport } from './annual.js';
import { appendixOf } from './annual.js';
import type { LegalContext } from '../../rules/legal.js';
import type { Document, TableSheet, TitleBlock } from './document.js';
import { SANCTION_LABELS, proposedFormText } from './labels.js';
import { attachedLine, placeOf } from './title.js';

/** The columns of the workbooks' sheets a Word page holds: who, what is proposed, and on which article. */
const REWARD_COLUMNS = ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Nội dung đề nghị', 'Căn cứ'];
const SANCTION_COLUMNS = ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Mục vi phạm', 'Hình thức đề xuất', 'Căn cứ'];
const REVIEW_COLUMNS = ['Họ và tên', 'Chức vụ', 'Đơn vị', 'Lý do cần xem xét', 'Căn cứ'];

function sheetOf(document: Document, name: string): TableSheet {
  const sheet = document.sheets.find((s): s is TableSheet => s.kind === 'table' && s.name === name);
  if (sheet === undefined) throw new Error(`coverLetter: the workbook has no sheet "${name}"`);
  return sheet;
}

/**
 * The department's letter (công văn) to Sở Nội vụ proposing the rewards and the discipline of the year (khoản 3
 * Điều 18: Sở Nội vụ submits them to UBND tỉnh), in the layout of Nghị định 30/2020/NĐ-CP, with the lists attached.
 * The lists are the rows of the workbooks' own sheets (Khen thưởng, Đề xuất xử lý, Cần xem xét), so that the letter and
 * the workbooks cannot differ; the counts in its body are counted from those rows.
 */
export function coverLetter(
  rating: Document,
  sanction: Document,
  policy: Policy,
  block: TitleBlock,
  legal: LegalContext,
): AnnualReport {
  const { regulation } = policy;
  const { year } = block;
  const rewards = sheetOf(rating, 'Khen thưởng');
  // The units the Sở has not assessed are its own open work (khoản 2 Điều 18), not in the lists: said, so that their
  // absence is not read as "no case".
  const open = rating.sheets.find((s): s is TableSheet => s.kind === 'table' && s.name === 'Sở cần đánh giá');
  const proposals = sheetOf(sanction, 'Đề xuất xử lý');
  const review = sheetOf(sanction, 'Cần xem xét');
  const formColumn = proposals.columns.findIndex((c) => c.header === 'Hình thức đề xuất');
  const forms = (['canh-cao', 'khien-trach', 'phe-binh'] as const)
    .map((f) => ({
      label: SANCTION_LABELS[f].vi.toLowerCase(),
      count: proposals.rows.filter((row) => row[formColumn] === proposedFormText(f)).length,
    }))
    .filter((f) => f.count > 0);
  const subject = `đề nghị khen thưởng, xử lý trách nhiệm người đứng đầu về ứng dụng công nghệ thông tin năm ${year}`;
  const article = (key: keyof typeof regulation.citations) => formatCitation(regulation.citations[key]);
  let appendix = 0;
  const attached: ReturnType<typeof appendixOf>[] = [];
  const attach = (sheet: TableSheet, columns: readonly string[]) => {
    attached.push(appendixOf(sheet, ++appendix, columns));
    return `Phụ lục ${appendix}`;
  };
  const rewardLine =
    rewards.rows.length === 0
      ? `1. Khen thưởng (${article('rewards')}): không có trường hợp đề nghị.`
      : `1. Khen thưởng (${article('rewards')}): ${rewards.rows.length} đề nghị, danh sách tại ${attach(rewards, REWARD_COLUMNS)}.`;
  const sanctionLine =
    proposals.rows.length === 0
      ? `2. Xử lý trách nhiệm người đứng đầu (${article('sanctions')}): không có đề xuất.`
      : `2. Xử lý trách nhiệm người đứng đầu (${article('sanctions')}): ${proposals.rows.length} người — ${forms.map((f) => `${f.label} ${f.count}`).join(', ')}; danh sách tại ${attach(proposals, SANCTION_COLUMNS)}. Phê bình không phải hình thức kỷ luật; khiển trách, cảnh cáo theo ${legal.discipline.short}.`;
  const reviewLine =
    review.rows.length === 0
      ? '3. Các trường hợp cần xem xét: không có.'
      : `3. Các trường hợp quy định chưa nêu rõ hoặc chưa đủ căn cứ, đề nghị Sở Nội vụ xem xét, trình UBND tỉnh quyết định: ${review.rows.length} trường hợp, nêu rõ lý do tại ${attach(review, REVIEW_COLUMNS)}.`;
  return {
    block,
    number: `Số:        /${block.symbol}-${block.unitSymbol ?? '……'}`,
    title: '',
    subject,
    addressee: `Sở Nội vụ tỉnh ${placeOf(block.province)}`,
    attachedTo: attachedLine(block, 'Công văn', `……/${block.symbol}-${block.unitSymbol ?? '……'}`),
    // A công văn has no "Căn cứ" lines (Nghị định 30/2020/NĐ-CP); the report to UBND tỉnh carries them.
    basis: [],
    sections: [
      {
        heading: '',
        paragraphs: [
          `Thực hiện ${regulation.reference.fullVi}, ${block.departmentSpeaks} đã tổng hợp, đánh giá kết quả ứng dụng công nghệ thông tin của các cơ quan, đơn vị, địa phương năm ${year} (${article('assessment')}). Theo ${article('homeAffairs')}, ${block.departmentShort} đề nghị Sở Nội vụ tổng hợp, trình UBND tỉnh xem xét, quyết định như sau:`,
          rewardLine,
          sanctionLine,
          reviewLine,
          ...(open === undefined || open.rows.length === 0
            ? []
            : [
                `Còn ${open.rows.length} đơn vị Sở chưa đánh giá (${article('assessment')}): ${open.rows.map((row) => String(row[0] ?? '')).join('; ')}. Người chịu trách nhiệm của các đơn vị này chưa được xếp loại và chưa có trong các danh sách kèm theo; ${block.departmentShort} sẽ gửi bổ sung sau khi đánh giá.`,
              ]),
          `Các danh sách kèm theo lấy từ cùng kết quả đánh giá với bảng xếp loại và bảng đề xuất xử lý năm ${year} của ${block.departmentShort}; mỗi trường hợp nêu căn cứ điều, khoản của Quy định.`,
          `${block.departmentShort} trân trọng đề nghị Sở Nội vụ quan tâm, phối hợp thực hiện./.`,
        ],
      },
    ],
    recipients: ['Như trên;', 'UBND tỉnh (để báo cáo);', 'Lưu: VT.'],
    appendices: attached,
    counts: {
      rewards: rewards.rows.length,
      sanctioned: proposals.rows.length,
      review: review.rows.length,
      ...Object.fromEntries(forms.map((f) => [f.label, f.count])),
    },
  };
}
