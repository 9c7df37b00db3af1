import type { ChecklistItem, Regulation } from './regulation.js';

const indexes = new WeakMap<Regulation, ReadonlyMap<string, number>>();

/** Where the item with this code stands in the regulation's checklist (from 0), or -1 for an unknown code. */
export function checklistPosition(regulation: Regulation, code: string): number {
  let index = indexes.get(regulation);
  if (index === undefined) {
    index = new Map(regulation.checklist.map((entry, i) => [entry.code, i]));
    indexes.set(regulation, index);
  }
  return index.get(code) ?? -1;
}

/** The item of a regulation with this code, or undefined for an unknown code. Codes are compared as given (`1.1`). */
export function checklistItem(regulation: Regulation, code: string): ChecklistItem | undefined {
  return regulation.checklist[checklistPosition(regulation, code)];
}

/** The items of one section, in order. */
export function sectionItems(regulation: Regulation, section: number): readonly ChecklistItem[] {
  return regulation.checklist.filter((entry) => entry.section === section);
}
