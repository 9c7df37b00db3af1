import { describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn<(flags: string) => void>();
vi.mock('node:v8', () => ({ setFlagsFromString }));
const { INLINED_BYTECODE_CUMULATIVE, limitInlining } = await import('../src/compiler.js');

describe('limitInlining (src/compiler.ts)', () => {
  it("sets TurboFan's inlining for the process when node was given none", () => {
    setFlagsFromString.mockClear();
    expect(limitInlining(['--enable-source-maps', '--heap-growing-percent=50'])).toEqual({
      size: String(INLINED_BYTECODE_CUMULATIVE),
      ours: true,
    });
    expect(setFlagsFromString).toHaveBeenCalledExactlyOnceWith(
      `--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`,
    );
  });

  it('inlines less than V8 does (920), and still inlines', () => {
    expect(INLINED_BYTECODE_CUMULATIVE).toBeLessThan(920);
    expect(INLINED_BYTECODE_CUMULATIVE).toBeGreaterThan(0);
  });

  it.each(['--max-inlined-bytecode-size-cumulative=920', '--max_inlined_bytecode_size_cumulative=920'])(
    'leaves node’s own %s as it is',
    (given) => {
      setFlagsFromString.mockClear();
      expect(limitInlining(['--enable-source-maps', given])).toEqual({ size: '920', ours: false });
      expect(setFlagsFromString).not.toHaveBeenCalled();
    },
  );

  it('does not take the flag for one inlining (--max-inlined-bytecode-size) for it', () => {
    setFlagsFromString.mockClear();
    expect(limitInlining(['--max-inlined-bytecode-size=100']).ours).toBe(true);
    expect(setFlagsFromString).toHaveBeenCalledOnce();
  });
});
