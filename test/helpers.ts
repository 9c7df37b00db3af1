import type { AssessmentRow, FollowUp, ItemStatus, Person, SelfReportRow } from '../src/domain.js';
import { assessUnit } from '../src/rules/sections.js';
import { BN_358_2013 } from '../src/regulations/bn-358-2013/index.js';
import { type Policy, type PolicyParameters, defaultParameters, resolvePolicy } from '../src/rules/policy.js';

/** The checklist of the regulation the tests apply (QĐ 358/2013). */
export const CHECKLIST = BN_358_2013.checklist;
/** Its parameters with every default of rules.md. */
export const DEFAULT_PARAMETERS: PolicyParameters = defaultParameters(BN_358_2013);

export interface ReportSpec {
  /** Items the department assessed Không đạt. */
  readonly notMet?: readonly string[];
  /** Items the department has not assessed (blank in its file); the unit said Đạt. */
  readonly blank?: readonly string[];
  /** Items with no row in the unit's report nor in the department's file. */
  readonly absent?: readonly string[];
  /** Items assessed Không áp dụng with a note. */
  readonly notApplicable?: readonly string[];
  /** Items assessed Không áp dụng with no note. */
  readonly notApplicableNoNote?: readonly string[];
}

function statusOf(code: string, spec: ReportSpec): { status: ItemStatus | null; note: string } {
  if (spec.notMet?.includes(code)) return { status: 'khong-dat', note: '' };
  if (spec.blank?.includes(code)) return { status: null, note: '' };
  if (spec.notApplicable?.includes(code))
    return { status: 'khong-ap-dung', note: 'Đơn vị không có dự án đầu tư CNTT trong năm' };
  if (spec.notApplicableNoNote?.includes(code)) return { status: 'khong-ap-dung', note: '' };
  return { status: 'dat', note: '' };
}

/** A unit's report (its self-assessment): every item as the department assessed it, a blank one as Đạt. */
export function report(unitCode: string, spec: ReportSpec = {}): SelfReportRow[] {
  return CHECKLIST.filter((item) => !spec.absent?.includes(item.code)).map((item) => {
    const { status, note } = statusOf(item.code, spec);
    return { unitCode, itemCode: item.code, selfAssessment: status ?? 'dat', evidence: '', note };
  });
}

/** The department's assessment of a unit: Đạt unless the spec says otherwise; blank and absent items not assessed. */
export function assessed(unitCode: string, spec: ReportSpec = {}): AssessmentRow[] {
  const rows: AssessmentRow[] = [];
  for (const item of CHECKLIST) {
    if (spec.absent?.includes(item.code)) continue;
    const { status, note } = statusOf(item.code, spec);
    if (status !== null) rows.push({ unitCode, itemCode: item.code, status, note });
  }
  return rows;
}

/** A specialised agency (Điều 11 binds it). */
export const AGENCY = { code: 'SYT', kind: 'co-quan-chuyen-mon' } as const;

/** A unit's assessment as the rules see it: its report and the department's assessment of the same spec. */
export function assessAs(
  spec: ReportSpec = {},
  policy: Policy = policyWith(),
  unit: { code: string; kind: string } = AGENCY,
) {
  return assessUnit(unit, report(unit.code, spec), assessed(unit.code, spec), policy);
}

/** The first item code of each of the given sections, to violate exactly those sections. */
export function firstItemsOf(sections: readonly number[]): string[] {
  return sections.map((s) => {
    const found = CHECKLIST.find((item) => item.section === s);
    if (found === undefined) throw new Error(`no section ${s}`);
    return found.code;
  });
}

export function parameters(overrides: Partial<PolicyParameters> = {}): PolicyParameters {
  return { ...DEFAULT_PARAMETERS, ...overrides };
}

/** The policy of a 2024 run (QĐ 358/2013, its blocks) with some parameters changed. */
export function policyWith(overrides: Partial<PolicyParameters> = {}): Policy {
  return { ...resolvePolicy(2024), parameters: parameters(overrides) };
}

/** A head of `unitCode` for the whole year (Giám đốc), with any field given in `more`. */
export const headOf = (unitCode: string, name: string, more: Partial<Person> = {}): Person => ({
  unitCode,
  name,
  position: 'Giám đốc',
  role: 'head',
  period: null,
  assignedSections: null,
  assignmentDocument: '',
  ...more,
});

/** A unit's follow-up row: nothing to note, but what `more` says. */
export const followUpOf = (unitCode: string, more: Partial<FollowUp>): FollowUp => ({
  unitCode,
  slow: false,
  reviewDemanded: false,
  reviewDocument: '',
  exceptionalAchievement: false,
  rewardRecipient: '',
  note: '',
  ...more,
});
