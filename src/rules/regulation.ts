import type { Citation, CitationReference, Provision } from './citation.js';

/**
 * A regulation module: everything one legal text decides, as data the generic engine applies
 * (style.md §8). The engine (src/rules) names no article, block or section number; each module under
 * src/regulations/ does, with its citations. A run for a year uses the module in force that year.
 */
export interface Regulation {
  /** Stable id, named in every result: `358/2013`. */
  readonly id: string;
  /** How the decision is cited after an article: `QĐ 358/2013/QĐ-UBND`. */
  readonly decision: string;
  /** A one-line description of the tool under this regulation (program help). */
  readonly summaryVi: string;
  readonly summaryEn: string;
  readonly titleVi: string;
  readonly titleEn: string;
  /** ISO date the decision was signed. */
  readonly signed: string;
  /** ISO date it took effect. */
  readonly effective: string;
  /** ISO date it ceased to apply; null while in force. */
  readonly until: string | null;
  /** The provision that sets the effective date, and how it reads. */
  readonly effectiveCitation: Citation;
  readonly effectiveNoteVi: string;
  /** The instruments it rests on. */
  readonly basis: readonly string[];
  /** The sections (Mục) of the checklist, in order; their count is data. */
  readonly sections: readonly SectionDef[];
  /** The checklist items, in order, each in one of the sections. */
  readonly checklist: readonly ChecklistItem[];
  /** The kinds of unit the regulation distinguishes (which items apply), with the default per block. */
  readonly unitKinds: readonly UnitKindDef[];
  /** How a citation of this regulation reads in full, after the provision (rules.md, "Citations"). */
  readonly reference: CitationReference;
  /** The blocks (khối) the regulation names, in output order, each with the provision that brings its heads in. */
  readonly blocks: readonly BlockDef[];
  /** The provision that makes an assigned deputy answer like the head. */
  readonly deputyBasis: Citation;
  /** The provisions the engine's decisions rest on. */
  readonly citations: RegulationCitations;
  /** The sanction points, most severe first, with the facts each requires. */
  readonly sanctionRules: readonly SanctionRule[];
  /** The violation counts no point settles, each a named case the policy may map to a form. */
  readonly uncoveredCases: readonly UncoveredCaseDef[];
  /** The defaults of the policy parameters under this regulation. */
  readonly defaults: RegulationDefaults;
  /** The legal context, as dated facts with their acts: the index, the body that assesses, discipline, territory. */
  readonly context: RegulationContext;
  /** Wording that cites the regulation, for templates and instructions. */
  readonly wording: RegulationWording;
}

export interface SectionDef {
  /** 1-based number, as the regulation numbers it (Mục 1). */
  readonly number: number;
  /** The section's heading, as the regulation words it. */
  readonly titleVi: string;
  readonly titleEn: string;
  /** A short name for a column heading (`Hạ tầng thông tin`). */
  readonly shortVi: string;
  /** The articles the section holds. */
  readonly articles: readonly number[];
}

export interface ChecklistItem {
  /** Stable identifier used in every file: `1.1` … `4.6`. */
  readonly code: string;
  /** The number of the section it belongs to. */
  readonly section: number;
  readonly citation: Provision;
  /** The requirement, written from the article's own text (for templates and outputs). */
  readonly textVi: string;
  /** A short English label. */
  readonly labelEn: string;
  /**
   * The unit kinds the item binds, when the article names them (Điều 11 binds only some); absent =
   * every unit. For other units the item is "Không áp dụng" by rule, whatever is entered.
   */
  readonly appliesTo?: readonly string[];
}

export interface UnitKindDef {
  /** The code in `--json` and code (`co-quan-chuyen-mon`). */
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  /** The spellings a units file may use. */
  readonly aliases: readonly string[];
  /** The blocks whose units are of this kind when the column is blank (with a warning). */
  readonly defaultFor: readonly string[];
}

export interface BlockDef {
  /** The code used in every file and in `--json`: `SBN`, `HUYEN`, or a configured one. Upper case. */
  readonly code: string;
  /** Names as outputs show them. */
  readonly vi: string;
  readonly en: string;
  /** The spellings a file may use for it, besides the code. */
  readonly aliases: readonly string[];
  /** Why its heads are rated: the regulation's clause, or (for a configured block) the document that applies it. */
  readonly basis: Citation;
  /** True for a block declared in the workspace configuration rather than named by the regulation. */
  readonly configured: boolean;
  /** The kind of a unit of the block whose `Loại đơn vị` is blank, for a configured block (the module's blocks: UnitKindDef.defaultFor). */
  readonly defaultKind?: string;
  /** Items the regulation binds only some kinds to, which the block's act makes binding on its units too (a configured block). */
  readonly binds?: readonly string[];
  /** The last day the block's units existed, and the act that ended them (district-level government, 30/6/2025). */
  readonly until?: { readonly date: string; readonly act: string };
}

export interface RegulationCitations {
  /** Who is rated (the article as a whole). */
  readonly persons: Citation;
  /** The assessment of the items by the department (the appraisal decides). */
  readonly assessment: Citation;
  /** The unit's annual report (the article as a whole: "chưa báo cáo theo Điều 19"). */
  readonly reporting: Citation;
  /** The units' reporting and the department's report to the province (đoạn 1 Điều 19). */
  readonly report: Citation;
  /** The path for difficulties, to amend the regulation (đoạn 2 Điều 19). */
  readonly amendment: Citation;
  /** The rating article, and its three outcomes. */
  readonly rating: Citation;
  readonly excellent: Citation;
  readonly completed: Citation;
  readonly notCompleted: Citation;
  /** The rewards article: consideration for an excellent head, and the ad-hoc reward. */
  readonly rewards: Citation;
  readonly rewardConsideration: Citation;
  readonly adHocReward: Citation;
  /** The sanctions clause, its opening paragraph (forms by gravity), and who proposes discipline. */
  readonly sanctions: Citation;
  readonly sanctionsOpening: Citation;
  readonly homeAffairs: Citation;
  /** The top and bottom groups of the index ranking. */
  readonly topGroup: Citation;
  readonly bottomGroup: Citation;
}

/** The forms a sanction point may name, most severe first across every regulation. */
export type SanctionForm = 'canh-cao' | 'khien-trach' | 'phe-binh';

/** The facts a sanction point requires; an absent fact is not looked at. */
export interface SanctionCondition {
  /** The number of violated sections must be one of these. */
  readonly violated: readonly number[];
  readonly slow?: boolean;
  readonly bottomTwoYears?: boolean;
  readonly reviewDemanded?: boolean;
}

export interface SanctionRule {
  readonly form: SanctionForm;
  readonly citation: Citation;
  readonly condition: SanctionCondition;
  /**
   * Another reading of an ambiguous point, chosen by a policy parameter (rules.md: điểm c lacks a
   * connecting word; `pointC: "either"` reads it as any one of the conditions).
   */
  readonly alternative?: {
    readonly parameter: 'pointC';
    readonly value: 'either';
    readonly anyOf: readonly SanctionCondition[];
  };
  /**
   * A flag raised when the point does not apply yet these facts hold (`point-c-flag`: a review was
   * demanded, but not all sections are violated), so that the reviewer sees the point.
   */
  readonly flag?: { readonly id: string; readonly when: Partial<SanctionCondition> };
}

export interface UncoveredCaseDef {
  /** The policy key of the case (`v3`). */
  readonly id: string;
  /** The case in a few words, as the parameters sheet names it. */
  readonly labelVi: string;
  readonly labelEn: string;
  /** The violation counts that fall in this case when no point applies. */
  readonly violated: readonly number[];
  /** The points nearest to the facts, for the reviewer; a `when` narrows one to some facts. */
  readonly nearest: readonly { readonly citation: Citation; readonly when?: Partial<SanctionCondition> }[];
  /** Why the case is not settled, in each language; `v` is the number of violated sections. */
  readonly explainVi: (v: number) => string;
  readonly explainEn: (v: number) => string;
}

export interface RegulationDefaults {
  readonly topShare: number;
  readonly bottomShare: number;
  /** Items shown but never counted as a violation (rules.md: 4.2, Điều 13). */
  readonly informationOnlyItems: readonly string[];
  /** The kind a configured block's units take when their `Loại đơn vị` is blank and the block names none. */
  readonly configuredBlockKind: string;
}

/**
 * A legal fact that holds from one date to another, with the act it comes from: OpenFisca's parameters are the model
 * (a value, the date it holds from, its reference). A run asks for the fact in force on a date (`factOn`), and a date no
 * entry covers has no fact: never the nearest one by default.
 */
export interface DatedFact<T> {
  /** ISO date from which it holds; null = before any year the tool evaluates. */
  readonly from: string | null;
  /** ISO date up to which (inclusive) it holds; null = still. */
  readonly to: string | null;
  readonly value: T;
  /** The act it comes from, cited as written (number, date, issuer). */
  readonly act: string;
  /** What of it could not be verified from a public copy, said wherever it is printed. */
  readonly unverified?: string;
}

/** The fact in force on an ISO date, or undefined when no entry covers the date. */
export function factOn<T>(facts: readonly DatedFact<T>[], date: string): DatedFact<T> | undefined {
  return facts.find((f) => (f.from === null || f.from <= date) && (f.to === null || date <= f.to));
}

/** The body that holds the assessing department's duty on a date. */
export interface AssessorHolder {
  /** As a document's heading names it: `SỞ KHOA HỌC VÀ CÔNG NGHỆ`. */
  readonly heading: string;
  /** In running text: `Sở Khoa học và Công nghệ`, and short: `Sở KH&CN`. */
  readonly name: string;
  readonly short: string;
  /**
   * The national act made the body, but the province's own act establishing it is needed too (a fact only the
   * province knows: `legal.department.basis` in the configuration).
   */
  readonly needsProvinceAct: boolean;
}

/** A discipline decree: its full citation and a short one for tables. */
export interface Decree {
  readonly name: string;
  readonly short: string;
}

/** An instrument the regulation's text names that was replaced since, and by what ("nay là …"). */
export interface ReplacedInstrument {
  /** The words the regulation uses for it, found in its text and wording: `Nghị định 43/2011/NĐ-CP`. */
  readonly named: string;
  readonly now: readonly DatedFact<string>[];
}

/** Where the regulation applies, and when the province it was made for was merged into another. */
export interface Territory {
  /** The province's name as a units file's `Địa bàn` says it: `Bắc Ninh` ("Bắc Ninh cũ" is the same territory). */
  readonly name: string;
  /** The first day of the merged province (its departments were merged the same day). */
  readonly mergedOn: string;
  /** The kinds of unit that were merged with their counterparts that day (the departments, sở). */
  readonly departmentKinds: readonly string[];
  readonly mergerAct: string;
  /** The rule that keeps a merged province's regulation applying in the territory it was made for. */
  readonly keepsApplyingAct: string;
}

/**
 * The legal context a regulation rests on, as dated facts with their acts: what the module could verify. The workspace
 * configuration (`legal`) adds what only the province knows; src/rules/legal.ts puts the two together for a year.
 */
export interface RegulationContext {
  /** The index the regulation ranks by, as its text names it, the act that defines it, and the provisions that use it. */
  readonly index: {
    readonly name: string;
    readonly act: string;
    readonly citations: readonly Citation[];
  };
  /** The body the regulation names as the one that assesses, and who holds that duty on each date. */
  readonly assessor: {
    /** As the regulation's text names it: `Sở Thông tin và Truyền thông`, `Sở TT&TT`. */
    readonly named: string;
    readonly namedShort: string;
    /** The provision that gives it the duty. */
    readonly citation: Citation;
    readonly holders: readonly DatedFact<AssessorHolder>[];
  };
  /** The province's People's Committee, as a heading names it, by date. */
  readonly province: readonly DatedFact<string>[];
  /** The discipline decree the regulation names, and the one in force on each date. */
  readonly discipline: {
    readonly named: string;
    readonly citations: readonly Citation[];
    readonly decrees: readonly DatedFact<Decree>[];
    /** Whom the decrees cover, and what they do not (a head who is a viên chức). */
    readonly scopeVi: string;
  };
  readonly replaced: readonly ReplacedInstrument[];
  /** Absent for a regulation of a province that was never merged. */
  readonly territory?: Territory;
}

export interface RegulationWording {
  /** Lines of the instruction sheet of each blank input and of the self-report template. */
  readonly unitsInstructions: readonly string[];
  readonly scoresInstructions: readonly string[];
  readonly followUpInstructions: readonly string[];
  /** The template's instructions, after the line naming the unit and its head. */
  readonly selfReportInstructions: readonly string[];
}

/** The section record of a number; throws for a number the regulation does not have. */
export function sectionOf(regulation: Regulation, number: number): SectionDef {
  const found = regulation.sections.find((s) => s.number === number);
  if (found === undefined) throw new RangeError(`${regulation.id}: no section ${String(number)}`);
  return found;
}
