import { type Citation, formatCitation } from '../../rules/citation.js';
import type { UnitEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import { bottomTwoYearsText, groupText, uncoveredText } from './describe.js';
import {
  type Lang,
  RATING_LABELS,
  REWARD_LABELS,
  ROLE_LABELS,
  SANCTION_LABELS,
  SECTION_STATUS_LABELS,
  STATUS_LABELS,
  blockLabel,
  bottomGroupName,
  label,
  percent,
  ratingReasonLabel,
  sanctionReasonLabel,
  yesNo,
} from './labels.js';
import type { PersonRow } from './model.js';

/** What an explanation needs of the run: the year, the policy, and the department's short name on the document's date. */
export interface ExplainRun {
  readonly year: number;
  readonly policy: Policy;
  readonly departmentShort: string;
}

interface Parts {
  readonly unit: UnitEvaluation;
  readonly rows: readonly PersonRow[];
  readonly run: ExplainRun;
  readonly lang: Lang;
  readonly vi: boolean;
  /** `Điều 5 khoản 1, QĐ 358/2013/QĐ-UBND`. */
  readonly cite: (citation: Citation) => string;
  /** `Điều 15 khoản 1; Điều 17 khoản 1 điểm b`. */
  readonly short: (citations: readonly Citation[]) => string;
}

/**
 * The derivation for one unit, in the order the rules apply: items not met (with evidence),
 * sections, score, rank, N and k, groups this year and last, rating, rewards, sanction, each
 * with its article. Assembled from the decisions' facts and citations, never re-typed.
 */
export function explainUnit(unit: UnitEvaluation, rows: readonly PersonRow[], run: ExplainRun, lang: Lang): string {
  const decision = run.policy.regulation.decision;
  const parts: Parts = {
    unit,
    rows,
    run,
    lang,
    vi: lang === 'vi',
    cite: (c) => `${formatCitation(c)}, ${decision}`,
    short: (cs) => cs.map(formatCitation).join('; '),
  };
  const vi = parts.vi;
  const lines = [
    `${unit.unit.name} (${unit.unit.code}) — ${blockLabel(run.policy, unit.unit.block, lang)} — ${vi ? 'năm' : 'year'} ${run.year}`,
    `${vi ? 'Quy định áp dụng' : 'Rules applied'}: ${decision} (${vi ? 'phiên bản' : 'version'} ${run.policy.regulation.id})`,
    '',
    ...itemLines(parts),
    '',
    ...sectionLines(parts),
    '',
    ...rankingLines(parts),
    '',
    ...followUpLines(parts),
    '',
    ...outcomeLines(parts),
    '',
    ...sanctionLines(parts),
    '',
    ...personLines(parts),
  ];
  return `${lines.join('\n')}\n`;
}

function itemLines({ unit, run, lang, vi, cite }: Parts): string[] {
  const { assessment } = unit;
  const assessmentCitation = formatCitation(run.policy.regulation.citations.assessment);
  const lines = [
    vi
      ? `1. Các tiêu chí (thẩm định của ${run.departmentShort} quyết định khi có, ${assessmentCitation}):`
      : `1. Items (the appraisal decides where present, ${assessmentCitation}):`,
  ];
  if (!assessment.hasReport)
    lines.push(vi ? '   Đơn vị không có báo cáo tự đánh giá.' : '   The unit sent no self-report.');
  const notable = assessment.items.filter(
    (i) => i.status === 'khong-dat' || i.missing !== null || i.disagreement || i.notApplicableWithoutNote,
  );
  const count = run.policy.regulation.checklist.length;
  if (assessment.hasReport && notable.length === 0) {
    lines.push(
      vi
        ? `   Cả ${count} tiêu chí đều Đạt hoặc Không áp dụng có lý do.`
        : `   All ${count} items are met or not applicable with a reason.`,
    );
  }
  for (const item of notable) {
    const status = item.status === null ? (vi ? 'thiếu dữ liệu' : 'missing') : label(STATUS_LABELS, item.status, lang);
    const parts = [`   - ${item.item.code} (${cite(item.item.citation)}): ${status}`];
    if (item.disagreement && item.selfAssessment !== null && item.appraisal !== null) {
      const self = label(STATUS_LABELS, item.selfAssessment, lang);
      const appraisal = label(STATUS_LABELS, item.appraisal, lang);
      parts.push(
        vi
          ? ` (tự đánh giá "${self}", thẩm định "${appraisal}")`
          : ` (self-assessment "${self}", appraisal "${appraisal}")`,
      );
    }
    if (item.missing === 'no-row') parts.push(vi ? ' — không có dòng báo cáo' : ' — no row in the report');
    if (item.missing === 'not-applicable-without-note')
      parts.push(vi ? ' — "Không áp dụng" nhưng không có ghi chú lý do' : ' — "not applicable" without a note');
    lines.push(parts.join(''));
    lines.push(`       ${vi ? item.item.textVi : item.item.labelEn}`);
    if (item.evidence !== '') lines.push(`       ${vi ? 'Minh chứng' : 'Evidence'}: ${item.evidence}`);
    if (item.note !== '') lines.push(`       ${vi ? 'Ghi chú' : 'Note'}: ${item.note}`);
  }
  return lines;
}

function sectionLines({ unit, lang, vi }: Parts): string[] {
  const lines = [
    vi
      ? '2. Kết quả từng mục (vi phạm khi có ít nhất một tiêu chí không đạt):'
      : '2. Sections (violated when at least one item is not met):',
  ];
  for (const s of unit.assessment.sections) {
    const detail =
      s.notMet.length > 0
        ? ` — ${vi ? 'không đạt' : 'not met'}: ${s.notMet.join(', ')}`
        : s.missing.length > 0
          ? ` — ${vi ? 'thiếu' : 'missing'}: ${s.missing.join(', ')}`
          : '';
    lines.push(`   Mục ${s.section}: ${label(SECTION_STATUS_LABELS, s.status, lang)}${detail}`);
  }
  return lines;
}

function rankingLines({ unit, rows, run, lang, vi }: Parts): string[] {
  const { policy, year } = run;
  const { parameters } = policy;
  const groups = [policy.regulation.citations.topGroup, policy.regulation.citations.bottomGroup]
    .map(formatCitation)
    .join(', ');
  const lines = [vi ? `3. Xếp hạng ICT Index (${groups}):` : `3. ICT Index ranking (${groups}):`];
  if (unit.rank === undefined || unit.group === undefined) {
    lines.push(
      vi
        ? `   Không có điểm năm ${year}: không xếp hạng, không thuộc nhóm nào.`
        : `   No score for ${year}: unranked, in neither group.`,
    );
  } else {
    const g = unit.group;
    lines.push(
      `   ${vi ? 'Điểm' : 'Score'} ${unit.rank.score} (${vi ? 'so sánh ở' : 'compared at'} ${parameters.scorePrecision} ${vi ? 'chữ số thập phân' : 'decimals'}: ${unit.rank.comparedScore})`,
    );
    lines.push(
      `   ${vi ? 'Hạng' : 'Rank'} ${unit.rank.rank}/${g.n} ${vi ? 'trong' : 'in'} ${blockLabel(policy, g.scope, lang)}; k = ${g.topSize} (${parameters.groupSizeRounding} ${vi ? 'của' : 'of'} ${parameters.topShare} × ${g.n}), k' = ${g.bottomSize} (${parameters.bottomShare} × ${g.n})`,
    );
  }
  const firstRow = rows[0];
  if (firstRow === undefined) return lines;
  const bottom = bottomGroupName(policy, lang);
  lines.push(`   ${vi ? 'Nhóm năm nay' : 'Group this year'}: ${groupText(firstRow, policy, lang)}`);
  const prev = unit.previousRank;
  const previous =
    prev === undefined
      ? vi
        ? 'không có điểm'
        : 'no score'
      : `${vi ? 'hạng' : 'rank'} ${prev.rank}${prev.bottom ? `, ${vi ? 'nhóm ' : ''}${bottom}` : ''}`;
  lines.push(`   ${vi ? `Năm ${year - 1}` : `In ${year - 1}`}: ${previous}`);
  const twoYears = vi
    ? `Nhóm ${bottom} hai năm liền`
    : `${bottom.charAt(0).toUpperCase()}${bottom.slice(1)} two years running`;
  lines.push(`   ${twoYears}: ${bottomTwoYearsText(firstRow, year, lang)}`);
  return lines;
}

function followUpLines({ unit, lang, vi }: Parts): string[] {
  const f = unit.followUp;
  const lines = [
    vi ? '4. Sự việc theo dõi:' : '4. Follow-up facts:',
    `   ${vi ? 'Chậm triển khai kết luận của UBND tỉnh' : 'Slow on the conclusions'}: ${yesNo(f.slow, lang)}; ${vi ? 'Yêu cầu kiểm điểm' : 'Review demanded'}: ${yesNo(f.reviewDemanded, lang)}; ${vi ? 'Thành tích đặc biệt' : 'Exceptional achievement'}: ${yesNo(f.exceptionalAchievement, lang)}`,
  ];
  if (f.note !== '') lines.push(`   ${vi ? 'Căn cứ' : 'Basis'}: ${f.note}`);
  return lines;
}

function outcomeLines({ unit, run, lang, vi, short }: Parts): string[] {
  const { regulation } = run.policy;
  const decision = regulation.decision;
  const rating = short([regulation.citations.rating]);
  const rewards = short([regulation.citations.rewards]);
  const lines = [
    vi ? `5. Xếp loại (${rating}):` : `5. Rating (${rating}):`,
    `   ${label(RATING_LABELS, unit.rating.outcome, lang)} — ${ratingReasonLabel(unit.rating.reason, run.policy, lang)} (${short(unit.rating.citations)}, ${decision})`,
    '',
    vi ? `6. Khen thưởng (${rewards}):` : `6. Rewards (${rewards}):`,
  ];
  if (unit.rewards.length === 0) lines.push(vi ? '   Không có đề xuất.' : '   None proposed.');
  for (const reward of unit.rewards)
    lines.push(`   ${label(REWARD_LABELS, reward.outcome, lang)} (${short(reward.citations)}, ${decision})`);
  return lines;
}

function sanctionLines({ unit, rows, run, lang, vi, short }: Parts): string[] {
  const { policy, year } = run;
  const decision = policy.regulation.decision;
  const clause = short([policy.regulation.citations.sanctions]);
  const sanction = unit.sanction;
  const sanctionText =
    sanction.outcome === null ? (vi ? 'Không' : 'None') : label(SANCTION_LABELS, sanction.outcome, lang);
  const lines = [
    vi ? `7. Xử lý (${clause}):` : `7. Sanction (${clause}):`,
    `   ${sanctionText} — ${sanctionReasonLabel(sanction.reason, policy, lang)} (${short(sanction.citations)}, ${decision})`,
  ];
  if (sanction.applicableClauses.length > 1) {
    const forms = sanction.applicableClauses.map((c) => label(SANCTION_LABELS, c, lang)).join(', ');
    lines.push(
      `   ${vi ? 'Các điểm cùng thỏa mãn (chọn hình thức nặng nhất)' : 'Points that all apply (the most severe wins)'}: ${forms}`,
    );
  }
  const firstRow = rows[0];
  if (firstRow !== undefined && (sanction.reason === 'uncovered' || sanction.reason === 'uncertain'))
    lines.push(`   ${uncoveredText(firstRow, policy, lang)}`);
  if (sanction.nearestClauses.length > 0)
    lines.push(`   ${vi ? 'Các điểm gần nhất' : 'Nearest points'}: ${short(sanction.nearestClauses)}`);
  if (sanction.mappedByPolicy) {
    lines.push(
      vi
        ? '   Hình thức do tham số chính sách uncoveredCases quy định, không phải do văn bản.'
        : '   The form comes from the uncoveredCases policy parameter, not from the text.',
    );
  }
  if (sanction.notes.includes('previous-year-missing')) {
    const share = percent(policy.parameters.bottomShare, lang);
    lines.push(
      vi
        ? `   Không có xếp hạng năm ${year - 1}: coi như không thuộc nhóm ${share} năm đó (mặc định của quy tắc).`
        : `   No ranking for ${year - 1}: taken as not in that year's bottom group (the rules' default).`,
    );
  }
  return lines;
}

function personLines({ rows, run, lang, vi, short }: Parts): string[] {
  const persons = short([run.policy.regulation.citations.persons]);
  const lines = [vi ? `8. Người chịu trách nhiệm (${persons}):` : `8. Responsible persons (${persons}):`];
  for (const r of rows) {
    const sanction = r.sanction === null ? '' : `; ${label(SANCTION_LABELS, r.sanction, lang)}`;
    lines.push(
      `   - ${r.name}, ${r.position} — ${label(ROLE_LABELS, r.role, lang)} (${formatCitation(r.evaluation.roleCitation)}): ${label(RATING_LABELS, r.rating, lang)}${sanction}`,
    );
  }
  return lines;
}
