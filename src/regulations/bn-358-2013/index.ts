import { cite, citeDecision, citeOpening, citeParagraph } from '../../rules/citation.js';
import type { Regulation } from '../../rules/regulation.js';
import { CHECKLIST, SECTIONS } from './checklist.js';
import { CONTEXT } from './context.js';

/**
 * Quyết định 358/2013/QĐ-UBND of Bắc Ninh and the Quy định attached to it: the first regulation
 * module. Every article, block and section the tool names under this regulation is here.
 * The law text, as published (the tests check every citation against it): ./law.txt.
 */
export const BN_358_2013: Regulation = {
  id: '358/2013',
  decision: 'QĐ 358/2013/QĐ-UBND',
  summaryVi: 'Đánh giá trách nhiệm người đứng đầu về ứng dụng CNTT theo QĐ 358/2013/QĐ-UBND tỉnh Bắc Ninh.',
  summaryEn: 'Evaluates heads of units on IT application under Bắc Ninh Decision 358/2013/QĐ-UBND.',
  titleVi:
    'Quy định chế độ trách nhiệm người đứng đầu cơ quan, đơn vị, địa phương về ứng dụng công nghệ thông tin ' +
    'trong hoạt động của cơ quan nhà nước trên địa bàn tỉnh Bắc Ninh',
  titleEn:
    'Regulation on the responsibility of heads of agencies, units and localities for the use of information ' +
    'technology in state agencies of Bắc Ninh province',
  signed: '2013-09-30',
  // "Quyết định này có hiệu lực sau 10 ngày, kể từ ngày ký" (Điều 2 of the decision): 30/9/2013 + 10 days.
  effective: '2013-10-10',
  until: null,
  effectiveCitation: citeDecision(2),
  effectiveNoteVi: 'sau 10 ngày kể từ ngày ký',
  basis: [
    'Quyết định số 15/2011/QĐ-UBND (tiêu chí đánh giá mức độ ứng dụng CNTT, ICT Index)',
    'Nghị định số 34/2011/NĐ-CP ngày 17/5/2011 của Chính phủ về xử lý kỷ luật đối với công chức',
    'Quyết định số 64/2009/QĐ-UBND ngày 05/5/2009 của UBND tỉnh Bắc Ninh (chế độ trách nhiệm người đứng đầu)',
  ],
  sections: SECTIONS,
  checklist: CHECKLIST,
  // Điều 11 binds only "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh; Chủ tịch UBND các huyện".
  unitKinds: [
    {
      code: 'co-quan-chuyen-mon',
      vi: 'Cơ quan chuyên môn',
      en: 'Specialised agency',
      aliases: ['Cơ quan chuyên môn thuộc UBND tỉnh', 'CQCM', 'Sở'],
      defaultFor: ['SBN'],
    },
    {
      code: 'sbn-khac',
      vi: 'Sở, ban, ngành khác',
      en: 'Other board or agency',
      aliases: ['Ban, ngành khác', 'Cơ quan khác', 'Đơn vị khác', 'Khác'],
      defaultFor: [],
    },
    {
      code: 'ubnd-huyen',
      vi: 'UBND cấp huyện',
      en: 'District People’s Committee',
      aliases: ['UBND huyện', 'UBND huyện, thị xã, thành phố', 'Huyện'],
      defaultFor: ['HUYEN'],
    },
    // From 1/7/2025 (district level ended): khoản 2 Điều 2 and Điều 11 name huyện, not xã, so a block of communes needs
    // the act that applies the regulation to them, and whether Điều 11 binds them is that block's configuration.
    {
      code: 'ubnd-xa',
      vi: 'UBND cấp xã',
      en: 'Commune People’s Committee',
      aliases: ['UBND xã', 'UBND phường', 'UBND xã, phường', 'UBND xã, phường, thị trấn', 'Xã, phường', 'Xã', 'Phường'],
      defaultFor: [],
    },
  ],
  reference: {
    fullVi: 'Quy định kèm theo Quyết định số 358/2013/QĐ-UBND ngày 30/9/2013 của UBND tỉnh Bắc Ninh',
    fullEn: 'the Regulation attached to Decision 358/2013/QĐ-UBND',
    decisionVi: 'Quyết định số 358/2013/QĐ-UBND ngày 30/9/2013 của UBND tỉnh Bắc Ninh',
    decisionEn: 'Decision 358/2013/QĐ-UBND',
  },
  // Điều 2: khoản 1 brings in the heads of sở, ban, ngành; khoản 2 the chairs of the districts.
  blocks: [
    {
      code: 'SBN',
      vi: 'Sở, ban, ngành',
      en: 'Departments',
      aliases: ['Sở, ban, ngành', 'Khối sở, ban, ngành', 'Sở ban ngành', 'Departments'],
      basis: cite(2, 1),
      configured: false,
    },
    {
      code: 'HUYEN',
      vi: 'Huyện, thị xã, thành phố',
      en: 'Districts',
      aliases: ['Huyện, thị xã, thành phố', 'Khối huyện, thị xã, thành phố', 'Huyện', 'Districts'],
      basis: cite(2, 2),
      configured: false,
      // District-level government ended on 1/7/2025 (Nghị quyết 203/2025/QH15 amending the Constitution).
      until: {
        date: '2025-06-30',
        act: 'Nghị quyết số 203/2025/QH15 của Quốc hội sửa đổi, bổ sung một số điều của Hiến pháp năm 2013 (đơn vị hành chính cấp huyện kết thúc hoạt động từ ngày 01/7/2025)',
      },
    },
  ],
  // Điều 2 khoản 3: a deputy assigned by the head answers like the head.
  deputyBasis: cite(2, 3),
  citations: {
    persons: cite(2),
    assessment: cite(18, 2),
    reporting: cite(19),
    // Điều 19 has two paragraphs: the units report to the Sở, which reports to UBND tỉnh (đoạn 1); difficulties go to
    // the Sở "để tổng hợp, trình UBND tỉnh xem xét, sửa đổi, bổ sung Quy định" (đoạn 2).
    report: citeParagraph(19, 1),
    amendment: citeParagraph(19, 2),
    rating: cite(15),
    excellent: cite(15, 1),
    completed: cite(15, 2),
    notCompleted: cite(15, 3),
    rewards: cite(16),
    rewardConsideration: cite(16, 1),
    adHocReward: cite(16, 2),
    sanctions: cite(17, 1),
    // "tùy theo tính chất, mức độ vi phạm và hậu quả gây ra".
    sanctionsOpening: citeOpening(17, 1),
    homeAffairs: cite(18, 3),
    topGroup: cite(15, 1),
    bottomGroup: cite(17, 1, 'b'),
  },
  // Điều 17 khoản 1, most severe first (rules.md: cảnh cáo > khiển trách > phê bình).
  sanctionRules: [
    // c. Cảnh cáo: "vi phạm cả 4 mục ... mà cơ quan quản lý cấp trên yêu cầu phải kiểm điểm".
    // The point has no connecting word between its two facts: `pointC` chooses the reading, and under
    // the default ("both") a review demanded with fewer than 4 sections violated is flagged.
    {
      form: 'canh-cao',
      citation: cite(17, 1, 'c'),
      condition: { violated: [4], reviewDemanded: true },
      alternative: {
        parameter: 'pointC',
        value: 'either',
        anyOf: [{ violated: [4] }, { violated: [1, 2, 3, 4], reviewDemanded: true }],
      },
      flag: { id: 'point-c-flag', when: { reviewDemanded: true } },
    },
    // b. Khiển trách: "vi phạm hai trong các mục ..., chậm triển khai ..., nhóm 15% ... thấp nhất trong hai năm liền".
    { form: 'khien-trach', citation: cite(17, 1, 'b'), condition: { violated: [2], slow: true, bottomTwoYears: true } },
    // a. Phê bình: "vi phạm hai hoặc một trong các mục ... và chậm triển khai ...".
    { form: 'phe-binh', citation: cite(17, 1, 'a'), condition: { violated: [1, 2], slow: true } },
  ],
  uncoveredCases: [
    {
      id: 'v1-2-not-slow',
      labelVi: 'vi phạm 1 hoặc 2 mục, không chậm triển khai kết luận',
      labelEn: '1 or 2 sections, not slow',
      violated: [1, 2],
      nearest: [
        { citation: cite(17, 1, 'a') },
        { citation: cite(17, 1, 'b'), when: { violated: [2], bottomTwoYears: true } },
      ],
      explainVi: (v) =>
        `Vi phạm ${v} mục nhưng không chậm triển khai kết luận của UBND tỉnh: điểm a và b đều đòi hỏi có chậm triển khai.`,
      explainEn: (v) =>
        `${v} section(s) violated but not slow on the conclusions: points a and b both require slowness.`,
    },
    {
      id: 'v3',
      labelVi: 'vi phạm 3 mục',
      labelEn: '3 sections',
      violated: [3],
      nearest: [{ citation: cite(17, 1, 'a') }, { citation: cite(17, 1, 'b') }, { citation: cite(17, 1, 'c') }],
      explainVi: () =>
        'Vi phạm 3 mục: Điều 17 khoản 1 chỉ quy định trường hợp vi phạm một hoặc hai mục (điểm a, b) và cả 4 mục (điểm c).',
      explainEn: () =>
        '3 sections violated: Điều 17 khoản 1 covers one or two sections (points a, b) and all four (point c) only.',
    },
    {
      id: 'v4-no-review',
      labelVi: 'vi phạm cả 4 mục, cấp trên chưa yêu cầu kiểm điểm',
      labelEn: 'all 4 sections, no review demanded',
      violated: [4],
      nearest: [{ citation: cite(17, 1, 'c') }],
      explainVi: () => 'Vi phạm cả 4 mục nhưng cơ quan quản lý cấp trên chưa yêu cầu kiểm điểm (điều kiện của điểm c).',
      explainEn: () =>
        'All 4 sections violated, but the superior body has not demanded a review (the condition of point c).',
    },
  ],
  // "nhóm 20% đơn vị có chỉ số cao nhất" (Điều 15 khoản 1); "nhóm 15% ... thấp nhất" (Điều 17 khoản 1 điểm b).
  // Điều 13 (item 4.2) describes funding sources; allocating the budget is Sở Tài chính's duty (khoản 4 Điều 18).
  // A block the configuration declares (communes and wards after 1/7/2025) takes UBND cấp xã for a blank kind.
  defaults: { topShare: 0.2, bottomShare: 0.15, informationOnlyItems: ['4.2'], configuredBlockKind: 'ubnd-xa' },
  context: CONTEXT,
  wording: {
    unitsInstructions: [
      'Mỗi dòng là một người chịu trách nhiệm: người đứng đầu (hoặc quyền / phụ trách) của đơn vị, và mỗi cấp phó được phân công (Điều 2 Quy định kèm theo Quyết định số 358/2013/QĐ-UBND).',
      'Khối: SBN (sở, ban, ngành) hoặc HUYEN (huyện, thị xã, thành phố; cấp huyện kết thúc hoạt động từ 01/7/2025), hoặc khối xã, phường do cấu hình khai báo kèm văn bản căn cứ. Loại đơn vị: Cơ quan chuyên môn, Sở, ban, ngành khác, UBND cấp huyện hoặc UBND cấp xã (để trống: Cơ quan chuyên môn ở khối SBN, UBND cấp huyện ở khối HUYEN, loại mặc định của khối do cấu hình khai báo); Điều 11 chỉ áp dụng cho cơ quan chuyên môn và UBND cấp huyện.',
      'Vai trò: Người đứng đầu, Quyền / phụ trách, hoặc Cấp phó được phân công. Cấp phó phải ghi Văn bản phân công và Mục được phân công (ví dụ "1, 3" hoặc "Tất cả").',
      'Từ ngày / Đến ngày: để trống nếu giữ chức cả năm; nếu trong năm thay người đứng đầu, ghi mỗi người một dòng với thời gian không chồng nhau.',
      'Xếp hạng ICT Index: "Không" nếu đơn vị không được xếp hạng trong chỉ số. Mã đơn vị năm trước: mã của đơn vị năm trước nếu đơn vị đổi tên, hợp nhất, chia tách (nhiều mã cách nhau bằng dấu phẩy).',
      'Hoạt động từ ngày / Hoạt động đến ngày: để trống nếu đơn vị hoạt động cả năm; ghi ngày nếu đơn vị thành lập hoặc kết thúc hoạt động trong năm (UBND cấp huyện đến 30/06/2025; xã, phường mới từ 01/07/2025). Địa bàn: sau hợp nhất tỉnh, ghi "Bắc Ninh cũ" hoặc "Bắc Giang cũ".',
      'Mã đơn vị là mã dùng chung trong mọi tệp (bảng điểm, báo cáo tự đánh giá, đánh giá của Sở, theo dõi).',
    ],
    scoresInstructions: [
      'Mỗi dòng là một đơn vị với điểm ICT Index (hoặc DTI) của năm. Để trống điểm nếu đơn vị không có điểm.',
      'Cột Hạng không bắt buộc: công cụ xếp hạng theo điểm và cảnh báo nếu hạng ghi khác hạng tính được.',
      'Có thể thêm các cột chỉ số thành phần (hạ tầng kỹ thuật, nhân lực, ứng dụng...): công cụ giữ nguyên trong bảng xếp hạng.',
    ],
    followUpInstructions: [
      'Chỉ ghi các đơn vị có sự việc cần ghi nhận; đơn vị không có dòng nào được coi là "Không" ở cả ba cột.',
      'Chậm triển khai kết luận: chậm triển khai thực hiện các kết luận của UBND tỉnh về CNTT (điểm a, b khoản 1 Điều 17).',
      'Yêu cầu kiểm điểm: cơ quan quản lý cấp trên yêu cầu phải kiểm điểm (điểm c khoản 1 Điều 17); ghi số, ngày văn bản yêu cầu.',
      'Thành tích đặc biệt: thành tích đặc biệt xuất sắc, đề nghị thưởng đột xuất (khoản 2 Điều 16). Người được đề nghị thưởng: để trống là đơn vị; hoặc ghi họ tên một người của đơn vị.',
    ],
    selfReportInstructions: [
      'Với mỗi tiêu chí ở trang "Tự đánh giá", chọn ở cột Tự đánh giá: Đạt, Không đạt hoặc Không áp dụng, và ghi Minh chứng (số, ngày văn bản).',
      '"Không áp dụng" phải ghi rõ lý do ở cột Ghi chú. Không để trống: tiêu chí để trống được coi là thiếu dữ liệu.',
      'Đây là báo cáo của đơn vị (Điều 19). Kết quả của từng tiêu chí do Sở đánh giá (khoản 2 Điều 18) trong tệp đánh giá riêng của Sở.',
      'Khó khăn, vướng mắc trong thực hiện Quy định (nếu có, đoạn 2 Điều 19): ghi ở cột Khó khăn, vướng mắc, ở dòng của tiêu chí liên quan hoặc ở dòng đầu; Sở tổng hợp nguyên văn vào báo cáo gửi UBND tỉnh.',
      'Không sửa các cột Mã đơn vị, Mã tiêu chí, Nội dung tiêu chí và Căn cứ (đã khóa).',
    ],
  },
};
