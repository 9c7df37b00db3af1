import { formatCitation } from '../../rules/citation.js';
import type { PersonEvaluation } from '../../rules/evaluate.js';
import type { Policy, PolicyParameters } from '../../rules/policy.js';
import type { ReadingResult } from '../../rules/readings.js';
import type { ReadingProposal } from './annual.js';
import type { CellValue, Document, TableSheet } from './document.js';
import { type Lang, RATING_LABELS, REWARD_LABELS, SANCTION_LABELS, label } from './labels.js';
import { parameterWords } from './parameters.js';
import { type RunInfo, basisSheet, warningsSheet } from './outputs.js';

/**
 * What `ict-eval what-if` says of each reading: the question, the value the run uses and the other one, in words, and
 * the persons whose outcome the other reading changes, from what to what, with the clauses it would then rest on.
 */
export interface ReadingText {
  readonly parameter: string;
  readonly question: string;
  readonly current: string;
  readonly alternative: string;
  readonly persons: readonly PersonText[];
}

export interface PersonText {
  readonly unitCode: string;
  readonly unitName: string;
  readonly name: string;
  readonly role: string;
  readonly now: string;
  readonly other: string;
  /** The provisions the other outcome rests on (short form). */
  readonly citations: string;
  readonly evaluationNow: PersonEvaluation;
  readonly evaluationOther: PersonEvaluation;
}

/** A person's outcome in words: the rating, the sanction (and the form withheld), the rewards. */
export function outcomeWords(p: PersonEvaluation, lang: Lang): string {
  const parts = [label(RATING_LABELS, p.rating.outcome, lang)];
  if (p.sanction.outcome !== null)
    parts.push(
      `${label(SANCTION_LABELS, p.sanction.outcome, lang)}${p.withheld === null ? '' : ` (${lang === 'vi' ? 'theo bảng' : 'by the table'}: ${label(SANCTION_LABELS, p.withheld, lang)})`}`,
    );
  for (const reward of p.rewards) parts.push(label(REWARD_LABELS, reward.outcome, lang));
  return parts.join('; ');
}

/** The provisions a person's outcome rests on: the rating's, the rewards', the sanction's (short form, once each). */
export function citationList(p: PersonEvaluation, lang: Lang): string[] {
  const cited = [
    ...p.rating.citations,
    ...p.rewards.flatMap((r) => r.citations),
    ...(p.sanction.outcome === null ? [] : p.sanction.citations),
  ];
  return [...new Set(cited.map((c) => formatCitation(c, lang)))];
}

const citationsOf = (p: PersonEvaluation, lang: Lang): string => citationList(p, lang).join('; ');

/** Each reading in words, with its persons; `policy` is the run's (the words of a value come from it). */
export function readingTexts(results: readonly ReadingResult[], policy: Policy, lang: Lang): ReadingText[] {
  const vi = lang === 'vi';
  const now = parameterWords(policy, lang);
  return results.map(({ reading, changes }) => {
    const persons = changes.map((c): PersonText => ({
      unitCode: c.now.unit.unit.code,
      unitName: c.now.unit.unit.name,
      name: c.now.person.name,
      role: c.now.person.role,
      now: outcomeWords(c.now, lang),
      other: outcomeWords(c.other, lang),
      citations: citationsOf(c.other, lang),
      evaluationNow: c.now,
      evaluationOther: c.other,
    }));
    if (reading.parameter === 'policy') {
      return {
        parameter: 'policy',
        question: vi ? 'Chính sách theo tệp khác' : 'The policy of another file',
        current: vi ? 'chính sách đang cấu hình' : 'the configured policy',
        alternative: JSON.stringify(reading.alternative),
        persons,
      };
    }
    const key = reading.parameter as keyof PolicyParameters;
    const other = parameterWords({ ...policy, parameters: { ...policy.parameters, [key]: reading.alternative } }, lang);
    return {
      parameter: reading.parameter,
      question: now.get(key)?.question ?? key,
      current: now.get(key)?.value ?? String(reading.current),
      alternative: other.get(key)?.value ?? String(reading.alternative),
      persons,
    };
  });
}

/** The readings that change someone, as section V of the report proposes to settle them (đoạn 2 Điều 19). */
export function readingProposals(texts: readonly ReadingText[]): ReadingProposal[] {
  return texts
    .filter((t) => t.persons.length > 0 && t.parameter !== 'policy')
    .map((t) => ({
      question: t.question,
      other: `"${t.alternative}" (thay cho "${t.current}")`,
      persons: t.persons.map((p) => `${p.name} (${p.unitName}): ${p.now} → ${p.other}`),
    }));
}

/**
 * The workbook of `what-if -o` (out/Y/cach-doc-khac-Y.xlsx), in the frame of the others: one row per person and
 * reading, grouped by reading, the readings that change nobody under the table; then the warnings and the basis.
 */
export function readingsDocument(texts: readonly ReadingText[], info: RunInfo): Document {
  const changing = texts.filter((t) => t.persons.length > 0);
  const unchanged = texts.filter((t) => t.persons.length === 0);
  const rows: CellValue[][] = [];
  const groups: string[] = [];
  for (const t of changing) {
    for (const p of t.persons) {
      // The readings in a column (they can be long), the group a short question: a group title is one line.
      rows.push([`${t.alternative} (đang áp dụng: ${t.current})`, p.name, p.unitName, p.now, p.other, p.citations]);
      groups.push(t.question);
    }
  }
  const sheet: TableSheet = {
    kind: 'table',
    name: 'Cách đọc khác',
    title: 'Kết quả theo cách hiểu khác của các quy định chưa rõ',
    subtitle: `Năm ${info.block.year}. Mỗi nhóm là một quy định chưa rõ, đổi sang từng cách hiểu khác, các tham số khác giữ như cấu hình; chỉ liệt kê người có kết quả thay đổi (${formatCitation(info.policy.regulation.citations.amendment)}: các trường hợp này cần được UBND tỉnh xem xét, sửa đổi, bổ sung Quy định).`,
    columns: [
      { header: 'Cách hiểu khác', width: 30 },
      { header: 'Họ và tên', width: 20 },
      { header: 'Đơn vị', width: 22 },
      { header: 'Kết quả hiện nay', width: 28 },
      { header: 'Kết quả theo cách hiểu khác', width: 28 },
      { header: 'Căn cứ (cách hiểu khác)', width: 26 },
    ],
    rows,
    groups,
    emptyText: 'Không cách hiểu khác nào làm thay đổi kết quả của người nào.',
    totals: [
      `Tổng cộng: ${changing.length} cách hiểu làm thay đổi kết quả của ${new Set(changing.flatMap((t) => t.persons.map((p) => `${p.unitCode}/${p.name}`))).size} người.`,
      ...(unchanged.length === 0
        ? []
        : [`Không ai thay đổi theo: ${unchanged.map((t) => `${t.question} ("${t.alternative}")`).join('; ')}.`]),
    ],
  };
  return { block: info.block, sheets: [sheet, warningsSheet(info), basisSheet(info)] };
}
