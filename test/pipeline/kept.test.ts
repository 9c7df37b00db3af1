import { describe, expect, it } from 'vitest';
import { kept } from '../../src/pipeline/kept.js';

describe('an array as a result keeps it', () => {
  it('is the one shared empty array when empty, which nothing can fill', () => {
    const none = kept<number>([]);
    expect(kept<string>([].filter(Boolean))).toBe(none);
    expect(Object.isFrozen(none)).toBe(true);
    expect(() => (none as number[]).push(1)).toThrow(TypeError);
  });

  it('is a copy with the same elements in the same order otherwise, apart from the array it was made from', () => {
    const grown: number[] = [];
    for (let i = 0; i < 3; i++) grown.push(3 - i);
    const copy = kept(grown);
    expect(copy).toEqual([3, 2, 1]);
    expect(copy).not.toBe(grown);
    grown.push(0);
    expect(copy).toEqual([3, 2, 1]);
  });
});
