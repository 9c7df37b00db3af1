import { cite } from '../../rules/citation.js';
import type { RegulationContext } from '../../rules/regulation.js';

/**
 * The legal context QĐ 358/2013/QĐ-UBND rests on, as dated facts with their acts (rules.md v3, "The legal context of
 * the year"). Only what was verified from a stored public copy is written here, each with its act; what could not be
 * verified is said in `unverified`, and what only the province knows comes from the workspace configuration (`legal`).
 *
 * Verified (public copies read for this module, December 2026):
 * - Nghị định 45/2025/NĐ-CP of 28/2/2025 lists the provinces' departments: Sở Khoa học và Công nghệ, and no Sở Thông
 *   tin và Truyền thông; Nghị quyết 190/2025/QH15 of 19/2/2025 (in force that day) carries the duties of a reorganised
 *   body over to the one that took them.
 * - Nghị định 112/2020/NĐ-CP of 18/9/2020 and Nghị định 71/2023/NĐ-CP of 20/9/2023 (which amended it) were replaced by
 *   Nghị định 172/2025/NĐ-CP of 30/6/2025, in force from 1/7/2025, for cán bộ and công chức; khiển trách and cảnh cáo
 *   remain forms of both. It rests on the Luật Cán bộ, công chức of 24/6/2025 (Luật 80/2025/QH15, in force 1/7/2025).
 * - Luật Thi đua, khen thưởng 06/2022/QH15 of 15/6/2022, in force 1/1/2024, replaced the law of 2003.
 * - Nghị định 42/2022/NĐ-CP of 24/6/2022 governs the information and online public services of state bodies (the
 *   matter of Nghị định 43/2011/NĐ-CP).
 * - On 12/6/2025 the National Assembly reorganised the provinces (34 from 1/7/2025): Bắc Giang and Bắc Ninh became the
 *   province of Bắc Ninh from 1/7/2025; Nghị quyết 203/2025/QH15 amended the Constitution and ended the district level
 *   from 1/7/2025; Nghị quyết 1658/NQ-UBTVQH15 of 16/6/2025 gave the new Bắc Ninh 99 communes and wards.
 * - Khoản 2 Điều 54 of the Luật Ban hành văn bản quy phạm pháp luật of 2025 sets where a local regulation applies.
 * Not verified: the effective dates of 112/2020 and 71/2023 (their signing dates are used), the transitional article of
 * 172/2025 (so a proposal for conduct before 1/7/2025 names both decrees), the number of the National Assembly's
 * resolution on the provinces (202/2025/QH15 in rules.md), and the law numbers 64/2025/QH15 and 87/2025/QH15.
 */
export const CONTEXT: RegulationContext = {
  // Khoản 1 Điều 15 names the ICT Index; điểm b khoản 1 Điều 17 the "xếp hạng mức độ ứng dụng công nghệ thông tin";
  // the opening of khoản 1 Điều 17 takes the indicators from QĐ 15/2011/QĐ-UBND.
  index: {
    name: 'ICT Index',
    act: 'Quyết định số 15/2011/QĐ-UBND ngày 30/01/2011 của UBND tỉnh Bắc Ninh (đánh giá mức độ ứng dụng công nghệ thông tin)',
    citations: [cite(15, 1), cite(17, 1, 'b')],
  },
  assessor: {
    named: 'Sở Thông tin và Truyền thông',
    namedShort: 'Sở TT&TT',
    citation: cite(18, 2),
    holders: [
      {
        from: null,
        to: '2025-02-28',
        value: {
          heading: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
          name: 'Sở Thông tin và Truyền thông',
          short: 'Sở TT&TT',
          needsProvinceAct: false,
        },
        act: 'khoản 2 Điều 18 Quy định kèm theo Quyết định số 358/2013/QĐ-UBND',
      },
      {
        from: '2025-03-01',
        to: '2025-06-30',
        value: {
          heading: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
          name: 'Sở Khoa học và Công nghệ',
          short: 'Sở KH&CN',
          needsProvinceAct: true,
        },
        act: 'Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ; Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội',
      },
      {
        from: '2025-07-01',
        to: null,
        value: {
          heading: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
          name: 'Sở Khoa học và Công nghệ',
          short: 'Sở KH&CN',
          needsProvinceAct: true,
        },
        act: 'Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ; tỉnh Bắc Ninh (mới) từ ngày 01/7/2025 theo Nghị quyết của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh năm 2025 (thông qua ngày 12/6/2025)',
        unverified: 'số hiệu Nghị quyết của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh chưa được đối chiếu',
      },
    ],
  },
  province: [
    { from: null, to: '2025-06-30', value: 'UBND TỈNH BẮC NINH', act: 'Quyết định số 358/2013/QĐ-UBND' },
    {
      from: '2025-07-01',
      to: null,
      value: 'UBND TỈNH BẮC NINH',
      act: 'tỉnh Bắc Ninh (mới), trên cơ sở hợp nhất tỉnh Bắc Giang và tỉnh Bắc Ninh, từ ngày 01/7/2025',
    },
  ],
  discipline: {
    named: 'Nghị định số 34/2011/NĐ-CP ngày 17/5/2011 của Chính phủ',
    // Khoản 1 Điều 17 names it for the forms; khoản 3 Điều 4 for the procedure, with the laws.
    citations: [cite(17, 1), cite(4, 3)],
    decrees: [
      {
        from: null,
        to: '2020-09-17',
        value: {
          name: 'Nghị định số 34/2011/NĐ-CP ngày 17/5/2011 của Chính phủ về xử lý kỷ luật đối với công chức',
          short: 'Nghị định 34/2011/NĐ-CP',
        },
        act: 'Nghị định số 34/2011/NĐ-CP ngày 17/5/2011 của Chính phủ',
      },
      {
        from: '2020-09-18',
        to: '2023-09-19',
        value: {
          name: 'Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ về xử lý kỷ luật cán bộ, công chức, viên chức',
          short: 'Nghị định 112/2020/NĐ-CP',
        },
        act: 'Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ',
        unverified: 'ngày có hiệu lực chưa được đối chiếu; tính từ ngày ban hành',
      },
      {
        from: '2023-09-20',
        to: '2025-06-30',
        value: {
          name: 'Nghị định số 112/2020/NĐ-CP ngày 18/9/2020 của Chính phủ về xử lý kỷ luật cán bộ, công chức, viên chức, được sửa đổi, bổ sung bởi Nghị định số 71/2023/NĐ-CP ngày 20/9/2023',
          short: 'Nghị định 112/2020/NĐ-CP (sửa đổi bởi Nghị định 71/2023/NĐ-CP)',
        },
        act: 'Nghị định số 71/2023/NĐ-CP ngày 20/9/2023 của Chính phủ',
        unverified: 'ngày có hiệu lực chưa được đối chiếu; tính từ ngày ban hành',
      },
      {
        from: '2025-07-01',
        to: null,
        value: {
          name: 'Nghị định số 172/2025/NĐ-CP ngày 30/6/2025 của Chính phủ quy định về xử lý kỷ luật cán bộ, công chức',
          short: 'Nghị định 172/2025/NĐ-CP',
        },
        act: 'Nghị định số 172/2025/NĐ-CP ngày 30/6/2025 của Chính phủ (có hiệu lực từ 01/7/2025, thay thế Nghị định số 112/2020/NĐ-CP và Nghị định số 71/2023/NĐ-CP)',
      },
    ],
    scopeVi:
      'áp dụng cho cán bộ, công chức (Chủ tịch UBND là cán bộ; thủ trưởng sở là công chức); người đứng đầu là viên chức thì theo quy định về xử lý kỷ luật viên chức',
  },
  replaced: [
    {
      named: 'Nghị định 43/2011/NĐ-CP',
      now: [
        {
          from: '2022-06-24',
          to: null,
          value: 'Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ',
          act: 'Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng',
          unverified: 'ngày có hiệu lực chưa được đối chiếu; tính từ ngày ban hành',
        },
      ],
    },
    {
      named: 'Luật Thi đua, khen thưởng',
      now: [
        {
          from: '2024-01-01',
          to: null,
          value: 'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022',
          act: 'Luật Thi đua, khen thưởng số 06/2022/QH15 (có hiệu lực từ 01/01/2024)',
        },
      ],
    },
    {
      named: 'Luật Cán bộ, công chức',
      now: [
        {
          from: '2025-07-01',
          to: null,
          value: 'Luật Cán bộ, công chức số 80/2025/QH15 ngày 24/6/2025',
          act: 'Luật Cán bộ, công chức số 80/2025/QH15 (có hiệu lực từ 01/7/2025)',
        },
      ],
    },
    {
      named: 'Sở Thông tin và Truyền thông',
      now: [
        {
          from: '2025-03-01',
          to: null,
          value: 'Sở Khoa học và Công nghệ',
          act: 'Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ',
        },
      ],
    },
  ],
  territory: {
    name: 'Bắc Ninh',
    mergedOn: '2025-07-01',
    // "each sở of the former Bắc Ninh was merged with its Bắc Giang counterpart" (rules.md v3): the cơ quan chuyên môn.
    departmentKinds: ['co-quan-chuyen-mon'],
    mergerAct:
      'Nghị quyết của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh năm 2025 (thông qua ngày 12/6/2025): tỉnh Bắc Ninh (mới) trên cơ sở tỉnh Bắc Giang và tỉnh Bắc Ninh, từ ngày 01/7/2025',
    keepsApplyingAct:
      'khoản 2 Điều 54 Luật Ban hành văn bản quy phạm pháp luật năm 2025 (văn bản của địa phương trước sắp xếp tiếp tục áp dụng trong phạm vi địa bàn đã ban hành, cho đến khi được thay thế, bãi bỏ)',
  },
};
