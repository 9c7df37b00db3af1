import type { ItemStatus, SelfReportRow } from '../src/domain.js';
import { BN_358_2013 } from '../src/regulations/bn-358-2013/index.js';
import { type Policy, type PolicyParameters, defaultParameters, resolvePolicy } from '../src/rules/policy.js';

/** The checklist of the regulation the tests apply (QĐ 358/2013). */
export const CHECKLIST = BN_358_2013.checklist;
/** Its parameters with every default of rules.md. */
export const DEFAULT_PARAMETERS: PolicyParameters = defaultParameters(BN_358_2013);

export interface ReportSpec {
  /** Items whose effective status is Không đạt. */
  readonly notMet?: readonly string[];
  /** Items with both statuses blank. */
  readonly blank?: readonly string[];
  /** Items with no row at all. */
  readonly absent?: readonly string[];
  /** Items marked Không áp dụng with a note. */
  readonly notApplicable?: readonly string[];
  /** Items marked Không áp dụng with no note. */
  readonly notApplicableNoNote?: readonly string[];
}

/** A unit's 22 rows, all Đạt by self-assessment unless the spec says otherwise. */
export function report(unitCode: string, spec: ReportSpec = {}): SelfReportRow[] {
  const rows: SelfReportRow[] = [];
  for (const item of CHECKLIST) {
    if (spec.absent?.includes(item.code)) continue;
    let status: ItemStatus | null = 'dat';
    let note = '';
    if (spec.notMet?.includes(item.code)) status = 'khong-dat';
    if (spec.blank?.includes(item.code)) status = null;
    if (spec.notApplicable?.includes(item.code)) {
      status = 'khong-ap-dung';
      note = 'Đơn vị không có dự án đầu tư CNTT trong năm';
    }
    if (spec.notApplicableNoNote?.includes(item.code)) status = 'khong-ap-dung';
    rows.push({ unitCode, itemCode: item.code, selfAssessment: status, evidence: '', appraisal: null, note });
  }
  return rows;
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
