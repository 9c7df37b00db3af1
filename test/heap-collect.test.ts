import { describe, expect, it } from 'vitest';
import { collectNow } from '../src/heap.js';

/** A WeakRef to an object nothing else holds (made in a function of its own, so that no frame holds it). */
function unheld(): WeakRef<object> {
  return new WeakRef({ rows: Array.from({ length: 1000 }, (_, i) => ({ i })) });
}

describe('collectNow (src/heap.ts)', () => {
  it('collects the heap now, without node being started with --expose-gc', async () => {
    expect(process.execArgv).not.toContain('--expose-gc');
    const ref = unheld();
    // A WeakRef holds its target until the end of the job that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const { before, after, ms } = collectNow();
    expect(ref.deref()).toBeUndefined();
    expect(after).toBeLessThanOrEqual(before);
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});
