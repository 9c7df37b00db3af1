import { describe, expect, it } from 'vitest';
import { collectNow } from '../../src/heap.js';
import { textPool } from '../../src/report/content/outputs.js';

/** The heap's size after a full collection. */
const heap = (): number => collectNow().after;

/** A review reason as a sheet's row makes it: a text of its own each time, equal to the others. */
const reason = (i: number) =>
  ['Vi phạm 3 mục: Điều 17 khoản 1 chỉ quy định trường hợp vi phạm một hoặc hai mục', String(i % 3)].join(' — ');

describe("a table's repeated texts, kept once (textPool)", () => {
  it('gives equal texts back equal, and different texts as they are', () => {
    const same = textPool();
    expect(same(reason(0))).toBe(reason(0));
    expect(same(reason(3))).toBe(reason(0));
    expect(same(reason(1))).toBe(reason(1));
    expect(same('')).toBe('');
  });

  it('keeps one string for 20 000 equal texts made one by one', async () => {
    const same = textPool();
    // Compiled and warmed first, so that what V8 keeps for good is not counted.
    for (let i = 0; i < 100; i++) same(reason(i));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const before = heap();
    const kept = Array.from({ length: 20_000 }, (_, i) => same(reason(i)));
    const perText = (heap() - before) / kept.length;
    expect(kept).toHaveLength(20_000);
    // An array slot (8 bytes) a text; a string of its own per text (85 two-byte characters) would be some 190 bytes.
    expect(perText).toBeLessThan(24);
  });
});
