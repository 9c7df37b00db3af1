import type { ChecklistItem, Regulation } from './regulation.js';

const indexes = new WeakMap<Regulation, ReadonlyMap<string, ChecklistItem>>();

/** The item of a regulation with this code, or undefined for an unknown code. Codes are compared as given (`1.1`). */
export function checklistItem(regulation: Regulation, code: string): ChecklistItem | undefined {
  let index = indexes.get(regulation);
  if (index === undefined) {
    index = new Map(regulation.checklist.map((entry) => [entry.code, entry]));
    indexes.set(regulation, index);
  }
  return index.get(code);
}

/** The items of one section, in order. */
export function sectionItems(regulation: Regulation, section: number): readonly ChecklistItem[] {
  return regulation.checklist.filter((entry) => entry.section === section);
}
