import { cite } from '../../../src/rules/citation.js';
import type { Regulation } from '../../../src/rules/regulation.js';

/**
 * A toy regulation, for the test that the engine is generic: two sections, one block, shares of
 * one half and one third, two sanction points and two uncovered cases. It cites its own articles.
 * Nothing in it exists in law; it is a module as a future amendment or another province would be.
 */
export const TOY: Regulation = {
  id: 'toy/2030',
  decision: 'QĐ 1/2030/QĐ-TOY',
  summaryVi: 'Quy định thử nghiệm.',
  summaryEn: 'A test regulation.',
  titleVi: 'Quy định thử nghiệm về trách nhiệm người đứng đầu',
  titleEn: 'A test regulation on the responsibility of heads',
  signed: '2029-12-01',
  effective: '2030-01-01',
  until: null,
  effectiveCitation: cite(9),
  effectiveNoteVi: 'của Quyết định: từ ngày 01/01/2030',
  basis: ['Luật thử nghiệm'],
  sections: [
    { number: 1, titleVi: 'Hạ tầng', titleEn: 'Infrastructure', shortVi: 'Hạ tầng', articles: [3] },
    { number: 2, titleVi: 'Dịch vụ', titleEn: 'Services', shortVi: 'Dịch vụ', articles: [4] },
  ],
  checklist: [
    {
      code: 'A',
      section: 1,
      citation: cite(3, 1),
      textVi: 'Có hạ tầng đạt chuẩn theo quy định thử nghiệm này.',
      labelEn: 'Has standard infrastructure',
    },
    {
      code: 'B',
      section: 1,
      citation: cite(3, 2),
      textVi: 'Bảo trì hạ tầng định kỳ theo quy định thử nghiệm này.',
      labelEn: 'Maintains its infrastructure',
    },
    {
      code: 'C',
      section: 2,
      citation: cite(4),
      textVi: 'Cung cấp dịch vụ trực tuyến theo quy định thử nghiệm này.',
      labelEn: 'Offers online services',
    },
  ],
  unitKinds: [{ code: 'cap-tinh', vi: 'Cơ quan cấp tỉnh', en: 'Provincial body', aliases: [], defaultFor: ['TINH'] }],
  reference: {
    fullVi: 'Quy định kèm theo Quyết định số 1/2030/QĐ-TOY',
    fullEn: 'the Regulation attached to Decision 1/2030/QĐ-TOY',
    decisionVi: 'Quyết định số 1/2030/QĐ-TOY',
    decisionEn: 'Decision 1/2030/QĐ-TOY',
  },
  blocks: [
    {
      code: 'TINH',
      vi: 'Cơ quan cấp tỉnh',
      en: 'Provincial bodies',
      aliases: ['Cấp tỉnh'],
      basis: cite(1, 1),
      configured: false,
    },
  ],
  deputyBasis: cite(1, 2),
  citations: {
    persons: cite(1),
    assessment: cite(7),
    reporting: cite(8),
    report: { article: 8, paragraph: 1 },
    amendment: { article: 8, paragraph: 2 },
    rating: cite(5),
    excellent: cite(5, 1),
    completed: cite(5, 2),
    notCompleted: cite(5, 3),
    rewards: cite(6),
    rewardConsideration: cite(6, 1),
    adHocReward: cite(6, 2),
    sanctions: cite(6, 3),
    sanctionsOpening: { article: 6, clause: 3, part: 'đoạn đầu' },
    homeAffairs: cite(7, 2),
    topGroup: cite(5, 1),
    bottomGroup: cite(6, 3, 'b'),
  },
  sanctionRules: [
    { form: 'khien-trach', citation: cite(6, 3, 'b'), condition: { violated: [2], slow: true } },
    { form: 'phe-binh', citation: cite(6, 3, 'a'), condition: { violated: [1], slow: true } },
  ],
  uncoveredCases: [
    {
      id: 'one-not-slow',
      labelVi: 'vi phạm 1 mục, không chậm',
      labelEn: 'one section, not slow',
      violated: [1],
      nearest: [{ citation: cite(6, 3, 'a') }],
      explainVi: () => 'Vi phạm 1 mục, không chậm.',
      explainEn: () => 'One section, not slow.',
    },
    {
      id: 'two-not-slow',
      labelVi: 'vi phạm 2 mục, không chậm',
      labelEn: 'two sections, not slow',
      violated: [2],
      nearest: [{ citation: cite(6, 3, 'b') }],
      explainVi: () => 'Vi phạm 2 mục, không chậm.',
      explainEn: () => 'Two sections, not slow.',
    },
  ],
  defaults: { topShare: 0.5, bottomShare: 1 / 3, informationOnlyItems: [], configuredBlockKind: 'cap-tinh' },
  // A province never merged, whose department never changed: no territory, one holder, one decree.
  context: {
    index: { name: 'Chỉ số thử nghiệm', act: 'Quyết định số 2/2029/QĐ-TOY', citations: [cite(5, 1), cite(6, 3, 'b')] },
    assessor: {
      named: 'Sở Thử nghiệm',
      namedShort: 'Sở TN',
      citation: cite(7),
      holders: [
        {
          from: null,
          to: null,
          value: { heading: 'SỞ THỬ NGHIỆM', name: 'Sở Thử nghiệm', short: 'Sở TN', needsProvinceAct: false },
          act: 'Điều 7 Quy định thử nghiệm',
        },
      ],
    },
    province: [{ from: null, to: null, value: 'UBND TỈNH THỬ NGHIỆM', act: 'Quyết định số 1/2030/QĐ-TOY' }],
    discipline: {
      named: 'Nghị định thử nghiệm',
      citations: [cite(6, 3)],
      decrees: [
        {
          from: null,
          to: null,
          value: { name: 'Nghị định thử nghiệm về kỷ luật', short: 'Nghị định thử nghiệm' },
          act: 'Nghị định thử nghiệm',
        },
      ],
      scopeVi: 'áp dụng cho mọi người đứng đầu',
    },
    replaced: [],
  },
  wording: {
    unitsInstructions: ['Mỗi dòng là một người chịu trách nhiệm (Điều 1).'],
    scoresInstructions: ['Mỗi dòng là một đơn vị.'],
    followUpInstructions: ['Chỉ ghi đơn vị có sự việc.'],
    selfReportInstructions: ['Chọn Đạt hoặc Không đạt cho mỗi tiêu chí.'],
  },
};
