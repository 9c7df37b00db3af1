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
import { kept } from './kept.js';
import type { Citation } from './citation.js';
import type { Policy } from './policy.js';
import type { ChecklistItem } from './regulation.js';

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
   * evidence no output shows and which a national year has some 180 000 of (issue #15).
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
export function notable(item: ItemResult): boolean {
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
export function counts(item: ItemResult): boolean {
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

// The flags of an item's result, one bit each (ItemFlags.bits); decidedBy, missing and the two statuses take two bits
// each.
const WITHOUT_NOTE = 1;
const BY_RULE = 2;
const INFORMATION_ONLY = 4;
const REPORTED = 8;
const DECIDED_SHIFT = 4;
const MISSING_SHIFT = 6;
const SELF_SHIFT = 8;
const ASSESSED_SHIFT = 10;
/** `where` is a whole SourceRef (a row made by hand), not a place to add the line to. */
const WHOLE_SOURCE = 1 << 12;
const DECIDED_BY: readonly (DecidedBy | null)[] = [null, 'assessment', 'self-assessment', 'rule'];
const MISSING: readonly (MissingReason | null)[] = [null, 'not-assessed', 'not-applicable-without-note'];
const STATUSES: readonly (ItemStatus | null)[] = [null, 'dat', 'khong-dat', 'khong-ap-dung'];

/**
 * An item's result as eight fields: the status, the notes and the evidence, where it came from, and the flags (the two
 * statuses among them); the rest is read from them. It keeps what it needs of the unit's and the department's rows, not
 * the rows: once the rules have run the rows can go (a national year has 220 000 of each, 35 MB), and the item results
 * are what the outputs are made from. A plain object of fifteen fields took 144 bytes each; this takes 88.
 */
class ItemFlags implements ItemResult {
  constructor(
    readonly item: ChecklistItem,
    readonly status: ItemStatus | null,
    readonly note: string,
    readonly evidence: string,
    readonly unitNote: string,
    /** The place of the row the source is (the department's, else the unit's), or a SourceRef given whole. */
    readonly where: SheetPlace | SourceRef | undefined,
    readonly line: number | undefined,
    /** The flags; with `where` and `line`, what `Assessment` keeps of a met item besides its note. */
    readonly bits: number,
  ) {}
  get selfAssessment(): ItemStatus | null {
    return STATUSES[(this.bits >> SELF_SHIFT) & 3] ?? null;
  }
  get assessment(): ItemStatus | null {
    return STATUSES[(this.bits >> ASSESSED_SHIFT) & 3] ?? null;
  }
  get decidedBy(): DecidedBy | null {
    return DECIDED_BY[(this.bits >> DECIDED_SHIFT) & 3] ?? null;
  }
  get disagreement(): boolean {
    const { selfAssessment, assessment } = this;
    return selfAssessment !== null && assessment !== null && selfAssessment !== assessment;
  }
  get missing(): MissingReason | null {
    return MISSING[(this.bits >> MISSING_SHIFT) & 3] ?? null;
  }
  get notApplicableWithoutNote(): boolean {
    return (this.bits & WITHOUT_NOTE) !== 0;
  }
  get notApplicableByRule(): boolean {
    return (this.bits & BY_RULE) !== 0;
  }
  get informationOnly(): boolean {
    return (this.bits & INFORMATION_ONLY) !== 0;
  }
  get reported(): boolean {
    return (this.bits & REPORTED) !== 0;
  }
  get source(): SourceRef | undefined {
    const { where } = this;
    if (where === undefined) return undefined;
    return (this.bits & WHOLE_SOURCE) !== 0 ? where : sourceAt(where, this.line);
  }
}

/** A value's two-bit code in ItemFlags.bits: its place in the list (a value not in it would spoil the other bits). */
function codeOf<T>(list: readonly T[], value: T): number {
  const at = list.indexOf(value);
  if (at < 0) throw new Error(`ItemFlags: ${String(value)} is not one of ${list.map(String).join(', ')}`);
  return at;
}

/**
 * Where a row came from, kept without the row: its place and line (a reader's row; its SourceRef is not made here, for
 * each of 220 000 items), or its SourceRef whole (a row made by hand); undefined when it says nothing.
 */
function origin(
  row: SelfReportRow | AssessmentRow | undefined,
): [where: SheetPlace | SourceRef, line: number | undefined, whole: boolean] | undefined {
  if (row === undefined) return undefined;
  if (isPlaced(row)) return [row.place, row.line, false];
  return row.source === undefined ? undefined : [row.source, undefined, true];
}

function assessItem({ item, report, assessed, bindsUnit, informationOnly }: ItemInput, policy: Policy): ItemFlags {
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
  // The department's row is the source when it gives one, else the unit's.
  const [where, line, whole] = origin(assessed) ?? origin(report) ?? [undefined, undefined, false];
  const bits =
    (notApplicableWithoutNote ? WITHOUT_NOTE : 0) |
    (bindsUnit ? 0 : BY_RULE) |
    (informationOnly ? INFORMATION_ONLY : 0) |
    (report === undefined ? 0 : REPORTED) |
    (codeOf(DECIDED_BY, decidedBy) << DECIDED_SHIFT) |
    (codeOf(MISSING, missing) << MISSING_SHIFT) |
    (codeOf(STATUSES, selfAssessment) << SELF_SHIFT) |
    (codeOf(STATUSES, assessment) << ASSESSED_SHIFT) |
    (whole ? WHOLE_SOURCE : 0);
  // The unit's evidence and note are kept for an item worth a look only: nothing shows them for the others (most items
  // are not, so the result is made without them first).
  const result = new ItemFlags(item, status, note, '', '', where, line, bits);
  if (!notable(result)) return result;
  return new ItemFlags(item, status, note, report?.evidence ?? '', report?.note ?? '', where, line, bits);
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
    notMet: kept(notMet.map((result) => result.item.code)),
    missing: kept(missing.map((result) => result.item.code)),
    citations: kept(notMet.map((result) => result.item.citation)),
  };
}

/** A unit's rows by the position of their item in the checklist (an array, not a map: 20 000 of them a national year). */
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
    ),
  );
  const sections = regulation.sections.map((s) => assessSection(s.number, items));
  return new Assessment(
    unit.code,
    // A template sent back blank (no status, no evidence, no note on any item) is a report without content: the unit has
    // not reported (rules.md v3).
    reports.some(hasContent),
    assessments.length > 0,
    regulation.checklist,
    items,
    sections,
    kept(items.filter((result) => result.disagreement)),
    kept(items.filter((result) => result.decidedBy === 'self-assessment')),
  );
}

/**
 * Where `Assessment` keeps a line: above the bits of ItemFlags (13 of them), as the line plus one, 0 for none. A code
 * stays an exact number for any line a sheet can have (2^37 and more), and an array of such numbers is held unboxed.
 */
const LINE_UNIT = 2 ** 16;

/**
 * A unit's assessment, its items kept as columns: an item met without remark (most of them, some 180 000 in a national
 * year) as one number (its flags and line), its place and its note; an item worth a look as its ItemFlags. `items` makes
 * the results of the first kind again each time it is read. An ItemFlags of its own for each of a unit's 22 items, in an
 * array, took some 2.2 KB a unit, 22 MB of a national year's heap from the rules to the last workbook (issue #15).
 */
class Assessment implements UnitAssessment {
  readonly violatedSections: readonly number[];
  readonly undeterminedSections: readonly number[];
  /** Per item of the checklist: a met item's flags and line (see LINE_UNIT), or -1 - its place in `worthALook`. */
  private readonly codes: readonly number[];
  /**
   * Per item, its place (ItemFlags.where; read for a met item only); the place alone when all its items have one (its
   * rows in one sheet); the previous unit's list when it is the same (a wide assessment sheet: a place per column).
   */
  private readonly places: readonly Where[] | Where;
  /** Per item: a met item's note, '' for an item worth a look; the one shared list of '' when no met item has one. */
  private readonly notes: readonly string[];
  private readonly worthALook: readonly ItemFlags[];

  constructor(
    readonly unitCode: string,
    readonly hasReport: boolean,
    readonly hasAssessment: boolean,
    private readonly checklist: readonly ChecklistItem[],
    items: readonly ItemFlags[],
    readonly sections: readonly SectionResult[],
    readonly disagreements: readonly ItemResult[],
    readonly selfDecided: readonly ItemResult[],
  ) {
    this.violatedSections = kept(sections.filter((s) => s.status === 'violated').map((s) => s.section));
    this.undeterminedSections = kept(sections.filter((s) => s.status === 'undetermined').map((s) => s.section));
    // Made by map, each array exactly as long as the checklist (push leaves room to grow).
    const worth = items.map(notable);
    const worthALook: ItemFlags[] = [];
    this.codes = items.map((result, at) =>
      worth[at] === true
        ? -1 - (worthALook.push(result) - 1)
        : result.bits + (result.line === undefined ? 0 : result.line + 1) * LINE_UNIT,
    );
    // Every item's place, an item worth a look's too (unread): so that units whose rows have the same places share them.
    const place = items[0]?.where;
    this.places = items.every((result) => result.where === place)
      ? place
      : sharedPlaces(items.map((result) => result.where));
    const notes = items.map((result, at) => (worth[at] === true ? '' : result.note));
    this.notes = notes.every((note) => note === '') ? noNotes(notes.length) : notes;
    this.worthALook = kept(worthALook);
  }

  get items(): readonly ItemResult[] {
    const { checklist, codes, places, notes, worthALook } = this;
    return checklist.map((item, at): ItemResult => {
      const code = codes[at] ?? 0;
      if (code < 0) return worthALook[-1 - code] ?? missingResult(at);
      const bits = code % LINE_UNIT;
      const line = (code - bits) / LINE_UNIT;
      const where = isList(places) ? places[at] : places;
      return new ItemFlags(item, 'dat', notes[at] ?? '', '', '', where, line === 0 ? undefined : line - 1, bits);
    });
  }
}

type Where = SheetPlace | SourceRef | undefined;
const isList = (places: readonly Where[] | Where): places is readonly Where[] => Array.isArray(places);

/** The last list of places kept: the next unit whose items have the same places shares it. */
let lastPlaces: readonly Where[] = [];
function sharedPlaces(places: readonly Where[]): readonly Where[] {
  if (places.length !== lastPlaces.length || places.some((where, at) => where !== lastPlaces[at])) lastPlaces = places;
  return lastPlaces;
}

/** The notes of a unit none of whose met items has one: one list of '' for each length of checklist. */
const NO_NOTES = new Map<number, readonly string[]>();
function noNotes(length: number): readonly string[] {
  let notes = NO_NOTES.get(length);
  if (notes === undefined) NO_NOTES.set(length, (notes = Object.freeze(new Array<string>(length).fill(''))));
  return notes;
}

function missingResult(at: number): never {
  throw new Error(`Assessment: no result kept for the item at ${at}`);
}
