import { z } from 'zod';
import { REGULATIONS, regulationForYear } from '../regulations/index.js';
import { sameName } from './names.js';
import type { BlockDef, Regulation } from './regulation.js';

export const groupSizeRoundings = ['floor-min-1', 'floor', 'ceil', 'round'] as const;
export type GroupSizeRounding = (typeof groupSizeRoundings)[number];

/** The forms an uncovered sanction case may be mapped to by an explicit policy choice. */
export const uncoveredOutcomes = ['can-xem-xet', 'phe-binh', 'khien-trach', 'canh-cao'] as const;
export type UncoveredOutcome = (typeof uncoveredOutcomes)[number];

/** The policy parameters of rules.md (their defaults come from the regulation module). */
export interface PolicyParameters {
  /** Rank within each block (default) or all units together. */
  readonly rankScope: 'block' | 'all';
  /** Share of the top group. */
  readonly topShare: number;
  /** Share of the bottom group. */
  readonly bottomShare: number;
  /** How a group size k is derived from share × N. */
  readonly groupSizeRounding: GroupSizeRounding;
  /** Decimals kept when comparing scores. */
  readonly scorePrecision: number;
  /** Use the official ranks of the scores file when it gives them for a whole group (`official-if-complete`), or always rank by `scores`. */
  readonly rankSource: 'official-if-complete' | 'scores';
  /** An item the department has not assessed: missing data (`missing-data`), or the unit's `self-report` stands. */
  readonly unassessedItems: 'missing-data' | 'self-report';
  /** Items shown but never counted as a violation. */
  readonly informationOnlyItems: readonly string[];
  /** The reading of a point whose facts lack a connecting word (điểm c): all of them (`both`), or any one (`either`). */
  readonly pointC: 'both' | 'either';
  /** The sanction of a head who held the post for part of the year: `can-xem-xet`, or `apply` the table. */
  readonly partYearHeads: 'can-xem-xet' | 'apply';
  /** What each of the regulation's uncovered sanction cases gets (by case id). */
  readonly uncoveredCases: Readonly<Record<string, UncoveredOutcome>>;
  /**
   * An item marked `Không áp dụng` with no note saying why (rules.md: "a note saying why is required").
   * `missing-data` (default): the status is not accepted, the item counts as missing data and the
   * person is rated `thieu-du-lieu` unless a violation is already certain. `accept`: the item is
   * taken as not applicable; the gap is still reported.
   */
  readonly notApplicableWithoutNote: 'missing-data' | 'accept';
  /**
   * The persons of a unit that existed for part of the year only (a district until 30/6/2025, a ward from 1/7/2025):
   * `can-xem-xet` (default: their rating is shown, no reward and no sanction proposal, and the case goes to review), or
   * `apply` the tables as for a whole year.
   */
  readonly partYearUnits: 'can-xem-xet' | 'apply';
  /**
   * A department merged during the year, with its act (legal.mergers): `continue` (default: one unit for the year, heads
   * by period) or `part-year` (treated as a unit that existed for part of the year).
   */
  readonly mergedUnits: 'continue' | 'part-year';
  /**
   * A deputy whose assigned sections were met while the unit broke another one (rules.md v3: Điều 15 has no words for
   * it): `unit` (default) — excellent only if the unit broke no section, so such a deputy is `hoan-thanh`, marked as a
   * default; `assigned` — judged on the assigned sections alone (v2's reading).
   */
  readonly deputyExcellence: 'unit' | 'assigned';
  /**
   * With indicators configured (QĐ 15/2011), a sanction proposal resting on a violated section none of whose failed
   * items is linked to an indicator: `review` (default: can-xem-xet, reason no-indicator) or `note` (it stands, noted).
   */
  readonly itemsWithoutIndicator: 'review' | 'note';
  /** A reward for a head whose unit sent no report (Điều 19): `review` (default) or `note` (listed with the note). */
  readonly rewardWithoutReport: 'review' | 'note';
}

export type PolicyOverrides = Partial<Record<keyof PolicyParameters, unknown>>;

const share = z.number().gt(0).lte(1);

/**
 * The schema of the parameters under one regulation: its defaults, and its uncovered cases as the
 * keys of `uncoveredCases` (a string maps them all). Every key is optional in an override; unknown
 * keys are refused, so a misspelt parameter never silently falls back to its default.
 */
export function parameterSchema(regulation: Regulation): z.ZodType<PolicyParameters> {
  const outcome = z.enum(uncoveredOutcomes);
  const ids = regulation.uncoveredCases.map((c) => c.id);
  const allTo = (value: UncoveredOutcome): Record<string, UncoveredOutcome> =>
    Object.fromEntries(ids.map((id) => [id, value]));
  const uncoveredCases = z
    .union([
      outcome.transform(allTo),
      z.object(Object.fromEntries(ids.map((id) => [id, outcome.default('can-xem-xet')]))).strict(),
    ])
    .default(allTo('can-xem-xet'));
  return z
    .object({
      rankScope: z.enum(['block', 'all']).default('block'),
      topShare: share.default(regulation.defaults.topShare),
      bottomShare: share.default(regulation.defaults.bottomShare),
      groupSizeRounding: z.enum(groupSizeRoundings).default('floor-min-1'),
      scorePrecision: z.number().int().min(0).max(8).default(4),
      rankSource: z.enum(['official-if-complete', 'scores']).default('official-if-complete'),
      unassessedItems: z.enum(['missing-data', 'self-report']).default('missing-data'),
      informationOnlyItems: z
        .array(z.enum(regulation.checklist.map((item) => item.code) as [string, ...string[]]))
        .default([...regulation.defaults.informationOnlyItems]),
      pointC: z.enum(['both', 'either']).default('both'),
      partYearHeads: z.enum(['can-xem-xet', 'apply']).default('can-xem-xet'),
      uncoveredCases,
      notApplicableWithoutNote: z.enum(['missing-data', 'accept']).default('missing-data'),
      partYearUnits: z.enum(['can-xem-xet', 'apply']).default('can-xem-xet'),
      mergedUnits: z.enum(['continue', 'part-year']).default('continue'),
      deputyExcellence: z.enum(['unit', 'assigned']).default('unit'),
      itemsWithoutIndicator: z.enum(['review', 'note']).default('review'),
      rewardWithoutReport: z.enum(['review', 'note']).default('review'),
    })
    .strict();
}

/** The parameters with every default of the regulation. */
export function defaultParameters(regulation: Regulation): PolicyParameters {
  return parameterSchema(regulation).parse({});
}

/**
 * What only the province knows about the law in force, each with its act (the configuration's `legal`, rules.md v3).
 * src/rules/legal.ts puts it together with the module's own facts for a year.
 */
export interface LegalSettings {
  readonly regulation?: { readonly basis?: string | undefined; readonly until?: string | null | undefined };
  readonly index?: { readonly name?: string | undefined; readonly basis?: string | undefined };
  readonly department?: { readonly basis: string };
  readonly mergers?: readonly {
    readonly units: 'all-departments' | readonly string[];
    readonly from: string;
    readonly basis: string;
  }[];
  readonly territory?: { readonly basis: string };
  readonly discipline?: readonly { readonly from: string; readonly name: string }[];
}

/**
 * The index the run ranks by: the regulation's own (ICT Index), or another one (the DTI) named by the scores file's
 * column or by the configuration; `own` is false for another index, which needs the act that adopts it.
 */
export interface IndexInUse {
  readonly name: string;
  readonly own: boolean;
  /** Where the name came from: the regulation, the configuration (legal.index.name), or the scores file's header. */
  readonly from: 'regulation' | 'config' | 'scores';
}

/**
 * A complete policy: the regulation module in force, the blocks of the run (the regulation's, then
 * the configured ones), and the parameters. Named in every result.
 */
export interface Policy {
  readonly regulation: Regulation;
  readonly blocks: readonly BlockDef[];
  /** The index the run ranks by (set from the configuration, then from the scores file once it is read). */
  readonly index: IndexInUse;
  /** The configuration's legal facts (rules.md v3); empty when it gives none. */
  readonly legal: LegalSettings;
  /** The ICT Index (QĐ 15/2011) indicator each item is judged by, where the workspace configuration gives it. */
  readonly indicators: ReadonlyMap<string, string>;
  readonly parameters: PolicyParameters;
  /** The parameter names whose value differs from the regulation's default. */
  readonly overridden: readonly (keyof PolicyParameters)[];
}

export class PolicyError extends Error {
  constructor(
    message: string,
    readonly issues: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** The policy under a given regulation, from overrides of unknown shape; throws a PolicyError naming every invalid one. */
export function buildPolicy(
  regulation: Regulation,
  overrides: unknown = {},
  configuredBlocks: readonly BlockDef[] = [],
  indicators: Readonly<Record<string, string>> = {},
  legal: LegalSettings = {},
): Policy {
  const parsed = parameterSchema(regulation).safeParse(overrides ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(gốc)',
      message: issue.message,
    }));
    throw new PolicyError(
      `Tham số chính sách không hợp lệ: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const parameters = parsed.data;
  const defaults = defaultParameters(regulation);
  const overridden = (Object.keys(defaults) as (keyof PolicyParameters)[]).filter(
    (key) => JSON.stringify(parameters[key]) !== JSON.stringify(defaults[key]),
  );
  const clash = configuredBlocks.find((b) => regulation.blocks.some((own) => own.code === b.code));
  if (clash !== undefined) {
    throw new PolicyError(`Khối ${clash.code} đã có trong ${regulation.decision}; không khai báo lại trong cấu hình.`, [
      { path: `blocks.${clash.code}`, message: 'trùng khối của quy định' },
    ]);
  }
  const unknownItem = Object.keys(indicators).find((code) => !regulation.checklist.some((item) => item.code === code));
  if (unknownItem !== undefined) {
    throw new PolicyError(
      `indicators: mã tiêu chí "${unknownItem}" không có trong danh mục của ${regulation.decision}.`,
      [{ path: `indicators.${unknownItem}`, message: 'mã tiêu chí không có trong danh mục' }],
    );
  }
  const indexName = legal.index?.name;
  return {
    regulation,
    blocks: [...regulation.blocks, ...configuredBlocks.map((block) => configuredBlock(regulation, block))],
    index:
      indexName === undefined
        ? { name: regulation.context.index.name, own: true, from: 'regulation' }
        : { name: indexName, own: sameName(indexName, regulation.context.index.name), from: 'config' },
    legal,
    indicators: new Map(Object.entries(indicators)),
    parameters,
    overridden,
  };
}

/**
 * A configured block as the run takes it: its default kind, from the configuration's `kind` (a kind's name or code)
 * or the regulation's kind for configured blocks, and the items its act binds, each checked against the regulation.
 */
function configuredBlock(regulation: Regulation, block: BlockDef): BlockDef {
  const written = block.defaultKind ?? regulation.defaults.configuredBlockKind;
  const kind = regulation.unitKinds.find(
    (k) => sameName(k.code, written) || sameName(k.vi, written) || k.aliases.some((a) => sameName(a, written)),
  );
  if (kind === undefined) {
    throw new PolicyError(
      `blocks.${block.code}.kind: loại đơn vị "${written}" không có trong ${regulation.decision}; cần ${regulation.unitKinds.map((k) => `"${k.vi}"`).join(', ')}.`,
      [{ path: `blocks.${block.code}.kind`, message: 'loại đơn vị không có trong quy định' }],
    );
  }
  const unknown = (block.binds ?? []).find((code) => !regulation.checklist.some((item) => item.code === code));
  if (unknown !== undefined) {
    throw new PolicyError(
      `blocks.${block.code}.binds: mã tiêu chí "${unknown}" không có trong danh mục của ${regulation.decision}.`,
      [{ path: `blocks.${block.code}.binds`, message: 'mã tiêu chí không có trong danh mục' }],
    );
  }
  return { ...block, defaultKind: kind.code };
}

/**
 * The policy for an evaluation year: the regulation module in force that year (resolvePolicy(year)
 * returns it as `policy.regulation`), the configured blocks, and the parameters from overrides.
 */
export function resolvePolicy(
  year: number,
  overrides: unknown = {},
  options: {
    readonly configuredBlocks?: readonly BlockDef[];
    readonly indicators?: Readonly<Record<string, string>>;
    readonly regulations?: readonly Regulation[];
    readonly legal?: LegalSettings;
  } = {},
): Policy {
  const regulations = options.regulations ?? REGULATIONS;
  const regulation = regulationForYear(year, regulations);
  if (regulation === undefined) {
    const first = regulations[0];
    throw new PolicyError(
      `Năm ${year} không có quy định nào có hiệu lực (${first ? `${first.decision} có hiệu lực từ ${first.effective}` : 'chưa có quy định'}).`,
      [],
    );
  }
  return buildPolicy(
    regulation,
    overrides,
    options.configuredBlocks ?? [],
    options.indicators ?? {},
    options.legal ?? {},
  );
}
