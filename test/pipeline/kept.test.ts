import { describe, expect, it } from 'vitest';
import { Shared, kept, sharedList } from '../../src/pipeline/kept.js';

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

describe('Shared: values kept once by key, at most so many', () => {
  it('gives the value kept under a key, and makes one only for a key not kept', () => {
    const shared = new Shared<{ n: number }>();
    let made = 0;
    const make = (n: number) => () => ({ n: (made++, n) });
    const one = shared.value('1', make(1));
    expect(shared.value('1', make(99))).toBe(one);
    expect(shared.value('2', make(2))).toEqual({ n: 2 });
    expect(made).toBe(2);
  });

  it('past its limit starts again: every key still gives its own value, the values made before are not held', () => {
    const shared = new Shared<{ key: string }>(3);
    const first = shared.value('a', () => ({ key: 'a' }));
    for (const key of ['b', 'c', 'd', 'e']) expect(shared.value(key, () => ({ key }))).toEqual({ key });
    // 'a' went with the first table: made again, with the same value.
    const again = shared.value('a', () => ({ key: 'a' }));
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(shared.value('e', () => ({ key: 'other' }))).toEqual({ key: 'e' });
  });
});

describe('sharedList: a list of plain values kept once', () => {
  it('gives the list kept for equal values, exactly as long, and another for other values or order', () => {
    const table = new Shared<readonly (string | null)[]>();
    const grown: (string | null)[] = [];
    for (const value of ['met', null, 'violated']) grown.push(value);
    const first = sharedList(table, grown);
    expect(first).toEqual(['met', null, 'violated']);
    expect(first).not.toBe(grown);
    expect(sharedList(table, ['met', null, 'violated'])).toBe(first);
    // null is not the text 'null', nor the order another.
    expect(sharedList(table, ['met', 'null', 'violated'])).not.toBe(first);
    expect(sharedList(table, ['violated', null, 'met'])).not.toBe(first);
    expect(sharedList(table, [])).toBe(kept([]));
  });
});
