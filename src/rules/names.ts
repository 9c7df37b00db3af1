/** A name as rules.md compares names ("the same name, compared after normalising"): no marks, case or extra spaces. */
export function nameKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Two names that are the same after normalising. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
