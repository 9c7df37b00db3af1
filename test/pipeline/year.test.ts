import { describe, expect, it } from 'vitest';
import { runYear } from '../../src/commands/year.js';
import { ROOT, SAMPLE } from '../e2e/run.js';

describe('what a run keeps of the year it read (src/pipeline/year.ts)', () => {
  it('no row of the self-reports or of the assessment once the rules have run; what the commands ask of them', async () => {
    const run = await runYear({ workspace: SAMPLE, cwd: ROOT }, 2024);
    expect(Object.keys(run.loaded.input).sort()).toEqual([
      'followUps',
      'persons',
      'previousPersons',
      'previousScores',
      'scores',
      'units',
      'year',
    ]);
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
