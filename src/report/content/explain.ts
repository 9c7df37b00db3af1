import { type Citation, formatCitation, formatFullCitation } from '../../rules/citation.js';
import type { Judgement, UnitEvaluation } from '../../rules/evaluate.js';
import type { Policy } from '../../rules/policy.js';
import type { RewardDecision } from '../../rules/rewards.js';
import { bottomTwoYearsText, groupText, ratingBasis, uncoveredText } from './describe.js';
import {
  type Lang,
  RATING_LABELS,
  REWARD_LABELS,
  SANCTION_LABELS,
  SECTION_STATUS_LABELS,
  STATUS_LABELS,
  blockLabel,
  bottomGroupName,
  decimal,
  dmy,
  label,
  noteLabel,
  percent,
  ratingReasonLabel,
  reviewReasonLabel,
  roleText,
  sanctionReasonLabel,
  yesNo,
} from './labels.js';
import type { PersonRow } from './model.js';
import { type Problem, formatProblemIn } from '../../problems.js';
import { type ItemResult, notable } from '../../rules/sections.js';
import { withNowIs } from '../../rules/legal.js';

/** What an explanation needs of the run: the year, the policy, and the department's short name on the document's date. */
export interface ExplainRun {
  readonly year: number;
  readonly policy: Policy;
  readonly departmentShort: string;
  /** The day the year's documents are dated: an instrument the law names is followed by what replaced it then. */
  readonly documentDate: string;
}

interface Parts {
  readonly unit: UnitEvaluation;
  readonly rows: readonly PersonRow[];
  readonly run: ExplainRun;
  readonly lang: Lang;
  readonly vi: boolean;
  /** Short citations in the language: `điểm b khoản 1 Điều 17; …` / `Art. 17(1)(b); …`. */
  readonly short: (citations: readonly Citation[]) => string;
}

/**
 * The derivation for one unit, in the order the rules apply: every item by section (those not met,
 * not assessed or disputed with their text and evidence), sections, score, rank, N and k, groups this year and last, follow-up,
 * then each responsible person on the sections they answer for: rating, rewards, sanction, review
 * reasons, each with its article, and last the data warnings about the unit. Assembled from the decisions' facts and citations, never re-typed.
 */
export function explainUnit(
  unit: UnitEvaluation,
  rows: readonly PersonRow[],
  run: ExplainRun,
  lang: Lang,
  warnings: readonly Problem[] = [],
): string {
  const parts: Parts = {
    unit,
    rows,
    run,
    lang,
    vi: lang === 'vi',
    short: (cs) => cs.map((c) => formatCitation(c, lang)).join('; '),
  };
  const vi = parts.vi;
  const { regulation } = run.policy;
  const reference = vi ? regulation.reference.fullVi : regulation.reference.fullEn;
  const period = unit.unit.period ?? null;
  const merger = unit.merger;
  const lines = [
    `${unit.unit.name} (${unit.unit.code}) — ${blockLabel(run.policy, unit.unit.block, lang)}, ${kindLabel(parts)} — ${vi ? 'năm' : 'year'} ${run.year}`,
    `${vi ? 'Quy định áp dụng' : 'Rules applied'}: ${reference} (${vi ? 'phiên bản' : 'version'} ${regulation.id})`,
    ...(period === null
      ? []
      : [
          vi
            ? `Đơn vị chỉ hoạt động từ ${dmy(period.from)} đến ${dmy(period.to)} trong năm.`
            : `The unit existed from ${dmy(period.from)} to ${dmy(period.to)} in the year only.`,
        ]),
    ...(merger === null
      ? []
      : merger === 'unconfirmed'
        ? [
            vi
              ? 'Đơn vị hợp nhất trong năm nhưng chưa có văn bản (legal.mergers): bản DỰ THẢO.'
              : 'The unit was merged during the year, with no act given (legal.mergers): a DRAFT.',
          ]
        : [
            vi
              ? `Hợp nhất từ ${dmy(merger.from)} theo ${merger.basis}: là một đơn vị trong cả năm.`
              : `Merged from ${dmy(merger.from)} under ${merger.basis}: one unit for the year.`,
          ]),
    '',
    ...itemLines(parts),
    '',
    ...sectionLines(parts),
    '',
    ...rankingLines(parts),
    '',
    ...followUpLines(parts),
    '',
    ...personLines(parts),
    '',
    ...warningSection(warnings, lang),
  ];
  return `${lines.join('\n')}\n`;
}

/** The data warnings that concern the unit (its rows, its report, its gaps) or the whole year's inputs. */
function warningSection(warnings: readonly Problem[], lang: Lang): string[] {
  const vi = lang === 'vi';
  if (warnings.length === 0)
    return [vi ? 'Cảnh báo dữ liệu liên quan: không có.' : 'Data warnings that concern the unit: none.'];
  return [
    vi
      ? `Cảnh báo dữ liệu liên quan (${warnings.length}):`
      : `Data warnings that concern the unit (${warnings.length}):`,
    ...warnings.map((w) => `  - ${formatProblemIn(w, lang)}`),
  ];
}

function kindLabel({ unit, run, lang }: Parts): string {
  const kind = run.policy.regulation.unitKinds.find((k) => k.code === unit.unit.kind);
  return kind === undefined ? unit.unit.kind : kind[lang];
}

function itemLines({ unit, run, lang, vi }: Parts): string[] {
  const { assessment } = unit;
  const { regulation } = run.policy;
  const assessmentCitation = formatCitation(regulation.citations.assessment, lang);
  const count = regulation.checklist.length;
  const lines = [
    vi
      ? `1. Các tiêu chí (kết quả đánh giá của ${run.departmentShort} quyết định, ${assessmentCitation}):`
      : `1. Items (the department's assessment decides, ${assessmentCitation}):`,
    vi
      ? `   Hiển thị cả ${count} tiêu chí; nội dung, minh chứng và ghi chú chỉ ghi với tiêu chí không đạt, chưa đánh giá, không áp dụng, chỉ theo dõi hoặc có chênh lệch.`
      : `   All ${count} items are shown; the text, evidence and notes only for items not met, not assessed, not applicable, information only or disputed.`,
  ];
  if (!assessment.hasReport)
    lines.push(vi ? '   Đơn vị chưa gửi báo cáo tự đánh giá.' : '   The unit sent no self-report.');
  if (!assessment.hasAssessment)
    lines.push(
      vi ? '   Sở chưa đánh giá tiêu chí nào của đơn vị.' : '   The department has assessed none of its items.',
    );
  for (const section of regulation.sections) {
    lines.push(`   Mục ${section.number}. ${vi ? section.titleVi : section.titleEn}`);
    for (const item of assessment.items.filter((i) => i.item.section === section.number)) {
      lines.push(...itemDetail(item, run, lang, vi));
    }
  }
  return lines;
}

/** One item: a line with its status; for an item worth a look, its text, indicator, evidence and note under it. */
function itemDetail(item: ItemResult, run: ExplainRun, lang: Lang, vi: boolean): string[] {
  const status =
    item.status === null ? (vi ? 'chưa đánh giá' : 'not assessed') : label(STATUS_LABELS, item.status, lang);
  const parts = [`   - ${item.item.code} (${formatCitation(item.item.citation, lang)}): ${status}`];
  const self =
    item.selfAssessment === null ? (vi ? '(trống)' : '(blank)') : label(STATUS_LABELS, item.selfAssessment, lang);
  if (item.disagreement && item.assessment !== null) {
    const theirs = label(STATUS_LABELS, item.assessment, lang);
    parts.push(
      vi
        ? ` (đơn vị tự đánh giá "${self}", Sở đánh giá "${theirs}")`
        : ` (self-assessment "${self}", department "${theirs}")`,
    );
  }
  if (item.decidedBy === 'self-assessment')
    parts.push(vi ? ' — theo tự đánh giá của đơn vị (Sở chưa đánh giá)' : ' — on the self-assessment alone');
  if (item.notApplicableByRule)
    parts.push(
      vi ? ' — điều khoản không áp dụng cho loại đơn vị này' : ' — the article does not bind this kind of unit',
    );
  if (item.informationOnly) parts.push(vi ? ' — chỉ theo dõi, không tính vi phạm' : ' — information only');
  if (item.missing === 'not-applicable-without-note')
    parts.push(vi ? ' — "Không áp dụng" nhưng không có ghi chú lý do' : ' — "not applicable" without a note');
  if (!notable(item)) return [parts.join('')];
  const text = vi ? withNowIs(item.item.textVi, run.policy.regulation, run.documentDate) : item.item.labelEn;
  const lines = [parts.join(''), `       ${text}`];
  const indicator = run.policy.indicators.get(item.item.code);
  if (indicator !== undefined)
    lines.push(
      `       ${vi ? `Chỉ tiêu ${run.policy.regulation.context.index.name}` : `${run.policy.regulation.context.index.name} indicator`}: ${indicator}`,
    );
  if (item.evidence !== '') lines.push(`       ${vi ? 'Minh chứng' : 'Evidence'}: ${item.evidence}`);
  if (item.note !== '') lines.push(`       ${vi ? 'Ghi chú' : 'Note'}: ${item.note}`);
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
    .map((c) => formatCitation(c, lang))
    .join(', ');
  const index = policy.index.name;
  const lines = [vi ? `3. Xếp hạng ${index} (${groups}):` : `3. ${index} ranking (${groups}):`];
  if (!policy.index.own)
    lines.push(
      vi
        ? `   Quy định dẫn ${policy.regulation.context.index.name}; năm ${year} xếp hạng theo ${index}.`
        : `   The regulation names the ${policy.regulation.context.index.name}; ${year} is ranked by the ${index}.`,
    );
  if (!unit.unit.inIndex) {
    lines.push(
      vi
        ? `   Đơn vị không được xếp hạng ${index}: không xét nhóm, chỉ xếp loại theo các mục.`
        : '   Not ranked in the index: no groups; rated on its sections alone.',
    );
  } else if (unit.rank === undefined || unit.group === undefined) {
    lines.push(
      vi
        ? `   Chưa có điểm năm ${year}: chưa xếp hạng, chưa xác định nhóm.`
        : `   No score for ${year} yet: unranked, groups unknown.`,
    );
  } else {
    const g = unit.group;
    const source =
      g.source === 'official'
        ? vi
          ? 'hạng chính thức của bảng điểm'
          : 'official ranks of the scores file'
        : vi
          ? 'xếp theo điểm'
          : 'ranked by score';
    if (unit.rank.score !== null) {
      lines.push(
        `   ${vi ? 'Điểm' : 'Score'} ${decimal(unit.rank.score, lang)} (${vi ? 'so sánh ở' : 'compared at'} ${parameters.scorePrecision} ${vi ? 'chữ số thập phân' : 'decimals'}: ${decimal(unit.rank.comparedScore, lang)})`,
      );
    }
    lines.push(
      `   ${vi ? 'Hạng' : 'Rank'} ${unit.rank.rank}/${g.n} ${vi ? 'trong' : 'in'} ${blockLabel(policy, g.scope, lang)} (${source}); k = ${g.topSize} (${percent(parameters.topShare, lang)} × ${g.n}), k' = ${g.bottomSize} (${percent(parameters.bottomShare, lang)} × ${g.n})`,
    );
  }
  const firstRow = rows[0];
  const bottom = bottomGroupName(policy, lang);
  if (firstRow !== undefined)
    lines.push(`   ${vi ? 'Nhóm năm nay' : 'Group this year'}: ${groupText(firstRow, policy, lang)}`);
  const codes = unit.previous.ranks
    .map(
      ({ code, rank }) =>
        `${code}: ${rank === undefined ? (vi ? 'không có điểm' : 'no score') : `${vi ? 'hạng' : 'rank'} ${rank.rank}${rank.bottom ? `, ${vi ? 'nhóm ' : ''}${bottom}` : ''}`}`,
    )
    .join('; ');
  lines.push(`   ${vi ? `Năm ${year - 1}` : `In ${year - 1}`}: ${codes}`);
  if (firstRow !== undefined) {
    const twoYears = vi
      ? `Nhóm ${bottom} hai năm liền`
      : `${bottom.charAt(0).toUpperCase()}${bottom.slice(1)} two years running`;
    lines.push(`   ${twoYears}: ${bottomTwoYearsText(firstRow, year, lang)}`);
  }
  return lines;
}

function followUpLines({ unit, lang, vi }: Parts): string[] {
  const f = unit.followUp;
  const lines = [
    vi ? '4. Sự việc theo dõi:' : '4. Follow-up facts:',
    `   ${vi ? 'Chậm triển khai kết luận của UBND tỉnh' : 'Slow on the conclusions'}: ${yesNo(f.slow, lang)}; ${vi ? 'Yêu cầu kiểm điểm' : 'Review demanded'}: ${yesNo(f.reviewDemanded, lang)}${f.reviewDocument === '' ? '' : ` (${f.reviewDocument})`}; ${vi ? 'Thành tích đặc biệt' : 'Exceptional achievement'}: ${yesNo(f.exceptionalAchievement, lang)}${f.exceptionalAchievement ? ` (${f.rewardRecipient === '' ? (vi ? 'đơn vị' : 'the unit') : f.rewardRecipient})` : ''}`,
  ];
  if (f.note !== '') lines.push(`   ${vi ? 'Căn cứ' : 'Basis'}: ${f.note}`);
  return lines;
}

function rewardLines(rewards: readonly RewardDecision[], parts: Parts, indent: string): string[] {
  const { lang, vi, short } = parts;
  if (rewards.length === 0) return [`${indent}${vi ? 'Khen thưởng: không có đề nghị.' : 'Rewards: none proposed.'}`];
  return rewards.map(
    (reward) =>
      `${indent}${vi ? 'Khen thưởng' : 'Reward'}: ${label(REWARD_LABELS, reward.outcome, lang)} (${short(reward.citations)})`,
  );
}

function judgementLines(judgement: Judgement, row: PersonRow | undefined, parts: Parts, indent: string): string[] {
  const { run, lang, vi, short } = parts;
  const { policy } = run;
  const rating = judgement.rating;
  const basis =
    row === undefined
      ? `${ratingReasonLabel(rating.reason, policy, lang)} (${short(rating.citations)})`
      : ratingBasis(row, policy, lang);
  const lines = [`${indent}${vi ? 'Xếp loại' : 'Rating'}: ${label(RATING_LABELS, rating.outcome, lang)} — ${basis}`];
  const sanction = row?.evaluation.sanction ?? judgement.sanction;
  const text = sanction.outcome === null ? (vi ? 'Không' : 'None') : label(SANCTION_LABELS, sanction.outcome, lang);
  const cited = sanction.citations.length === 0 ? '' : ` (${short(sanction.citations)})`;
  // A form the table gives but withheld for review: the reason is the review's, said under it.
  const why =
    row?.evaluation.withheld === null || row === undefined
      ? sanctionReasonLabel(sanction.reason, policy, lang)
      : vi
        ? 'hình thức theo bảng của điều khoản được chuyển Sở Nội vụ xem xét'
        : 'the form the table gives is referred for review';
  lines.push(`${indent}${vi ? 'Xử lý (đề xuất)' : 'Sanction (proposal)'}: ${text} — ${why}${cited}`);
  if (sanction.applicableClauses.length > 1) {
    const forms = sanction.applicableClauses.map((c) => label(SANCTION_LABELS, c, lang)).join(', ');
    lines.push(
      `${indent}${vi ? 'Các điểm cùng thỏa mãn (chọn hình thức nặng nhất)' : 'Points that all apply (the most severe wins)'}: ${forms}`,
    );
  }
  if (row !== undefined && (sanction.reason === 'uncovered' || sanction.reason === 'uncertain'))
    lines.push(`${indent}${uncoveredText(row, policy, lang)}`);
  if (sanction.nearestClauses.length > 0)
    lines.push(`${indent}${vi ? 'Các điểm gần nhất' : 'Nearest points'}: ${short(sanction.nearestClauses)}`);
  if (sanction.mappedByPolicy) {
    lines.push(
      vi
        ? `${indent}Hình thức do tham số chính sách quy định, không phải do văn bản.`
        : `${indent}The form comes from a policy parameter, not from the text.`,
    );
  }
  if (sanction.notes.includes('previous-year-missing')) {
    const share = percent(policy.parameters.bottomShare, lang);
    lines.push(
      vi
        ? `${indent}Không có xếp hạng năm ${run.year - 1}: coi như không thuộc nhóm ${share} năm đó (mặc định của quy tắc).`
        : `${indent}No ranking for ${run.year - 1}: taken as not in that year's bottom group (the rules' default).`,
    );
  }
  return lines;
}

function personLines(parts: Parts): string[] {
  const { unit, rows, run, lang, vi, short } = parts;
  const persons = short([run.policy.regulation.citations.persons]);
  const lines = [
    vi ? `5. Người chịu trách nhiệm (${persons}) và kết quả:` : `5. Responsible persons (${persons}) and outcomes:`,
  ];
  if (unit.withoutHead) {
    lines.push(
      vi
        ? '   Đơn vị không có người đứng đầu trong danh sách; kết quả của đơn vị:'
        : '   No head in the units file; the unit’s result:',
    );
    lines.push(...judgementLines(unit.whole, undefined, parts, '     '));
  }
  for (const r of rows) {
    const p = r.evaluation;
    lines.push(`   - ${r.name}, ${r.position} — ${roleText(r, lang)} (${formatCitation(p.roleCitation, lang)})`);
    if (r.assignedSections !== null) {
      lines.push(
        `     ${vi ? 'Văn bản phân công' : 'Assignment'}: ${p.person.assignmentDocument}; ${vi ? 'chịu trách nhiệm Mục' : 'answers for sections'} ${r.assignedSections.join(', ')}`,
      );
    }
    lines.push(...judgementLines({ scope: p.scope, rating: p.rating, sanction: p.sanction }, r, parts, '     '));
    lines.push(...rewardLines(p.rewards, parts, '     '));
    for (const remark of p.notes) lines.push(`     ${vi ? 'Ghi chú' : 'Note'}: ${noteLabel(remark, run.policy, lang)}`);
    for (const reward of p.withheldRewards)
      lines.push(
        `     ${vi ? 'Theo bảng của điều khoản' : 'By the table'}: ${label(REWARD_LABELS, reward.outcome, lang)} (${short(reward.citations)}) — ${vi ? 'chưa đề nghị, chuyển xem xét' : 'not proposed, referred for review'}`,
      );
    for (const reason of p.reviewReasons.filter((x) => x !== 'uncovered')) {
      lines.push(`     ${vi ? 'Cần xem xét' : 'To review'}: ${reviewReasonLabel(reason, run.policy, lang)}`);
    }
    if (p.withheld !== null) {
      lines.push(
        `     ${vi ? 'Theo bảng của điều khoản' : 'By the table'}: ${label(SANCTION_LABELS, p.withheld, lang)} — ${vi ? 'chuyển Sở Nội vụ xem xét' : 'referred for review'}`,
      );
    }
  }
  if (unit.unitRewards.length > 0)
    lines.push(...rewardLines(unit.unitRewards, parts, vi ? '   Đơn vị — ' : '   The unit — '));
  const decision = formatFullCitation(
    run.policy.regulation.citations.homeAffairs,
    run.policy.regulation.reference,
    lang,
  );
  lines.push('');
  lines.push(
    vi
      ? `Các hình thức xử lý là đề xuất; Sở Nội vụ trình UBND tỉnh quyết định (${decision}).`
      : `Sanctions are proposals; Sở Nội vụ submits them to UBND tỉnh, which decides (${decision}).`,
  );
  return lines;
}
