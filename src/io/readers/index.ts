/**
 * The readers of a year's inputs, one per input kind (product.md "Input files"): each reads its file through the table
 * reader (src/io/table.ts), parses its rows with the cell schemas (src/io/fields.ts) and says what is wrong, located.
 */
export { type AssessmentRead, readAssessmentFile } from './assessment.js';
export { type FollowUpsRead, readFollowUpFile } from './follow-up.js';
export { type ScoresRead, indexNamedBy, readScoresFile } from './scores.js';
export { type SelfReportsRead, looksLikeAssessment, readSelfReportFile } from './self-reports.js';
export type { UnitsRules } from './shared.js';
export { type UnitsRead, readUnitsFile } from './units.js';
