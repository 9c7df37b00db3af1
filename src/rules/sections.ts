import {
  type AssessmentRow,
  type ItemStatus,
  type SelfReportRow,
  type SheetPlace,
  type SourceRef,
  type Unit,
  isPlaced,
  sourceAt,
} from '../domain.js';
import { checklistPosition } from './checklist.js';
import type { Citation } from './citation.js';
import type { Policy } from './policy.js';
import type { ChecklistItem } from './regulation.js';

/**
 * Each unit's result per Mục (Chương II, Mục 1–4 of the Quy định): the Sở's assessment decides each item. Tests:
 * test/rules/sections.test.ts, test/rules/checklist.test.ts (every item against the law text).
 *
 * > 2. Sở Thông tin và Truyền thông có trách nhiệm tổng hợp, đánh giá kết quả ứng dụng công nghệ thông tin của các sở,
 * > ban, ngành, UBND các huyện, thị xã, thành phố hàng năm theo quy định.
 */

/** Why an item has no usable status. */
export type MissingReason =
  /** The department has not assessed it (and the policy does not take the unit's self-assessment). */
  | 'not-assessed'
  /** `Không áp dụng` without a note saying why, and the policy does not accept it. */
  | 'not-applicable-without-note';

/** Who decided an item: the department's assessment, the unit's self-assessment (by policy), or the regulation itself. */
export type DecidedBy = 'assessment' | 'self-assessment' | 'rule';

export interface ItemResult {
  readonly item: ChecklistItem;
  /** The unit's own status (its report); null when blank or not reported. */
  readonly selfAssessment: ItemStatus | null;
  /** The department's status; null when it has not assessed the item. */
  readonly assessment: ItemStatus | null;
  /** The status that counts; null when missing. */
  readonly status: ItemStatus | null;
  readonly decidedBy: DecidedBy | null;
  /** Both statuses are given and differ. */
  readonly disagreement: boolean;
  readonly missing: MissingReason | null;
  /** `Không áp dụng` with no note: reported even when the policy accepts it. */
  readonly notApplicableWithoutNote: boolean;
  /** The article binds other kinds of unit only: "Không áp dụng" by rule, whatever was entered. */
  readonly notApplicableByRule: boolean;
  /** Shown, never counted as a violation (`informationOnlyItems`). */
  readonly informationOnly: boolean;
  /** The unit's report has a row for the item. */
  readonly reported: boolean;
  /**
   * Minh chứng of the unit, for an item worth a look (see `notable`); '' for an item met without remark, whose
   * evidence no output shows.
   */
  readonly evidence: string;
  /** The note that goes with the status that counts (the department's, or the unit's). */
  readonly note: string;
  /** The unit's own note, when the department decided; like `evidence`, for an item worth a look only. */
  readonly unitNote: string;
  readonly source: SourceRef | undefined;
}

/**
 * An item worth a look: not met, missing, disputed, not applicable (without a note, or by rule), information only or
 * decided on the self-assessment. Its text, evidence and notes are what `explain` and the "Chi tiết" sheet show; an
 * item met without any of these keeps no evidence or unit note (ItemResult.evidence).
 */
export function notable(item: ItemFields): boolean {
  return (
    item.status !== 'dat' ||
    item.missing !== null ||
    item.disagreement ||
    item.notApplicableWithoutNote ||
    item.notApplicableByRule ||
    item.informationOnly ||
    item.decidedBy === 'self-assessment'
  );
}

/** Whether an item can make a section violated: it applies to the unit and is not information only. */
export function counts(item: ItemFields): boolean {
  return !item.notApplicableByRule && !item.informationOnly;
}

/** A section's result: violated as soon as one counted item is not met; else undetermined while one is missing. */
export type SectionStatus = 'violated' | 'met' | 'undetermined';

export interface SectionResult {
  readonly section: number;
  readonly status: SectionStatus;
  /** Codes of the counted items not met. */
  readonly notMet: readonly string[];
  /** Codes of the counted items with no usable status. */
  readonly missing: readonly string[];
  /** The articles of the items not met (or, if met, none). */
  readonly citations: readonly Citation[];
}

export interface UnitAssessment {
  readonly unitCode: string;
  /** The unit sent a report (at least one self-report row). */
  readonly hasReport: boolean;
  /** The department assessed at least one of its items. */
  readonly hasAssessment: boolean;
  /** Its result for each item of the checklist, in order; an item met without remark is made again at each reading. */
  readonly items: readonly ItemResult[];
  readonly sections: readonly SectionResult[];
  /** Sections violated, ascending. */
  readonly violatedSections: readonly number[];
  /** Sections not violated in which a counted item is missing: their result is not known. */
  readonly undeterminedSections: readonly number[];
  /** Items whose self-assessment and assessment differ. */
  readonly disagreements: readonly ItemResult[];
  /** Items whose result stands on the unit's self-assessment alone (`unassessedItems: self-report`). */
  readonly selfDecided: readonly ItemResult[];
}

interface ItemInput {
  readonly item: ChecklistItem;
  readonly report: SelfReportRow | undefined;
  readonly assessed: AssessmentRow | undefined;
  readonly bindsUnit: boolean;
  readonly informationOnly: boolean;
}

/**
 * Where an item's result came from: the place of the row that is its source (the department's, else the unit's) and
 * its line, or a SourceRef given whole (a row made by hand, `whole`).
 */
export interface ItemOrigin {
  readonly where: SheetPlace | SourceRef;
  readonly line: number | undefined;
  readonly whole: boolean;
}

/** An item's result before it is kept: every field but its source, which the store makes from its origin. */
export type ItemFields = Omit<ItemResult, 'source'>;

/**
 * How a unit's results are kept once the rules have made them. The rules make plain records (PLAIN_STORE); a run
 * over a whole national year keeps them compacted instead (src/pipeline/compact.ts), with the same values.
 */
export interface AssessmentStore {
  item(fields: ItemFields, origin: ItemOrigin | undefined): ItemResult;
  unit(assessment: UnitAssessment): UnitAssessment;
}

/** The rules' own records: an item's source made from its origin, the unit's assessment as it is. */
export const PLAIN_STORE: AssessmentStore = {
  item: (fields, origin) => ({
    ...fields,
    source: origin === undefined ? undefined : origin.whole ? origin.where : sourceAt(origin.where, origin.line),
  }),
  unit: (assessment) => assessment,
};

/**
 * Where a row came from: its place and line (a reader's row; its SourceRef is made when asked), or its SourceRef whole
 * (a row made by hand); undefined when it says nothing.
 */
function origin(row: SelfReportRow | AssessmentRow | undefined): ItemOrigin | undefined {
  if (row === undefined) return undefined;
  if (isPlaced(row)) return { where: row.place, line: row.line, whole: false };
  return row.source === undefined ? undefined : { where: row.source, line: undefined, whole: true };
}

function assessItem(
  { item, report, assessed, bindsUnit, informationOnly }: ItemInput,
  policy: Policy,
  store: AssessmentStore,
): ItemResult {
  const { parameters } = policy;
  const selfAssessment = report?.selfAssessment ?? null;
  const assessment = assessed?.status ?? null;
  let status: ItemStatus | null;
  let decidedBy: DecidedBy | null;
  let missing: MissingReason | null = null;
  let note: string;
  let notApplicableWithoutNote = false;
  if (!bindsUnit) {
    // The article names the kinds of unit it binds: for others the item does not apply, whatever was entered.
    status = 'khong-ap-dung';
    decidedBy = 'rule';
    note = assessed?.note ?? report?.note ?? '';
  } else {
    const bySelf = assessment === null && parameters.unassessedItems === 'self-report' && selfAssessment !== null;
    const given = assessment ?? (bySelf ? selfAssessment : null);
    note = assessment !== null ? (assessed?.note ?? '') : (report?.note ?? '');
    notApplicableWithoutNote = given === 'khong-ap-dung' && note.trim() === '';
    const rejected = notApplicableWithoutNote && parameters.notApplicableWithoutNote === 'missing-data';
    if (given === null) missing = 'not-assessed';
    else if (rejected) missing = 'not-applicable-without-note';
    status = rejected ? null : given;
    decidedBy = given === null ? null : bySelf ? 'self-assessment' : 'assessment';
  }
  const fields: ItemFields = {
    item,
    selfAssessment,
    assessment,
    status,
    decidedBy,
    disagreement: selfAssessment !== null && assessment !== null && selfAssessment !== assessment,
    missing,
    notApplicableWithoutNote,
    notApplicableByRule: !bindsUnit,
    informationOnly,
    reported: report !== undefined,
    evidence: '',
    note,
    unitNote: '',
  };
  // The department's row is the source when it gives one, else the unit's. The unit's evidence and note go with an
  // item worth a look only: nothing shows them for an item met without remark (ItemResult.evidence).
  const from = origin(assessed) ?? origin(report);
  if (!notable(fields)) return store.item(fields, from);
  return store.item({ ...fields, evidence: report?.evidence ?? '', unitNote: report?.note ?? '' }, from);
}

function assessSection(section: number, items: readonly ItemResult[]): SectionResult {
  const own = items.filter((result) => result.item.section === section && counts(result));
  const notMet = own.filter((result) => result.status === 'khong-dat');
  const missing = own.filter((result) => result.missing !== null);
  // A unit violates a section when at least one of its items is not met; a missing item cannot make
  // a violated section "met", but it leaves a section with no violation undetermined.
  const status: SectionStatus = notMet.length > 0 ? 'violated' : missing.length > 0 ? 'undetermined' : 'met';
  return {
    section,
    status,
    notMet: notMet.map((result) => result.item.code),
    missing: missing.map((result) => result.item.code),
    citations: notMet.map((result) => result.item.citation),
  };
}

/** A unit's rows by the position of their item in the checklist. */
function byItem<T extends { unitCode: string; itemCode: string }>(
  unit: string,
  rows: readonly T[],
  policy: Policy,
  what: string,
): (T | undefined)[] {
  const { regulation } = policy;
  const byPosition = new Array<T | undefined>(regulation.checklist.length).fill(undefined);
  for (const row of rows) {
    if (row.unitCode !== unit) throw new Error(`assessUnit(${unit}) was given a ${what} row of unit ${row.unitCode}`);
    const at = checklistPosition(regulation, row.itemCode);
    if (at < 0) throw new Error(`assessUnit(${unit}): unknown item ${row.itemCode}`);
    if (byPosition[at] !== undefined) throw new Error(`assessUnit(${unit}): two ${what} rows for item ${row.itemCode}`);
    byPosition[at] = row;
  }
  return byPosition;
}

/** Whether a self-report row says anything: a status, evidence, a note or a difficulty. */
export function hasContent(row: SelfReportRow): boolean {
  return row.selfAssessment !== null || row.evidence !== '' || row.note !== '' || (row.difficulties ?? '') !== '';
}

/**
 * Assesses one unit: the status of each checklist item — the department's assessment decides;
 * an item it has not assessed is missing data, unless the policy takes the unit's self-assessment
 * (`unassessedItems: self-report`); an item whose article binds other kinds of unit does not apply;
 * an information-only item never makes a violation — and the result of each section.
 *
 * The rows must be the unit's own, with known item codes and at most one row per item: the
 * readers report anything else as malformed data before the rules run.
 */
export function assessUnit(
  unit: Pick<Unit, 'code' | 'kind'> & { readonly block?: string },
  reports: readonly SelfReportRow[],
  assessments: readonly AssessmentRow[],
  policy: Policy,
  store: AssessmentStore = PLAIN_STORE,
): UnitAssessment {
  const { regulation, parameters } = policy;
  // An item the regulation binds only some kinds to binds a configured block's units too when its act says so
  // (`binds`: whether Điều 11 applies to communes is that block's configuration, rules.md v3).
  const binds = policy.blocks.find((b) => b.code === unit.block)?.binds ?? [];
  const reported = byItem(unit.code, reports, policy, 'self-report');
  const assessed = byItem(unit.code, assessments, policy, 'assessment');
  const items = regulation.checklist.map((item, at) =>
    assessItem(
      {
        item,
        report: reported[at],
        assessed: assessed[at],
        bindsUnit: item.appliesTo === undefined || item.appliesTo.includes(unit.kind) || binds.includes(item.code),
        informationOnly: parameters.informationOnlyItems.includes(item.code),
      },
      policy,
      store,
    ),
  );
  const sections = regulation.sections.map((s) => assessSection(s.number, items));
  return store.unit({
    unitCode: unit.code,
    // A template sent back blank (no status, no evidence, no note on any item) is a report without content: the unit
    // has not reported (rules.md v3).
    hasReport: reports.some(hasContent),
    hasAssessment: assessments.length > 0,
    items,
    sections,
    violatedSections: sections.filter((s) => s.status === 'violated').map((s) => s.section),
    undeterminedSections: sections.filter((s) => s.status === 'undetermined').map((s) => s.section),
    disagreements: items.filter((result) => result.disagreement),
    selfDecided: items.filter((result) => result.decidedBy === 'self-assessment'),
  });
}
