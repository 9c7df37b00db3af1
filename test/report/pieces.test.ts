import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gathered } from '../../src/report/render/pieces.js';

describe('gathered: pieces in groups of a given length or more, for one trip each', () => {
  it('keeps every piece in order; each group but the last reaches the size, and the last is not empty', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        (pieces, size) => {
          const groups = [...gathered(pieces, size)];
          expect(groups.flat()).toEqual(pieces.slice(0, groups.flat().length));
          // Only empty pieces may be left after the last group (nothing to send).
          expect(pieces.slice(groups.flat().length).every((p) => p === '')).toBe(true);
          const lengths = groups.map((g) => g.join('').length);
          for (const length of lengths.slice(0, -1)) expect(length).toBeGreaterThanOrEqual(size);
          if (lengths.length > 0) expect(lengths[lengths.length - 1]).toBeGreaterThan(0);
          // A group closes as soon as it reaches the size: without its last piece it was short of it.
          for (const group of groups.slice(0, -1)) expect(group.slice(0, -1).join('').length).toBeLessThan(size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('groups buffers by their bytes, as the history record and the deflated entries use it', () => {
    const pieces = [
      Buffer.alloc(300, 1),
      Buffer.alloc(800, 2),
      Buffer.alloc(10, 3),
      Buffer.alloc(0),
      Buffer.alloc(5, 4),
    ];
    const groups = [...gathered(pieces, 1000)];
    expect(groups.map((g) => g.length)).toEqual([2, 3]);
    expect(Buffer.concat(groups.flat())).toEqual(Buffer.concat(pieces));
    expect([...gathered([Buffer.alloc(0)], 1000)]).toEqual([]);
  });
});
