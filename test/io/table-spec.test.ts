import { describe, expect, it } from 'vitest';
import { matchKey } from '../../src/io/normalize.js';
import {
  FOLLOW_UP_SPEC,
  SCORES_SPEC,
  SELF_REPORT_SPEC,
  type TableSpec,
  UNITS_SPEC,
  assessmentSpec,
} from '../../src/inputs/columns.js';
import { matchHeader } from '../../src/io/table.js';
import { CHECKLIST } from '../helpers.js';

const SPECS: [string, TableSpec<string>][] = [
  ['units', UNITS_SPEC],
  ['scores', SCORES_SPEC],
  ['self-report', SELF_REPORT_SPEC],
  ['follow-up', FOLLOW_UP_SPEC],
  ['assessment', assessmentSpec(CHECKLIST.map((item) => item.code))],
];

describe('the header spellings of the input tables', () => {
  it.each(SPECS)('%s: no spelling names two columns (a header cell names one column)', (_name, spec) => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const column of spec.columns)
      for (const header of column.headers) {
        const key = matchKey(header);
        const other = owner.get(key);
        if (other !== undefined && other !== column.key) shared.push(`"${header}": ${other} and ${column.key}`);
        owner.set(key, other ?? column.key);
      }
    expect(shared).toEqual([]);
  });

  it.each(SPECS)('%s: every spelling of every column is found, however it is written', (_name, spec) => {
    for (const column of spec.columns)
      for (const header of column.headers) {
        const cells = [
          ...spec.columns.filter((c) => c.required && c.key !== column.key).map((c) => c.headers[0] ?? ''),
          `  ${header.toUpperCase()}: `,
        ];
        const match = matchHeader(spec, cells);
        expect(match?.columns.get(column.key), `${column.key} by "${header}"`).toBe(cells.length - 1);
        expect(match?.extras).toEqual([]);
      }
  });
});
