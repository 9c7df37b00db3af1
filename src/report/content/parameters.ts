import { formatCitation } from '../../rules/citation.js';
import type { Policy, PolicyParameters } from '../../rules/policy.js';
import { type Lang, SANCTION_LABELS, percent } from './labels.js';

const ROUNDING: Record<PolicyParameters['groupSizeRounding'], { vi: string; en: string }> = {
  'floor-min-1': { vi: 'làm tròn xuống, tối thiểu 1 đơn vị', en: 'rounded down, at least 1 unit' },
  floor: { vi: 'làm tròn xuống', en: 'rounded down' },
  ceil: { vi: 'làm tròn lên', en: 'rounded up' },
  round: { vi: 'làm tròn (0,5 lên)', en: 'rounded (half up)' },
};

/**
 * The policy's parameters in words a civil servant reads (rules.md: "described in Vietnamese
 * words"), each with whether it is the regulation's default. The code names stay in `--json`.
 */
export function describeParameters(
  policy: Pick<Policy, 'parameters' | 'overridden' | 'regulation'>,
  lang: Lang,
): [string, string][] {
  return describe(policy, lang, true).rows;
}

/**
 * Each parameter's question and value in words, by its code name, without the "(mặc định)" mark: what `what-if` says
 * of a reading ("Cách hiểu điểm c": "chỉ cần một trong hai điều kiện").
 */
export function parameterWords(
  policy: Pick<Policy, 'parameters' | 'overridden' | 'regulation'>,
  lang: Lang,
): Map<keyof PolicyParameters, { question: string; value: string }> {
  const { rows, keys } = describe(policy, lang, false);
  return new Map(keys.map((key, i) => [key, { question: rows[i]?.[0] ?? key, value: rows[i]?.[1] ?? '' }]));
}

function describe(
  policy: Pick<Policy, 'parameters' | 'overridden' | 'regulation'>,
  lang: Lang,
  marked: boolean,
): { rows: [string, string][]; keys: (keyof PolicyParameters)[] } {
  const p = policy.parameters;
  const vi = lang === 'vi';
  // Each row's value goes through mark once, in the rows' order: the keys say which parameter each row is.
  const keys: (keyof PolicyParameters)[] = [];
  const mark = (key: keyof PolicyParameters, text: string) => {
    keys.push(key);
    if (!marked) return text;
    return `${text}${policy.overridden.includes(key) ? (vi ? ' (đã thay đổi so với mặc định)' : ' (changed from the default)') : vi ? ' (mặc định)' : ' (default)'}`;
  };
  const cites = policy.regulation.citations;
  const uncovered = policy.regulation.uncoveredCases
    .map((c) => `${vi ? c.labelVi : c.labelEn}: ${SANCTION_LABELS[p.uncoveredCases[c.id] ?? 'can-xem-xet'][lang]}`)
    .join('; ');
  const rows: [string, string][] = [
    [
      vi ? 'Phạm vi xếp hạng' : 'Ranking scope',
      mark(
        'rankScope',
        p.rankScope === 'block'
          ? vi
            ? 'xếp hạng trong từng khối'
            : 'within each block'
          : vi
            ? 'xếp hạng chung tất cả đơn vị'
            : 'all units together',
      ),
    ],
    [
      vi
        ? `Tỷ lệ nhóm cao nhất (${formatCitation(cites.topGroup, lang)})`
        : `Top group share (${formatCitation(cites.topGroup, lang)})`,
      mark('topShare', `${percent(p.topShare, lang)}; ${ROUNDING[p.groupSizeRounding][lang]}`),
    ],
    [
      vi
        ? `Tỷ lệ nhóm thấp nhất (${formatCitation(cites.bottomGroup, lang)})`
        : `Bottom group share (${formatCitation(cites.bottomGroup, lang)})`,
      mark('bottomShare', `${percent(p.bottomShare, lang)}; ${ROUNDING[p.groupSizeRounding][lang]}`),
    ],
    [
      vi ? 'Cách làm tròn quy mô nhóm' : 'Group size rounding',
      mark('groupSizeRounding', ROUNDING[p.groupSizeRounding][lang]),
    ],
    [
      vi ? 'Số chữ số thập phân khi so sánh điểm' : 'Decimals when comparing scores',
      mark('scorePrecision', String(p.scorePrecision)),
    ],
    [
      vi ? 'Nguồn thứ hạng' : 'Rank source',
      mark(
        'rankSource',
        p.rankSource === 'official-if-complete'
          ? vi
            ? 'dùng hạng chính thức khi bảng điểm ghi hạng cho cả nhóm; nếu không, xếp theo điểm'
            : 'the official ranks when given for the whole group; otherwise by score'
          : vi
            ? 'luôn xếp theo điểm'
            : 'always by score',
      ),
    ],
    [
      vi ? 'Tiêu chí Sở chưa đánh giá' : 'Items the department has not assessed',
      mark(
        'unassessedItems',
        p.unassessedItems === 'missing-data'
          ? vi
            ? 'coi là thiếu dữ liệu'
            : 'missing data'
          : vi
            ? 'theo tự đánh giá của đơn vị (ghi rõ trong kết quả)'
            : "the unit's self-assessment (said in the results)",
      ),
    ],
    [
      vi ? 'Tiêu chí chỉ để theo dõi (không tính vi phạm)' : 'Items for information only (never a violation)',
      mark(
        'informationOnlyItems',
        p.informationOnlyItems.length === 0 ? (vi ? 'không có' : 'none') : p.informationOnlyItems.join(', '),
      ),
    ],
    [
      vi ? 'Cách hiểu điểm c' : 'Reading of point c',
      mark(
        'pointC',
        p.pointC === 'both'
          ? vi
            ? 'cần cả hai điều kiện: vi phạm cả các mục và có yêu cầu kiểm điểm'
            : 'both facts: all sections violated and a review demanded'
          : vi
            ? 'chỉ cần một trong hai điều kiện'
            : 'either fact',
      ),
    ],
    [
      vi ? 'Người đứng đầu giữ chức một phần năm' : 'Heads for part of the year',
      mark(
        'partYearHeads',
        p.partYearHeads === 'can-xem-xet'
          ? vi
            ? 'chuyển Sở Nội vụ xem xét'
            : 'referred for review'
          : vi
            ? 'áp dụng như cả năm'
            : 'as for the whole year',
      ),
    ],
    [
      vi ? 'Trường hợp quy định chưa nêu rõ' : 'Cases the regulation does not settle',
      mark('uncoveredCases', uncovered),
    ],
    [
      vi ? '"Không áp dụng" không ghi lý do' : '"Not applicable" without a reason',
      mark(
        'notApplicableWithoutNote',
        p.notApplicableWithoutNote === 'missing-data'
          ? vi
            ? 'coi là thiếu dữ liệu'
            : 'missing data'
          : vi
            ? 'vẫn chấp nhận (có cảnh báo)'
            : 'accepted (with a warning)',
      ),
    ],
    [
      vi ? 'Đơn vị chỉ hoạt động một phần năm' : 'Units that existed for part of the year',
      mark(
        'partYearUnits',
        p.partYearUnits === 'can-xem-xet'
          ? vi
            ? 'nêu xếp loại; không đề nghị khen thưởng, không đề xuất xử lý; chuyển xem xét'
            : 'rating shown; no reward or sanction proposed; referred for review'
          : vi
            ? 'áp dụng như cả năm'
            : 'as for the whole year',
      ),
    ],
    [
      vi ? 'Sở hợp nhất trong năm (có văn bản)' : 'Departments merged during the year (with their act)',
      mark(
        'mergedUnits',
        p.mergedUnits === 'continue'
          ? vi
            ? 'là một đơn vị cả năm, người đứng đầu theo thời gian giữ chức'
            : 'one unit for the year, heads by period'
          : vi
            ? 'như đơn vị chỉ hoạt động một phần năm'
            : 'as a unit that existed for part of the year',
      ),
    ],
    [
      vi ? 'Cấp phó được phân công một phần các mục' : 'Deputies assigned some of the sections',
      mark(
        'deputyExcellence',
        p.deputyExcellence === 'unit'
          ? vi
            ? `xuất sắc chỉ khi đơn vị không vi phạm mục nào; nếu đơn vị vi phạm mục khác: hoàn thành nhiệm vụ (${formatCitation(cites.rating, lang)} không quy định)`
            : `excellent only if the unit broke no section; if it broke another: completed (${formatCitation(cites.rating, lang)} is silent)`
          : vi
            ? 'chỉ xét các mục được phân công'
            : 'on the assigned sections alone',
      ),
    ],
    [
      vi
        ? 'Đề xuất xử lý dựa trên tiêu chí chưa gắn chỉ số QĐ 15/2011'
        : 'Proposals resting on items with no indicator',
      mark(
        'itemsWithoutIndicator',
        p.itemsWithoutIndicator === 'review'
          ? vi
            ? 'chuyển xem xét'
            : 'referred for review'
          : vi
            ? 'giữ đề xuất, có ghi chú'
            : 'kept, with a note',
      ),
    ],
    [
      vi ? 'Khen thưởng khi đơn vị chưa gửi báo cáo' : 'Rewards where the unit sent no report',
      mark(
        'rewardWithoutReport',
        p.rewardWithoutReport === 'review'
          ? vi
            ? 'chuyển xem xét, chưa đề nghị'
            : 'referred for review, not proposed'
          : vi
            ? 'vẫn đề nghị, có ghi chú'
            : 'proposed, with a note',
      ),
    ],
  ];
  return { rows, keys };
}
