import { describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn<(flags: string) => void>();
/** The new space's size V8 would report, bytes. */
let newSpace = 0;
const getHeapSpaceStatistics = vi.fn(() => [
  { space_name: 'old_space', space_size: 64 * 1024 * 1024 },
  { space_name: 'new_space', space_size: newSpace },
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
const { HEAP_GROWING_PERCENT, YOUNG_GENERATION_MB, capYoungGeneration, limitHeapGrowth } =
  await import('../src/heap.js');

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
