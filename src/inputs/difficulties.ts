/** The units' own words on difficulties (Điều 19, đoạn 2), taken from their self-reports before the rows go. */

/** What a unit raised in its report (Điều 19, đoạn 2): its distinct texts, in the order written. */
export interface UnitDifficulties {
  readonly unitCode: string;
  readonly unitName: string;
  readonly texts: readonly string[];
}

/** The units' "Khó khăn, vướng mắc" from their self-reports: each unit once, in the units' order, texts once each. */
export function unitDifficulties(
  units: readonly { readonly code: string; readonly name: string }[],
  reports: Iterable<{ readonly unitCode: string; readonly difficulties?: string }>,
): UnitDifficulties[] {
  const texts = new Map<string, string[]>();
  for (const row of reports) {
    const text = row.difficulties?.trim() ?? '';
    if (text === '') continue;
    const list = texts.get(row.unitCode) ?? [];
    if (!list.includes(text)) list.push(text);
    texts.set(row.unitCode, list);
  }
  return units
    .filter((u) => texts.has(u.code))
    .map((u) => ({ unitCode: u.code, unitName: u.name, texts: texts.get(u.code) ?? [] }));
}
