import { describe, expect, it } from 'vitest';
import { niceStep, scoreDistribution } from '../../src/report/content/charts.js';
import { rankUnits } from '../../src/rules/ranking.js';
import { policyWith } from '../helpers.js';

describe('the report’s charts', () => {
  it('cuts a span into at most the bins asked, with a round step', () => {
    expect(niceStep(0.4, 10)).toBe(0.05);
    expect(niceStep(0.37, 10)).toBe(0.05);
    expect(niceStep(73, 10)).toBe(10);
    expect(niceStep(24, 10)).toBe(2.5);
    expect(niceStep(0, 10)).toBe(1);
    for (const span of [0.013, 0.4, 1, 7.3, 55, 100]) expect(span / niceStep(span, 10)).toBeLessThanOrEqual(10);
  });

  it('counts every scored unit of the group once, in its bin and its group', () => {
    const policy = policyWith();
    const scores = [0.45, 0.5, 0.55, 0.6, 0.62, 0.7, 0.71, 0.8, 0.85, 0.85];
    const ranking = rankUnits(
      scores.map((score, i) => ({ unitCode: `U${i}`, block: 'SBN', score })),
      policy,
    );
    const chart = scoreDistribution(policy, ranking, 'SBN');
    if (chart === undefined) throw new Error('no chart');
    const [bottom, middle, top] = chart.series;
    const total = chart.categories.map(
      (_, i) => (bottom?.values[i] ?? 0) + (middle?.values[i] ?? 0) + (top?.values[i] ?? 0),
    );
    expect(chart.categories[0]).toBe('0,45–0,5');
    // 0,85 (the highest) falls in the last bin, which starts at it; a score on an edge opens its bin.
    expect(chart.categories.at(-1)).toBe('0,85–0,9');
    expect(total).toEqual([1, 1, 1, 2, 0, 2, 0, 1, 2]);
    // k = 20% × 10 = 2 (the two 0,85); k' = 15% × 10 → 1 (the 0,45).
    expect(top?.values).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(bottom?.values).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(chart.caption).toContain('từ 0,85 điểm');
    expect(chart.caption).toContain('đến 0,45 điểm');
    expect(scoreDistribution(policy, ranking, 'HUYEN')).toBeUndefined();
  });
});
