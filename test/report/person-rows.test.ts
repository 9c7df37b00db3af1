import { describe, expect, it } from 'vitest';
import { runYear } from '../../src/commands/year.js';
import { ROOT, SAMPLE } from '../e2e/run.js';

describe("a person's row keeps once the lists many rows have alike (src/report/content/model.ts)", () => {
  it('rows with equal section statuses, rewards or citations share one list; others keep their own', async () => {
    const { rows } = await runYear({ workspace: SAMPLE, cwd: ROOT }, 2024);
    for (const field of ['sections', 'rewards', 'citations', 'ratingCitations'] as const) {
      const byValue = new Map<string, readonly unknown[]>();
      let shared = 0;
      for (const row of rows) {
        const list: readonly unknown[] = row[field];
        const key = JSON.stringify(list);
        const first = byValue.get(key);
        if (first === undefined) byValue.set(key, list);
        else {
          // The same values: the very list the first such row has.
          expect([field, key, list]).toEqual([field, key, first]);
          expect(list === first, `${field} ${key}`).toBe(true);
          shared++;
        }
      }
      // The sample has rows alike in each (34 persons, a handful of outcomes).
      expect(shared, field).toBeGreaterThan(0);
    }
  });
});
