import type { ItemStatus, SelfReportRow, SourceRef } from '../domain.js';
import { checklistItem } from './checklist.js';
import type { Citation } from './citation.js';
import type { Policy, PolicyParameters } from './policy.js';
import type { ChecklistItem } from './regulation.js';

/** Why an item has no usable status. */
export type MissingReason =
  /** The item's row exists but neither Tự đánh giá nor Thẩm định is filled in. */
  | 'blank'
  /** The unit's report has no row for this item. */
  | 'no-row'
  /** `Không áp dụng` without a note saying why, and the policy does not accept it. */
  | 'not-applicable-without-note';

export interface ItemResult {
  readonly item: ChecklistItem;
  readonly selfAssessment: ItemStatus | null;
  readonly appraisal: ItemStatus | null;
  /** The status that counts: the appraisal where present, else the self-assessment; null when missing. */
  readonly status: ItemStatus | null;
  /** Who decided the status (the regulation gives the decision to the department's appraisal). */
  readonly decidedBy: 'appraisal' | 'self-assessment' | null;
  /** Both statuses are given and differ. */
  readonly disagreement: boolean;
  readonly missing: MissingReason | null;
  /** `Không áp dụng` with no note: reported even when the policy accepts it. */
  readonly notApplicableWithoutNote: boolean;
  readonly evidence: string;
  readonly note: string;
  readonly source?: SourceRef;
}

/** A section's result: violated as soon as one item is not met; else undetermined while an item is missing. */
export type SectionStatus = 'violated' | 'met' | 'undetermined';

export interface SectionResult {
  readonly section: number;
  readonly status: SectionStatus;
  /** Codes of the items not met. */
  readonly notMet: readonly string[];
  /** Codes of the items with no usable status. */
  readonly missing: readonly string[];
  /** The articles of the items not met (or, if met, none). */
  readonly citations: readonly Citation[];
}

export interface UnitAssessment {
  readonly unitCode: string;
  /** False when the unit sent no self-report row at all. */
  readonly hasReport: boolean;
  readonly items: readonly ItemResult[];
  readonly sections: readonly SectionResult[];
  /** Sections violated, ascending. */
  readonly violatedSections: readonly number[];
  /** Sections not violated in which an item is missing: their result is not known. */
  readonly undeterminedSections: readonly number[];
  /** Items whose self-assessment and appraisal differ. */
  readonly disagreements: readonly ItemResult[];
}

function assessItem(item: ChecklistItem, row: SelfReportRow | undefined, parameters: PolicyParameters): ItemResult {
  if (row === undefined) {
    return {
      item,
      selfAssessment: null,
      appraisal: null,
      status: null,
      decidedBy: null,
      disagreement: false,
      missing: 'no-row',
      notApplicableWithoutNote: false,
      evidence: '',
      note: '',
    };
  }
  const decidedBy = row.appraisal !== null ? 'appraisal' : row.selfAssessment !== null ? 'self-assessment' : null;
  const given = row.appraisal ?? row.selfAssessment;
  const notApplicableWithoutNote = given === 'khong-ap-dung' && row.note.trim() === '';
  const rejected = notApplicableWithoutNote && parameters.notApplicableWithoutNote === 'missing-data';
  const missing: MissingReason | null = given === null ? 'blank' : rejected ? 'not-applicable-without-note' : null;
  return {
    item,
    selfAssessment: row.selfAssessment,
    appraisal: row.appraisal,
    status: rejected ? null : given,
    decidedBy,
    disagreement: row.selfAssessment !== null && row.appraisal !== null && row.selfAssessment !== row.appraisal,
    missing,
    notApplicableWithoutNote,
    evidence: row.evidence,
    note: row.note,
    ...(row.source === undefined ? {} : { source: row.source }),
  };
}

function assessSection(section: number, items: readonly ItemResult[]): SectionResult {
  const own = items.filter((result) => result.item.section === section);
  const notMet = own.filter((result) => result.status === 'khong-dat');
  const missing = own.filter((result) => result.missing !== null);
  // A unit violates a section when at least one of its items is not met; a missing item
  // cannot make a violated section "met", but it leaves a section with no violation undetermined.
  const status: SectionStatus = notMet.length > 0 ? 'violated' : missing.length > 0 ? 'undetermined' : 'met';
  return {
    section,
    status,
    notMet: notMet.map((result) => result.item.code),
    missing: missing.map((result) => result.item.code),
    citations: notMet.map((result) => result.item.citation),
  };
}

/**
 * Assesses one unit's self-report: the status of each checklist item of the regulation (appraisal
 * over self-assessment), and the result of each section.
 *
 * The rows must be the unit's own, with known item codes and at most one row per item: the
 * readers report anything else as malformed data before the rules run.
 */
export function assessUnit(unitCode: string, rows: readonly SelfReportRow[], policy: Policy): UnitAssessment {
  const { regulation, parameters } = policy;
  const byItem = new Map<string, SelfReportRow>();
  for (const row of rows) {
    if (row.unitCode !== unitCode) throw new Error(`assessUnit(${unitCode}) was given a row of unit ${row.unitCode}`);
    if (checklistItem(regulation, row.itemCode) === undefined)
      throw new Error(`assessUnit(${unitCode}): unknown item ${row.itemCode}`);
    if (byItem.has(row.itemCode)) throw new Error(`assessUnit(${unitCode}): two rows for item ${row.itemCode}`);
    byItem.set(row.itemCode, row);
  }
  const items = regulation.checklist.map((item) => assessItem(item, byItem.get(item.code), parameters));
  const sections = regulation.sections.map((s) => assessSection(s.number, items));
  return {
    unitCode,
    hasReport: rows.length > 0,
    items,
    sections,
    violatedSections: sections.filter((s) => s.status === 'violated').map((s) => s.section),
    undeterminedSections: sections.filter((s) => s.status === 'undetermined').map((s) => s.section),
    disagreements: items.filter((result) => result.disagreement),
  };
}
