import type { ItemStatus } from '../../domain.js';
import { formatProblemIn } from '../../problems.js';
import type { YearRun } from '../content/run.js';
import { formatCitation } from '../../rules/citation.js';
import {
  RATING_LABELS,
  SECTION_STATUS_LABELS,
  STATUS_LABELS,
  label,
  ratingReasonLabel,
  reviewReasonLabel,
} from '../content/labels.js';
import { tableLines } from './terminal.js';
import type { Screen } from './terminal.js';
import { dmy } from '../../rules/legal.js';
import { awaitsAssessment } from '../content/model.js';

/** One line per unit: its sections, whether it reported, how many items the appraisal changed. */
export function unitTable(context: Screen, run: YearRun): Iterable<string> {
  const { lang, chalk } = context;
  const vi = lang === 'vi';
  const sections = run.policy.regulation.sections.map((s) => `Mục ${s.number}`);
  const headers = [
    vi ? 'Mã' : 'Code',
    vi ? 'Đơn vị' : 'Unit',
    ...sections,
    vi ? 'Báo cáo' : 'Report',
    vi ? 'Chênh lệch' : 'Disagreements',
  ];
  const reportColumn = 2 + sections.length;
  const rows = run.evaluation.units.map((u) => [
    u.unit.code,
    u.unit.name,
    ...u.assessment.sections.map((s) => label(SECTION_STATUS_LABELS, s.status, lang)),
    u.assessment.hasReport ? (vi ? 'Có' : 'Yes') : vi ? 'Không có' : 'Missing',
    String(u.assessment.disagreements.length),
  ]);
  return tableLines(headers, rows, {
    width: context.width,
    paint: (row, col, text) => {
      if (row < 0) return chalk.bold(text);
      if (text.trim() === label(SECTION_STATUS_LABELS, 'violated', lang)) return chalk.red(text);
      if (
        text.trim() === label(SECTION_STATUS_LABELS, 'undetermined', lang) ||
        (col === reportColumn && text.trim() !== (vi ? 'Có' : 'Yes'))
      )
        return chalk.yellow(text);
      return text;
    },
  });
}

/** The items whose appraisal differs from the unit's self-assessment (the appraisal counts). */
export function disagreementLines(context: Screen, run: YearRun): string {
  const { lang } = context;
  const vi = lang === 'vi';
  const status = (s: ItemStatus | null) => (s === null ? '' : label(STATUS_LABELS, s, lang));
  const lines = run.evaluation.units.flatMap((u) =>
    u.assessment.disagreements.map(
      (d) =>
        `  - ${u.unit.name} (${u.unit.code}), ${vi ? 'tiêu chí' : 'item'} ${d.item.code}: ${vi ? 'tự đánh giá' : 'self-assessment'} "${status(d.selfAssessment)}", ${vi ? 'Sở đánh giá' : 'department'} "${status(d.assessment)}"`,
    ),
  );
  if (lines.length === 0) return '';
  const clause = formatCitation(run.policy.regulation.citations.assessment);
  const heading = vi
    ? `Chênh lệch giữa tự đánh giá của đơn vị và đánh giá của Sở (đánh giá của Sở được dùng, ${clause}):`
    : `Self-assessment vs the department's assessment (the assessment counts, ${clause}):`;
  return `\n${context.wrap(`${heading}\n${lines.join('\n')}`, 'stdout')}\n`;
}

/**
 * The persons not rated yet, with what is missing and what they could be, and the cases that will go
 * to Sở Nội vụ for review, each reason in words: what the year's final run would do with them.
 */
export function reviewLines(context: Screen, run: YearRun): string {
  const { lang } = context;
  const vi = lang === 'vi';
  const lines: string[] = [];
  for (const r of run.rows) {
    const reasons = r.reviewReasons.map((reason) => reviewReasonLabel(reason, run.policy, lang));
    // The Sở's own open work first (khoản 2 Điều 18): not a case for Sở Nội vụ until the Sở has assessed the unit.
    if (awaitsAssessment(r))
      reasons.unshift(
        vi ? 'Sở chưa đánh giá đơn vị (trang "Sở cần đánh giá")' : 'the department has not assessed the unit yet',
      );
    if (r.rating === 'thieu-du-lieu' && r.ratingReason !== 'no-report') {
      reasons.push(ratingReasonLabel(r.ratingReason, run.policy, lang));
    }
    if (reasons.length === 0) continue;
    const possible =
      r.rating === 'thieu-du-lieu'
        ? ` (${vi ? 'có thể là' : 'could be'}: ${r.possibleRatings.map((x) => label(RATING_LABELS, x, lang)).join(vi ? ' hoặc ' : ' or ')})`
        : '';
    lines.push(`  - ${r.name}, ${r.unitName} (${r.unitCode}): ${reasons.join('; ')}${possible}`);
  }
  for (const unit of run.evaluation.unitsWithoutHead) {
    lines.push(
      `  - ${unit.unit.name} (${unit.unit.code}): ${vi ? 'không có người đứng đầu trong danh sách' : 'no head in the units file'}`,
    );
  }
  if (lines.length === 0) return '';
  const heading = vi ? 'Chưa xếp loại và các trường hợp cần xem xét:' : 'Not rated yet, and the cases to review:';
  return `\n${context.wrap(`${heading}\n${lines.join('\n')}`, 'stdout')}\n`;
}

/**
 * The legal context of the year (rules.md v3): the index, the body that assesses and the discipline decree on the
 * documents' date, and each act the year still needs (the outputs are a DỰ THẢO until it is given).
 */
export function legalLines(context: Screen, run: YearRun): string {
  const vi = context.lang === 'vi';
  const { legal } = run;
  const lines = [
    vi
      ? `  - Chỉ số xếp hạng: ${run.policy.index.name}${run.policy.index.own ? '' : ` (Quy định dẫn ${run.policy.regulation.context.index.name})`}`
      : `  - Index: ${run.policy.index.name}${run.policy.index.own ? '' : ` (the regulation names the ${run.policy.regulation.context.index.name})`}`,
    vi
      ? `  - Cơ quan ban hành văn bản ngày ${dmy(legal.documentDate)}: ${legal.issuer.heading}`
      : `  - Issuing body on ${dmy(legal.documentDate)}: ${legal.issuer.heading}`,
    vi ? `  - Xử lý kỷ luật: ${legal.discipline.short}` : `  - Discipline: ${legal.discipline.short}`,
    ...legal.needs.map((need) => `  - ${vi ? 'DỰ THẢO: ' : 'DRAFT: '}${vi ? need.vi : need.en}`),
  ];
  const heading = vi ? 'Bối cảnh pháp lý của năm:' : 'The legal context of the year:';
  return `\n${context.wrap(`${heading}\n${lines.join('\n')}`, 'stdout')}\n`;
}

/** What was not read (columns the tool does not use), listed by `check` only. */
export function infoLines(context: Screen, run: YearRun): string {
  const infos = run.problems.filter((p) => p.severity === 'info');
  if (infos.length === 0) return '';
  const heading =
    context.lang === 'vi' ? 'Không được đọc (chỉ liệt kê để kiểm tra):' : 'Not read (listed for checking):';
  return `\n${heading}\n${context.wrap(infos.map((p) => `  - ${formatProblemIn(p, context.lang)}`).join('\n'), 'stdout')}\n`;
}
