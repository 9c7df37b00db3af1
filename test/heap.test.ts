import { describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn<(flags: string) => void>();
/** The new space's size V8 would report, bytes. */
let newSpace = 0;
/** The old generation's bytes in use V8 would report, in its old and code spaces. */
let oldSpaceUsed = 64 * 1024 * 1024;
const getHeapSpaceStatistics = vi.fn(() => [
  { space_name: 'old_space', space_size: 64 * 1024 * 1024, space_used_size: oldSpaceUsed - 1024 * 1024 },
  { space_name: 'code_space', space_size: 2 * 1024 * 1024, space_used_size: 1024 * 1024 },
  { space_name: 'new_space', space_size: newSpace, space_used_size: newSpace / 4 },
  { space_name: 'new_large_object_space', space_size: 0, space_used_size: 0 },
]);
vi.mock('node:v8', () => ({ setFlagsFromString, getHeapSpaceStatistics }));
/** The observers capYoungGeneration makes: what each watches, its callback, whether it was disconnected. */
const observers: { entryTypes: readonly string[]; callback: () => void; disconnected: boolean }[] = [];
vi.mock('node:perf_hooks', () => ({
  PerformanceObserver: class {
    readonly #made: { entryTypes: readonly string[]; callback: () => void; disconnected: boolean };
    constructor(callback: () => void) {
      this.#made = { entryTypes: [], callback, disconnected: false };
      observers.push(this.#made);
    }
    observe(options: { entryTypes: readonly string[] }) {
      this.#made.entryTypes = options.entryTypes;
    }
    disconnect() {
      this.#made.disconnected = true;
    }
  },
}));
const {
  HEAP_GROWING_PERCENT,
  MAX_GROWING_PERCENT,
  YOUNG_GENERATION_MB,
  capYoungGeneration,
  growthPercent,
  limitHeapGrowth,
  settleHeapGrowth,
} = await import('../src/heap.js');

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

  it('leaves the old generation at least the young generation’s room, after each collection', () => {
    const MB = 1024 * 1024;
    setFlagsFromString.mockClear();
    observers.length = 0;
    limitHeapGrowth([]);
    expect(observers).toHaveLength(1);
    const [observer] = observers;
    expect(observer?.entryTypes).toEqual(['gc']);
    setFlagsFromString.mockClear();
    // A national read: 12 MB old beside 32 MB young → 267%, the room of the young generation.
    oldSpaceUsed = 12 * MB;
    newSpace = 32 * MB;
    observer?.callback();
    expect(setFlagsFromString).toHaveBeenLastCalledWith('--heap-growing-percent=267');
    // Nothing set again while it stays the same.
    observer?.callback();
    expect(setFlagsFromString).toHaveBeenCalledOnce();
    // A large heap: 30% is more room than the young generation.
    oldSpaceUsed = 200 * MB;
    observer?.callback();
    expect(setFlagsFromString).toHaveBeenLastCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(setFlagsFromString).toHaveBeenCalledTimes(2);
  });

  it('goes back to HEAP_GROWING_PERCENT and stops watching once settled (settleHeapGrowth), once', () => {
    const MB = 1024 * 1024;
    observers.length = 0;
    limitHeapGrowth([]);
    const [observer] = observers;
    oldSpaceUsed = 12 * MB;
    newSpace = 32 * MB;
    observer?.callback();
    setFlagsFromString.mockClear();
    settleHeapGrowth();
    expect(observer?.disconnected).toBe(true);
    expect(setFlagsFromString).toHaveBeenCalledExactlyOnceWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    settleHeapGrowth();
    expect(setFlagsFromString).toHaveBeenCalledOnce();
  });

  it('keeps node’s own growth, and does not watch, when node was given one', () => {
    observers.length = 0;
    limitHeapGrowth(['--heap-growing-percent=50']);
    expect(observers).toHaveLength(0);
  });
});

describe('growthPercent (src/heap.ts)', () => {
  const MB = 1024 * 1024;
  it('is HEAP_GROWING_PERCENT when that leaves the young generation’s room, else that room, at most V8’s own 4×', () => {
    expect(growthPercent(32 * MB, 200 * MB)).toBe(HEAP_GROWING_PERCENT);
    expect(growthPercent(32 * MB, 100 * MB)).toBe(32);
    expect(growthPercent(32 * MB, 12 * MB)).toBe(267);
    expect(growthPercent(32 * MB, 1 * MB)).toBe(MAX_GROWING_PERCENT);
    expect(growthPercent(32 * MB, 0)).toBe(MAX_GROWING_PERCENT);
    expect(growthPercent(0, 12 * MB)).toBe(HEAP_GROWING_PERCENT);
  });
});

describe('capYoungGeneration (src/heap.ts)', () => {
  const MB = 1024 * 1024;

  it('stops the young generation of rank once its two semi-spaces reach the cap, and then stops watching', () => {
    setFlagsFromString.mockClear();
    observers.length = 0;
    const cap = YOUNG_GENERATION_MB.get('rank') ?? 0;
    expect(cap).toBeGreaterThan(0);
    expect(capYoungGeneration('rank', ['--enable-source-maps'])).toBe(cap);
    expect(observers).toHaveLength(1);
    const [observer] = observers;
    expect(observer?.entryTypes).toEqual(['gc']);
    // Collections while the new space grows below the cap: nothing set.
    for (const size of [2, cap, 2 * cap - 1]) {
      newSpace = size * MB;
      observer?.callback();
    }
    expect(setFlagsFromString).not.toHaveBeenCalled();
    expect(observer?.disconnected).toBe(false);
    // At the cap: V8's growth factor becomes 1, once.
    newSpace = 2 * cap * MB;
    observer?.callback();
    expect(setFlagsFromString).toHaveBeenCalledExactlyOnceWith('--semi-space-growth-factor=1');
    expect(observer?.disconnected).toBe(true);
  });

  it('leaves the young generation of the year commands to V8', () => {
    observers.length = 0;
    for (const command of ['sanctions', 'rate', 'report', 'check', 'what-if', 'toString', 'constructor']) {
      expect(capYoungGeneration(command, [])).toBeUndefined();
    }
    expect(observers).toHaveLength(0);
  });

  it.each(['--max-semi-space-size=8', '--max_semi_space_size=8', '--semi-space-growth-factor=2'])(
    'leaves node’s own %s as it is',
    (given) => {
      observers.length = 0;
      expect(capYoungGeneration('rank', [given])).toBeUndefined();
      expect(observers).toHaveLength(0);
    },
  );
});
