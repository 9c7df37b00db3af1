import { describe, expect, it } from 'vitest';
import { runYear } from '../../src/commands/year.js';
import { loadYear } from '../../src/io/workspace.js';
import { ROOT, SAMPLE } from '../e2e/run.js';

describe('what a run keeps of the year it read (src/pipeline/year.ts)', () => {
  it('no row of the self-reports or of the assessment once the rules have run; what the commands ask of them', async () => {
    const run = await runYear({ workspace: SAMPLE, cwd: ROOT }, 2024);
    expect(Object.keys(run.loaded.input).sort()).toEqual([
      'followUps',
      'persons',
      'previousPersons',
      'scores',
      'units',
      'year',
    ]);
    // Of the scores, the units' names as the file writes them, for the outputs; nothing else of the rows.
    expect(run.loaded.input.scores.every((s) => Object.keys(s).join() === 'unitCode,unitName')).toBe(true);
    const read = await loadYear(SAMPLE, 2024, run.policy);
    expect(read.input.scores.length).toBeGreaterThan(20);
    expect(run.loaded.input.scores).toEqual(
      read.input.scores.map(({ unitCode, unitName }) => ({ unitCode, unitName })),
    );
    // What the rows gave is in the item results.
    const hqv = run.evaluation.units.find((u) => u.unit.code === 'HQV');
    expect(hqv?.assessment.items.filter((i) => i.reported)).toHaveLength(hqv?.assessment.items.length ?? -1);
    expect(hqv?.assessment.items[0]?.source?.file).toBe('2024/assessment.xlsx');
    // What explain and the annual report ask of the self-reports.
    expect(run.selfReports.filesByUnit.get('HQV')).toEqual(['2024/self-reports/HQV.xlsx']);
    expect(run.selfReports.filesByUnit.size).toBe(run.evaluation.units.filter((u) => u.assessment.hasReport).length);
    expect(run.selfReports.difficulties).toEqual([]);
  });
});
