import type { Regulation } from '../rules/regulation.js';
import { BN_358_2013 } from './bn-358-2013/index.js';

/** Every regulation module the tool knows, oldest first. A later amendment or successor is a new entry. */
export const REGULATIONS: readonly Regulation[] = [BN_358_2013];

/**
 * The module in force for an evaluation year: the newest that took effect on or before 31 December
 * of that year (the evaluation is made at year end) and had not ceased before 1 January of it.
 * Undefined when none applies.
 */
export function regulationForYear(
  year: number,
  regulations: readonly Regulation[] = REGULATIONS,
): Regulation | undefined {
  const yearStart = `${String(year).padStart(4, '0')}-01-01`;
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  let found: Regulation | undefined;
  for (const regulation of regulations) {
    if (regulation.effective <= yearEnd && (regulation.until === null || regulation.until >= yearStart))
      found = regulation;
  }
  return found;
}

/** The newest module, for commands that have no year (the program's help, `rank` without a year folder). */
export function newestRegulation(regulations: readonly Regulation[] = REGULATIONS): Regulation {
  const newest = regulations.at(-1);
  if (newest === undefined) throw new Error('no regulation module is registered');
  return newest;
}
