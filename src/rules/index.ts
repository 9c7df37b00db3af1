/**
 * The regulation of QĐ 358/2013/QĐ-UBND as cited data and pure functions. Nothing here reads
 * files, prints, or knows about the command line (style.md §1).
 */
export * from './citation.js';
export * from './policy.js';
export * from './checklist.js';
export * from './sections.js';
export * from './ranking.js';
export * from './rating.js';
export * from './rewards.js';
export * from './sanctions.js';
export * from './evaluate.js';
