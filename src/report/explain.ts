import { formatCitation } from '../rules/citation.js';
import type { UnitEvaluation } from '../rules/evaluate.js';
import type { Policy } from '../rules/policy.js';
import { bottomTwoYearsText, groupText, uncoveredText } from './describe.js';
import {
  BLOCK_LABELS,
  type Lang,
  RATING_LABELS,
  RATING_REASON_LABELS,
  REWARD_LABELS,
  ROLE_LABELS,
  SANCTION_LABELS,
  SANCTION_REASON_LABELS,
  SECTION_STATUS_LABELS,
  STATUS_LABELS,
  label,
  yesNo,
} from './labels.js';
import type { PersonRow } from './model.js';

/**
 * The derivation for one unit, in the order the rules apply: items not met (with evidence),
 * sections, score, rank, N and k, groups this year and last, rating, rewards, sanction, each
 * with its article. Assembled from the decisions' facts and citations, never re-typed.
 */
export function explainUnit(unit: UnitEvaluation, rows: readonly PersonRow[], prepared: { readonly year: number; readonly policy: Policy }, lang: Lang): string {
  const vi = lang === 'vi';
  const decision = prepared.policy.version.decision;
  const cite = (c: Parameters<typeof formatCitation>[0]) => `${formatCitation(c)}, ${decision}`;
  const lines: string[] = [];
  const { assessment } = unit;
  lines.push(`${unit.unit.name} (${unit.unit.code}) — ${label(BLOCK_LABELS, unit.unit.block, lang)} — ${vi ? 'năm' : 'year'} ${prepared.year}`);
  lines.push(`${vi ? 'Quy định áp dụng' : 'Rules applied'}: ${decision} (${vi ? 'phiên bản' : 'version'} ${prepared.policy.version.id})`);
  lines.push('');

  lines.push(vi ? '1. Các tiêu chí (thẩm định của Sở TT&TT quyết định khi có, Điều 18 khoản 2):' : '1. Items (the appraisal decides where present, Điều 18 khoản 2):');
  if (!assessment.hasReport) lines.push(vi ? '   Đơn vị không có báo cáo tự đánh giá.' : '   The unit sent no self-report.');
  const notable = assessment.items.filter((i) => i.status === 'khong-dat' || i.missing !== null || i.disagreement || i.notApplicableWithoutNote);
  if (assessment.hasReport && notable.length === 0) lines.push(vi ? '   Cả 22 tiêu chí đều Đạt hoặc Không áp dụng có lý do.' : '   All 22 items are met or not applicable with a reason.');
  for (const item of notable) {
    const status = item.status === null ? (vi ? 'thiếu dữ liệu' : 'missing') : label(STATUS_LABELS, item.status, lang);
    const parts = [`   - ${item.item.code} (${cite(item.item.citation)}): ${status}`];
    if (item.disagreement && item.selfAssessment !== null && item.appraisal !== null) {
      parts.push(vi ? ` (tự đánh giá "${label(STATUS_LABELS, item.selfAssessment, lang)}", thẩm định "${label(STATUS_LABELS, item.appraisal, lang)}")` : ` (self-assessment "${label(STATUS_LABELS, item.selfAssessment, lang)}", appraisal "${label(STATUS_LABELS, item.appraisal, lang)}")`);
    }
    if (item.missing === 'no-row') parts.push(vi ? ' — không có dòng báo cáo' : ' — no row in the report');
    if (item.missing === 'not-applicable-without-note') parts.push(vi ? ' — "Không áp dụng" nhưng không có ghi chú lý do' : ' — "not applicable" without a note');
    lines.push(parts.join(''));
    lines.push(`       ${vi ? item.item.textVi : item.item.labelEn}`);
    if (item.evidence !== '') lines.push(`       ${vi ? 'Minh chứng' : 'Evidence'}: ${item.evidence}`);
    if (item.note !== '') lines.push(`       ${vi ? 'Ghi chú' : 'Note'}: ${item.note}`);
  }
  lines.push('');

  lines.push(vi ? '2. Kết quả từng mục (vi phạm khi có ít nhất một tiêu chí không đạt):' : '2. Sections (violated when at least one item is not met):');
  for (const s of assessment.sections) {
    const detail = s.notMet.length > 0 ? ` — ${vi ? 'không đạt' : 'not met'}: ${s.notMet.join(', ')}` : s.missing.length > 0 ? ` — ${vi ? 'thiếu' : 'missing'}: ${s.missing.join(', ')}` : '';
    lines.push(`   Mục ${s.section}: ${label(SECTION_STATUS_LABELS, s.status, lang)}${detail}`);
  }
  lines.push('');

  lines.push(vi ? '3. Xếp hạng ICT Index (Điều 15 khoản 1, Điều 17 khoản 1 điểm b):' : '3. ICT Index ranking (Điều 15 khoản 1, Điều 17 khoản 1 điểm b):');
  if (unit.rank === undefined || unit.group === undefined) {
    lines.push(vi ? `   Không có điểm năm ${prepared.year}: không xếp hạng, không thuộc nhóm nào.` : `   No score for ${prepared.year}: unranked, in neither group.`);
  } else {
    const g = unit.group;
    lines.push(`   ${vi ? 'Điểm' : 'Score'} ${unit.rank.score} (${vi ? 'so sánh ở' : 'compared at'} ${prepared.policy.parameters.scorePrecision} ${vi ? 'chữ số thập phân' : 'decimals'}: ${unit.rank.comparedScore})`);
    lines.push(`   ${vi ? 'Hạng' : 'Rank'} ${unit.rank.rank}/${g.n} ${vi ? 'trong' : 'in'} ${label(BLOCK_LABELS, g.scope, lang)}; k = ${g.topSize} (${prepared.policy.parameters.groupSizeRounding} ${vi ? 'của' : 'of'} ${prepared.policy.parameters.topShare} × ${g.n}), k' = ${g.bottomSize} (${prepared.policy.parameters.bottomShare} × ${g.n})`);
  }
  const firstRow = rows[0];
  if (firstRow !== undefined) {
    lines.push(`   ${vi ? 'Nhóm năm nay' : 'Group this year'}: ${groupText(firstRow, lang)}`);
    const prev = unit.previousRank;
    lines.push(
      `   ${vi ? `Năm ${prepared.year - 1}` : `In ${prepared.year - 1}`}: ${prev === undefined ? (vi ? 'không có điểm' : 'no score') : `${vi ? 'hạng' : 'rank'} ${prev.rank}${prev.bottom ? (vi ? ', nhóm 15% thấp nhất' : ', bottom 15%') : ''}`}`,
    );
    lines.push(`   ${vi ? 'Nhóm 15% thấp nhất hai năm liền' : 'Bottom 15% two years running'}: ${bottomTwoYearsText(firstRow, prepared.year, lang)}`);
  }
  lines.push('');

  lines.push(vi ? '4. Sự việc theo dõi:' : '4. Follow-up facts:');
  lines.push(`   ${vi ? 'Chậm triển khai kết luận của UBND tỉnh' : 'Slow on the conclusions'}: ${yesNo(unit.followUp.slow, lang)}; ${vi ? 'Yêu cầu kiểm điểm' : 'Review demanded'}: ${yesNo(unit.followUp.reviewDemanded, lang)}; ${vi ? 'Thành tích đặc biệt' : 'Exceptional achievement'}: ${yesNo(unit.followUp.exceptionalAchievement, lang)}`);
  if (unit.followUp.note !== '') lines.push(`   ${vi ? 'Căn cứ' : 'Basis'}: ${unit.followUp.note}`);
  lines.push('');

  lines.push(vi ? '5. Xếp loại (Điều 15):' : '5. Rating (Điều 15):');
  lines.push(`   ${label(RATING_LABELS, unit.rating.outcome, lang)} — ${label(RATING_REASON_LABELS, unit.rating.reason, lang)} (${unit.rating.citations.map(formatCitation).join('; ')}, ${decision})`);
  lines.push('');
  lines.push(vi ? '6. Khen thưởng (Điều 16):' : '6. Rewards (Điều 16):');
  if (unit.rewards.length === 0) lines.push(vi ? '   Không có đề xuất.' : '   None proposed.');
  for (const reward of unit.rewards) lines.push(`   ${label(REWARD_LABELS, reward.outcome, lang)} (${reward.citations.map(formatCitation).join('; ')}, ${decision})`);
  lines.push('');
  lines.push(vi ? '7. Xử lý (Điều 17 khoản 1):' : '7. Sanction (Điều 17 khoản 1):');
  const sanction = unit.sanction;
  const sanctionText = sanction.outcome === null ? (vi ? 'Không' : 'None') : label(SANCTION_LABELS, sanction.outcome, lang);
  lines.push(`   ${sanctionText} — ${label(SANCTION_REASON_LABELS, sanction.reason, lang)} (${sanction.citations.map(formatCitation).join('; ')}, ${decision})`);
  if (sanction.applicableClauses.length > 1) {
    lines.push(`   ${vi ? 'Các điểm cùng thỏa mãn (chọn hình thức nặng nhất)' : 'Points that all apply (the most severe wins)'}: ${sanction.applicableClauses.map((c) => label(SANCTION_LABELS, c, lang)).join(', ')}`);
  }
  if (firstRow !== undefined && (sanction.reason === 'uncovered' || sanction.reason === 'uncertain')) lines.push(`   ${uncoveredText(firstRow, lang)}`);
  if (sanction.nearestClauses.length > 0) lines.push(`   ${vi ? 'Các điểm gần nhất' : 'Nearest points'}: ${sanction.nearestClauses.map(formatCitation).join('; ')}`);
  if (sanction.mappedByPolicy) lines.push(vi ? '   Hình thức do tham số chính sách uncoveredCases quy định, không phải do văn bản.' : '   The form comes from the uncoveredCases policy parameter, not from the text.');
  if (sanction.notes.includes('previous-year-missing')) lines.push(vi ? `   Không có xếp hạng năm ${prepared.year - 1}: coi như không thuộc nhóm 15% năm đó (mặc định của quy tắc).` : `   No ranking for ${prepared.year - 1}: taken as not in that year's bottom group (the rules' default).`);
  lines.push('');

  lines.push(vi ? '8. Người chịu trách nhiệm (Điều 2):' : '8. Responsible persons (Điều 2):');
  for (const r of rows) {
    lines.push(`   - ${r.name}, ${r.position} — ${label(ROLE_LABELS, r.role, lang)} (${formatCitation(r.evaluation.roleCitation)}): ${label(RATING_LABELS, r.rating, lang)}${r.sanction === null ? '' : `; ${label(SANCTION_LABELS, r.sanction, lang)}`}`);
  }
  return `${lines.join('\n')}\n`;
}
