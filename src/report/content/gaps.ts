import type { Gap } from '../../rules/evaluate.js';
import { type Problem, aboutUnit, aboutUnits, named, warning } from '../../problems.js';
import type { Policy } from '../../rules/policy.js';
import { STATUS_LABELS, blockLabel, bottomGroupName, percent, topGroupName } from './labels.js';

/**
 * A data gap the rules found, as a warning a civil servant reads: units by name (with their code),
 * what is missing, and what the tool did about it.
 */
export function gapProblem(
  gap: Gap,
  policy: Pick<Policy, 'parameters' | 'blocks' | 'index'>,
  names: ReadonlyMap<string, string> = new Map(),
): Problem {
  const problem = gapWarning(gap, policy, names);
  if ('unitCodes' in gap) return aboutUnits(problem, gap.unitCodes);
  return aboutUnit(problem, 'unitCode' in gap ? gap.unitCode : undefined);
}

function gapWarning(
  gap: Gap,
  policy: Pick<Policy, 'parameters' | 'blocks' | 'index'>,
  names: ReadonlyMap<string, string>,
): Problem {
  const bottom = bottomGroupName(policy, 'vi');
  const bottomEn = bottomGroupName(policy, 'en');
  const unit = (code: string) => {
    const name = names.get(code);
    return name === undefined ? `Đơn vị ${code}` : `${name} (${code})`;
  };
  const unitEn = (code: string) => {
    const name = names.get(code);
    return name === undefined ? `Unit ${code}` : `${name} (${code})`;
  };
  switch (gap.kind) {
    case 'no-report':
      return warning('no-report', {
        vi: `${unit(gap.unitCode)} chưa gửi báo cáo tự đánh giá và Sở chưa đánh giá: người đứng đầu chưa được xếp loại; đơn vị được đưa vào danh sách "Sở cần đánh giá" (chưa chuyển Sở Nội vụ).`,
        en: `${unitEn(gap.unitCode)} sent no self-report and the department has not assessed it: its head is not rated; the unit is listed among those the department must assess (not sent to Sở Nội vụ).`,
      });
    case 'report-missing':
      return warning('report-missing', {
        vi: `${unit(gap.unitCode)} chưa gửi báo cáo tự đánh giá; kết quả dựa trên đánh giá của Sở.`,
        en: `${unitEn(gap.unitCode)} sent no self-report; the result rests on the department's assessment.`,
      });
    case 'not-assessed':
      return warning('not-assessed', {
        vi: `${unit(gap.unitCode)}: Sở chưa đánh giá ${gap.itemCodes.length} tiêu chí (${gap.itemCodes.join(', ')}); các tiêu chí này được coi là thiếu dữ liệu.`,
        en: `${unitEn(gap.unitCode)}: the department has not assessed ${gap.itemCodes.length} item(s) (${gap.itemCodes.join(', ')}); they count as missing data.`,
      });
    case 'self-report-accepted':
      return warning('self-report-accepted', {
        vi: `${unit(gap.unitCode)}: ${gap.itemCodes.length} tiêu chí (${gap.itemCodes.join(', ')}) chưa được Sở đánh giá, lấy theo tự đánh giá của đơn vị (tham số "Tiêu chí Sở chưa đánh giá: theo tự đánh giá").`,
        en: `${unitEn(gap.unitCode)}: ${gap.itemCodes.length} item(s) (${gap.itemCodes.join(', ')}) not assessed by the department are taken from the unit's self-assessment (policy "unassessed items: self-report").`,
      });
    case 'not-applicable-without-note':
      return warning(
        'not-applicable-without-note',
        {
          vi: `${unit(gap.unitCode)}, tiêu chí ${gap.itemCode}: "Không áp dụng" nhưng không có ghi chú lý do${gap.accepted ? ' (vẫn chấp nhận theo tham số chính sách)' : '; coi là thiếu dữ liệu'}.`,
          en: `${unitEn(gap.unitCode)}, item ${gap.itemCode}: "not applicable" without a note giving the reason${gap.accepted ? ' (accepted by the policy)' : '; counted as missing data'}.`,
        },
        gap.source,
      );
    case 'not-applicable-by-rule':
      return warning(
        'not-applicable-by-rule',
        {
          vi: `${unit(gap.unitCode)}, tiêu chí ${gap.itemCode}: ghi "${STATUS_LABELS[gap.entered].vi}" nhưng điều khoản của tiêu chí này không áp dụng cho loại đơn vị này; tính là "Không áp dụng".`,
          en: `${unitEn(gap.unitCode)}, item ${gap.itemCode}: "${STATUS_LABELS[gap.entered].en}" was entered, but the item's article does not bind this kind of unit; counted as "not applicable".`,
        },
        gap.source,
      );
    case 'no-score':
      return warning('no-score', {
        vi: `${unit(gap.unitCode)} chưa có điểm ${policy.index.name} năm nay: chưa xếp hạng; người không vi phạm chưa được xếp loại (có thể là hoàn thành xuất sắc hoặc hoàn thành).`,
        en: `${unitEn(gap.unitCode)} has no ${policy.index.name} score this year: unranked; a person without violations is not rated yet (excellent or completed).`,
      });
    case 'no-previous-year':
      return warning(
        'no-previous-year',
        {
          vi: `không có bảng điểm năm ${gap.year}: không ai được coi là thuộc nhóm ${bottom} hai năm liền.`,
          en: `no scores file for ${gap.year}: nobody is taken to be in the ${bottomEn} two years running.`,
        },
        { file: `${gap.year}/` },
      );
    case 'no-previous-score':
      return warning('no-previous-score', {
        vi: `${unit(gap.unitCode)} không có điểm năm ${gap.year} (đơn vị mới): coi như không thuộc nhóm ${bottom} năm đó.`,
        en: `${unitEn(gap.unitCode)} has no score for ${gap.year} (a new unit): taken as not in that year's ${bottomEn}.`,
      });
    case 'previous-unsettled':
      return warning('previous-unsettled', {
        vi: `${unit(gap.unitCode)}: không xác định được nhóm ${bottom} năm ${gap.year} theo mã năm trước ${gap.codes.join(', ')} (mã không có trong bảng điểm năm trước, hoặc các đơn vị hợp nhất không cùng thuộc nhóm).`,
        en: `${unitEn(gap.unitCode)}: whether it was in the ${bottomEn} of ${gap.year} cannot be settled from the previous codes ${gap.codes.join(', ')} (a code missing from last year's scores, or merged units on both sides of the cut).`,
      });
    case 'official-rank-differs':
      return warning(
        'official-rank-differs',
        gap.used === 'official'
          ? {
              vi: `${unit(gap.unitCode)}: hạng chính thức là ${gap.officialRank}, hạng tính từ điểm là ${gap.rank}; công cụ dùng hạng chính thức.`,
              en: `${unitEn(gap.unitCode)}: the official rank is ${gap.officialRank}, the rank from the score ${gap.rank}; the official rank is used.`,
            }
          : {
              vi: `${unit(gap.unitCode)}: hạng ghi trong tệp là ${gap.officialRank}, hạng tính từ điểm là ${gap.rank}; công cụ dùng hạng tính từ điểm.`,
              en: `${unitEn(gap.unitCode)}: the rank in the file is ${gap.officialRank}, the rank from the score ${gap.rank}; the rank from the score is used.`,
            },
      );
    case 'regulation-partial-year':
      return warning('regulation-partial-year', {
        vi: `${gap.decision} có hiệu lực từ ${gap.effective.split('-').reverse().join('/')}: năm ${gap.year} chỉ chịu quy định này từ ngày đó; kết quả cả năm cần được xem xét với phần thời gian trước ngày có hiệu lực.`,
        en: `${gap.decision} is in force from ${gap.effective}: ${gap.year} falls under it only from that day; the year's result must be reviewed for the time before.`,
      });
    case 'official-ranks':
      return warning(
        'official-ranks',
        gap.issue === 'incomplete'
          ? {
              vi: `khối ${blockLabel(policy, gap.scope, 'vi')}: cột Hạng chỉ có ở một số đơn vị; công cụ xếp hạng theo điểm.`,
              en: `block ${blockLabel(policy, gap.scope, 'en')}: only some units have a rank in the Hạng column; ranked by score.`,
            }
          : {
              vi: `khối ${blockLabel(policy, gap.scope, 'vi')}: cột Hạng không phải một thứ hạng hợp lệ (ví dụ 1, 2, 2, 4); công cụ xếp hạng theo điểm.`,
              en: `block ${blockLabel(policy, gap.scope, 'en')}: the Hạng column is not a valid ranking (such as 1, 2, 2, 4); ranked by score.`,
            },
      );
    case 'out-of-scope': {
      const list = named(gap.unitCodes.map((code) => unit(code)));
      const listEn = named(gap.unitCodes.map((code) => unitEn(code)));
      return warning('out-of-scope', {
        vi: `${gap.unitCodes.length} đơn vị ghi Địa bàn ngoài tỉnh ${gap.territory} cũ, nơi Quy định được ban hành: ngoài phạm vi áp dụng, không xếp loại (trừ khi có văn bản mở rộng phạm vi, legal.territory.basis): ${list.vi}.`,
        en: `${gap.unitCodes.length} unit(s) are in a territory outside the former province of ${gap.territory}, where the regulation was made: out of its scope, not rated (unless an act extends it, legal.territory.basis): ${listEn.en}.`,
      });
    }
    case 'small-group': {
      // Each group whose k is above its share of N, in words: "nhóm 20% cao nhất k = 1 (33,3% số đơn vị)".
      const share = (k: number, lang: 'vi' | 'en') => percent(Math.round((k / gap.n) * 1000) / 1000, lang);
      const over = (lang: 'vi' | 'en') =>
        [
          gap.topSize > policy.parameters.topShare * gap.n
            ? `${lang === 'vi' ? 'nhóm ' : 'the '}${topGroupName(policy, lang)} k = ${gap.topSize} (${share(gap.topSize, lang)})`
            : '',
          gap.bottomSize > policy.parameters.bottomShare * gap.n
            ? `${lang === 'vi' ? 'nhóm ' : 'the '}${bottomGroupName(policy, lang)} k' = ${gap.bottomSize} (${share(gap.bottomSize, lang)})`
            : '',
        ]
          .filter((part) => part !== '')
          .join(lang === 'vi' ? ' và ' : ' and ');
      return warning('small-group', {
        vi: `${blockLabel(policy, gap.scope, 'vi')}: chỉ có N = ${gap.n} đơn vị được xếp hạng, nên ${over('vi')} số đơn vị, cao hơn tỷ lệ quy định, do cách làm tròn quy mô nhóm.`,
        en: `${blockLabel(policy, gap.scope, 'en')}: only N = ${gap.n} units are ranked, so ${over('en')} of the units, above the share, by the rounding of group sizes.`,
      });
    }
    case 'index-changed':
      return warning('index-changed', {
        vi: `năm ${gap.year - 1} xếp hạng theo ${gap.previous}, năm ${gap.year} theo ${gap.current}: "nhóm ${bottom} hai năm liền" so sánh hai chỉ số khác nhau.`,
        en: `${gap.year - 1} was ranked by the ${gap.previous} and ${gap.year} by the ${gap.current}: "the ${bottomEn} two years running" compares two different indices.`,
      });
  }
}
