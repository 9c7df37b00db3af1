import { type ItemStatus, type SheetPlace, type SourceRef, sourceAt } from '../domain.js';
import { Shared, kept, sharedList } from './kept.js';
import type { ChecklistItem } from '../rules/regulation.js';
import {
  type AssessmentStore,
  type DecidedBy,
  type ItemFields,
  type ItemOrigin,
  type ItemResult,
  type MissingReason,
  type SectionResult,
  type UnitAssessment,
  notable,
} from '../rules/sections.js';

/**
 * The store a run over a year keeps the units' results in (AssessmentStore of src/rules/sections.ts): the same values
 * as the rules' plain records, compacted for a national year (10 000 units, 220 000 item results, held from the rules
 * to the last workbook). Memory tuning lives here, not in the rules (issue #37); bench/shapes.mjs checks it.
 */
export const COMPACT_STORE: AssessmentStore = {
  item: (fields, origin) => itemFlags(fields, origin),
  unit: (assessment) => new Assessment(assessment, assessment.items.map(flagsOf)),
};

/** A unit's item result as this store made it (assessUnit makes every item through the unit's store). */
function flagsOf(result: ItemResult): ItemFlags {
  if (!(result instanceof ItemFlags)) throw new Error('COMPACT_STORE: an item result made by another store');
  return result;
}

/** A section's result with its lists each exactly as long as they are (kept). */
const keptSection = (s: SectionResult): SectionResult => ({
  section: s.section,
  status: s.status,
  notMet: kept(s.notMet),
  missing: kept(s.missing),
  citations: kept(s.citations),
});

/**
 * A number for each object a key is made of (a citation of the regulation, a section result kept): two objects are the
 * same part of a key only when they are the same object, so that a value is shared only with one made of the very
 * objects it holds (two regulations' citations that read alike stay apart).
 */
const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(object: object): number {
  let id = ids.get(object);
  if (id === undefined) ids.set(object, (id = nextId++));
  return id;
}

const SECTIONS = new Shared<SectionResult>();
const SECTION_LISTS = new Shared<readonly SectionResult[]>();
/** Lists of section numbers (violated, undetermined). */
const NUMBER_LISTS = new Shared<readonly number[]>();

/**
 * A section's result, kept (keptSection) or the same one another unit has. Keyed by every field the rules gave it, a
 * field they may add one day too: values as they are, the objects in a list (the citations) by identity.
 */
function sharedSection(s: SectionResult): SectionResult {
  return SECTIONS.value(sectionKey(s), () => keptSection(s));
}

/**
 * The key of a section's result: each field's name and value in JSON, a list's objects by their number (`#3`, which no
 * JSON value is). Made by joining its pieces, without a list of the fields or a copy of each list: 10 000 units' 40 000
 * section results, in a national year (issue #38: the key made with Object.entries and JSON.stringify of the whole was
 * a sixth of the rules' time).
 */
function sectionKey(s: SectionResult): string {
  let key = '';
  for (const name of Object.keys(s)) {
    const value: unknown = s[name as keyof SectionResult];
    key += `${JSON.stringify(name)}:`;
    if (Array.isArray(value)) {
      key += '[';
      for (const v of value as unknown[])
        key += `${typeof v === 'object' && v !== null ? `#${idOf(v)}` : JSON.stringify(v)},`;
      key += '],';
    } else key += `${JSON.stringify(value)},`;
  }
  return key;
}

/** A unit's section results, each shared (sharedSection), in a list another unit with the same results shares. */
function sharedSections(sections: readonly SectionResult[]): readonly SectionResult[] {
  const shared = sections.map(sharedSection);
  return SECTION_LISTS.value(shared.map(idOf).join(','), () => kept(shared));
}

/** The last list of a checklist's items kept: the next unit assessed against the same checklist shares it. */
let lastChecklist: readonly ChecklistItem[] = [];
function sharedChecklist(items: readonly ItemFlags[]): readonly ChecklistItem[] {
  if (items.length !== lastChecklist.length || items.some((result, at) => result.item !== lastChecklist[at]))
    lastChecklist = items.map((result) => result.item);
  return lastChecklist;
}

/** A result's flags and fields as an ItemFlags. */
function itemFlags(fields: ItemFields, origin: ItemOrigin | undefined): ItemFlags {
  const bits =
    (fields.notApplicableWithoutNote ? WITHOUT_NOTE : 0) |
    (fields.notApplicableByRule ? BY_RULE : 0) |
    (fields.informationOnly ? INFORMATION_ONLY : 0) |
    (fields.reported ? REPORTED : 0) |
    (codeOf(DECIDED_BY, fields.decidedBy) << DECIDED_SHIFT) |
    (codeOf(MISSING, fields.missing) << MISSING_SHIFT) |
    (codeOf(STATUSES, fields.selfAssessment) << SELF_SHIFT) |
    (codeOf(STATUSES, fields.assessment) << ASSESSED_SHIFT) |
    (origin?.whole === true ? WHOLE_SOURCE : 0);
  return new ItemFlags(
    fields.item,
    fields.status,
    fields.note,
    fields.evidence,
    fields.unitNote,
    origin?.where,
    origin?.line,
    bits,
  );
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

  readonly unitCode: string;
  readonly hasReport: boolean;
  readonly hasAssessment: boolean;
  readonly sections: readonly SectionResult[];
  readonly disagreements: readonly ItemResult[];
  readonly selfDecided: readonly ItemResult[];
  private readonly checklist: readonly ChecklistItem[];

  /** The rules' assessment of a unit, its items made by COMPACT_STORE.item; its lists kept, its items as columns. */
  constructor(assessment: UnitAssessment, items: readonly ItemFlags[]) {
    this.unitCode = assessment.unitCode;
    this.hasReport = assessment.hasReport;
    this.hasAssessment = assessment.hasAssessment;
    this.sections = sharedSections(assessment.sections);
    this.violatedSections = sharedList(NUMBER_LISTS, assessment.violatedSections);
    this.undeterminedSections = sharedList(NUMBER_LISTS, assessment.undeterminedSections);
    this.disagreements = kept(assessment.disagreements);
    this.selfDecided = kept(assessment.selfDecided);
    this.checklist = sharedChecklist(items);
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
