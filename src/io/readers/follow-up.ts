import { z } from 'zod';
import type { FollowUp, SourceRef } from '../../domain.js';
import { flagField, textField, unitCodeField } from '../fields.js';
import type { ReadLimits } from '../limits.js';
import { type Problem, error } from '../../problems.js';
import { readTable } from '../table.js';
import { FOLLOW_UP_SPEC } from '../../inputs/columns.js';
import { parseRow, place, unreadColumns } from './shared.js';

const followUpRow = z.object({
  unitCode: unitCodeField,
  slow: flagField,
  reviewDemanded: flagField,
  reviewDocument: textField,
  exceptionalAchievement: flagField,
  rewardRecipient: textField,
  note: textField,
});

export interface FollowUpsRead {
  readonly followUps: readonly FollowUp[];
  readonly problems: readonly Problem[];
}

/** The follow-up file: one row per unit with a fact to record. */
export async function readFollowUpFile(path: string, display: string, limits: ReadLimits): Promise<FollowUpsRead> {
  const table = await readTable(path, display, FOLLOW_UP_SPEC, limits);
  const problems: Problem[] = [...table.problems, ...unreadColumns(table.extraHeaders, display)];
  const seen = new Map<string, SourceRef>();
  const followUps: FollowUp[] = [];
  for (const row of table.rows) {
    const value = parseRow(FOLLOW_UP_SPEC, followUpRow, row, problems);
    if (value === undefined) continue;
    const other = seen.get(value.unitCode);
    if (other !== undefined) {
      problems.push(
        error(
          'duplicate-follow-up',
          {
            vi: `đơn vị ${value.unitCode} có hai dòng theo dõi (dòng kia ở ${place(other)}); hãy gộp lại thành một dòng.`,
            en: `unit ${value.unitCode} has two follow-up rows (the other at ${place(other)}); merge them into one.`,
          },
          row.where,
        ),
      );
      continue;
    }
    seen.set(value.unitCode, row.where);
    // A literal in the schema's order, not `{ ...value, source }` (a hidden class per row: see decideSanction).
    const { unitCode, slow, reviewDemanded, reviewDocument, exceptionalAchievement, rewardRecipient, note } = value;
    followUps.push({
      unitCode,
      slow,
      reviewDemanded,
      reviewDocument,
      exceptionalAchievement,
      rewardRecipient,
      note,
      source: row.where,
    });
  }
  return { followUps, problems };
}
