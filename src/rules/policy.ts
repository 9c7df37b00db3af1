import { z } from 'zod';
import { type Citation, cite } from './citation.js';

/**
 * A version of the rules: the regulation in force, with its dates. A later amendment
 * becomes a new entry with its own effective date; a run for a year uses the version in
 * force for that year and names it in every output (rules.md, "Legal basis and versions").
 */
export interface RulesVersion {
  /** Stable id, named in every result: `358/2013`. */
  readonly id: string;
  /** How the decision is cited after an article: `QĐ 358/2013/QĐ-UBND`. */
  readonly decision: string;
  readonly titleVi: string;
  readonly titleEn: string;
  /** ISO date the decision was signed. */
  readonly signed: string;
  /** ISO date it took effect. */
  readonly effective: string;
  /** The article of the decision that sets the effective date. */
  readonly effectiveCitation: Citation;
  /** The instruments it rests on. */
  readonly basis: readonly string[];
}

export const RULES_358_2013: RulesVersion = {
  id: '358/2013',
  decision: 'QĐ 358/2013/QĐ-UBND',
  titleVi:
    'Quy định chế độ trách nhiệm người đứng đầu cơ quan, đơn vị, địa phương về ứng dụng công nghệ thông tin ' +
    'trong hoạt động của cơ quan nhà nước trên địa bàn tỉnh Bắc Ninh',
  titleEn:
    'Regulation on the responsibility of heads of agencies, units and localities for the use of information ' +
    'technology in state agencies of Bắc Ninh province',
  signed: '2013-09-30',
  // "Quyết định này có hiệu lực sau 10 ngày, kể từ ngày ký" (Điều 2 of the decision): 30/9/2013 + 10 days.
  effective: '2013-10-10',
  effectiveCitation: cite(2),
  basis: [
    'Quyết định số 15/2011/QĐ-UBND (tiêu chí đánh giá mức độ ứng dụng CNTT, ICT Index)',
    'Nghị định số 34/2011/NĐ-CP ngày 17/5/2011 của Chính phủ về xử lý kỷ luật đối với công chức',
    'Quyết định số 64/2009/QĐ-UBND ngày 05/5/2009 của UBND tỉnh Bắc Ninh (chế độ trách nhiệm người đứng đầu)',
  ],
};

/** All versions, oldest first. */
export const RULES_VERSIONS: readonly RulesVersion[] = [RULES_358_2013];

/**
 * The version in force for an evaluation year: the newest version that took effect on or before
 * 31 December of that year (the evaluation is made at year end). Undefined before the first version.
 */
export function rulesVersionForYear(year: number, versions: readonly RulesVersion[] = RULES_VERSIONS): RulesVersion | undefined {
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  let found: RulesVersion | undefined;
  for (const version of versions) {
    if (version.effective <= yearEnd) found = version;
  }
  return found;
}

export const groupSizeRoundings = ['floor-min-1', 'floor', 'ceil', 'round'] as const;
export type GroupSizeRounding = (typeof groupSizeRoundings)[number];

/** The forms an uncovered sanction case may be mapped to by an explicit policy choice. */
export const uncoveredOutcomes = ['can-xem-xet', 'phe-binh', 'khien-trach', 'canh-cao'] as const;
export type UncoveredOutcome = (typeof uncoveredOutcomes)[number];

/**
 * The sanction cases Điều 17 khoản 1 does not spell out (rules.md, "Sanctions"):
 * - `v1-2-not-slow`: one or two sections violated, not slow on the conclusions;
 * - `v3`: three sections violated;
 * - `v4-no-review`: all four violated, no review demanded by the superior body.
 */
export const uncoveredCases = ['v1-2-not-slow', 'v3', 'v4-no-review'] as const;
export type UncoveredCase = (typeof uncoveredCases)[number];

const uncoveredOutcome = z.enum(uncoveredOutcomes);

const uncoveredCasesSchema = z.union([
  uncoveredOutcome.transform((outcome): Record<UncoveredCase, UncoveredOutcome> => ({
    'v1-2-not-slow': outcome,
    v3: outcome,
    'v4-no-review': outcome,
  })),
  z
    .object({
      'v1-2-not-slow': uncoveredOutcome.default('can-xem-xet'),
      v3: uncoveredOutcome.default('can-xem-xet'),
      'v4-no-review': uncoveredOutcome.default('can-xem-xet'),
    })
    .strict(),
]);

const share = z.number().gt(0).lte(1);

/**
 * The policy parameters of rules.md, with their defaults. Every key is optional in an override;
 * unknown keys are refused, so a misspelt parameter never silently falls back to its default.
 */
export const policyParametersSchema = z
  .object({
    /** Rank within each block (default) or all units together. */
    rankScope: z.enum(['block', 'all']).default('block'),
    /** Share of the top group (Điều 15 khoản 1). */
    topShare: share.default(0.2),
    /** Share of the bottom group (Điều 17 khoản 1 điểm b). */
    bottomShare: share.default(0.15),
    /** How a group size k is derived from share × N. */
    groupSizeRounding: z.enum(groupSizeRoundings).default('floor-min-1'),
    /** Decimals kept when comparing scores. */
    scorePrecision: z.number().int().min(0).max(8).default(4),
    /** What the uncovered sanction cases get; a string applies to all three cases. */
    uncoveredCases: uncoveredCasesSchema.default({ 'v1-2-not-slow': 'can-xem-xet', v3: 'can-xem-xet', 'v4-no-review': 'can-xem-xet' }),
    /**
     * An item marked `Không áp dụng` with no note saying why (rules.md: "a note saying why is required").
     * `missing-data` (default): the status is not accepted, the item counts as missing data and the
     * person is rated `thieu-du-lieu` unless a violation is already certain. `accept`: the item is
     * taken as not applicable; the gap is still reported.
     */
    notApplicableWithoutNote: z.enum(['missing-data', 'accept']).default('missing-data'),
  })
  .strict();

export type PolicyParameters = z.output<typeof policyParametersSchema>;
export type PolicyOverrides = z.input<typeof policyParametersSchema>;

/** The parameters with every default of rules.md. */
export const DEFAULT_PARAMETERS: PolicyParameters = policyParametersSchema.parse({});

/** A complete policy: the rules version and the parameters a run uses. Named in every result. */
export interface Policy {
  readonly version: RulesVersion;
  readonly parameters: PolicyParameters;
  /** The parameter names whose value differs from the rules.md default. */
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

/**
 * Builds the policy for an evaluation year from overrides of unknown shape (a config file, a
 * `--policy` file). Throws a PolicyError naming every invalid parameter.
 */
export function resolvePolicy(year: number, overrides: unknown = {}): Policy {
  const version = rulesVersionForYear(year);
  if (version === undefined) {
    const first = RULES_VERSIONS[0];
    throw new PolicyError(
      `Năm ${year} không có quy định nào có hiệu lực (${first ? `${first.decision} có hiệu lực từ ${first.effective}` : 'chưa có quy định'}).`,
      [],
    );
  }
  const parsed = policyParametersSchema.safeParse(overrides ?? {});
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
  const overridden = (Object.keys(DEFAULT_PARAMETERS) as (keyof PolicyParameters)[]).filter(
    (key) => JSON.stringify(parameters[key]) !== JSON.stringify(DEFAULT_PARAMETERS[key]),
  );
  return { version, parameters, overridden };
}
