import { describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn<(flags: string) => void>();
vi.mock('node:v8', () => ({ setFlagsFromString }));
const { HEAP_GROWING_PERCENT, limitHeapGrowth } = await import('../src/heap.js');

describe('limitHeapGrowth (src/heap.ts)', () => {
  it("sets V8's heap growth for the process when node was given none", () => {
    setFlagsFromString.mockClear();
    expect(limitHeapGrowth(['--enable-source-maps'])).toEqual({ percent: String(HEAP_GROWING_PERCENT), ours: true });
    expect(setFlagsFromString).toHaveBeenCalledExactlyOnceWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it.each(['--heap-growing-percent=50', '--heap_growing_percent=50'])('leaves node’s own %s as it is', (given) => {
    setFlagsFromString.mockClear();
    expect(limitHeapGrowth(['--enable-source-maps', given])).toEqual({ percent: '50', ours: false });
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('does not take another flag of the same beginning for it', () => {
    setFlagsFromString.mockClear();
    expect(limitHeapGrowth(['--heap-growing-percentage=50']).ours).toBe(true);
    expect(setFlagsFromString).toHaveBeenCalledOnce();
  });
});
