import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import type { ReadReply, ReadTask } from '../../src/io/read-worker.js';
import { ROWS_TO_COLLECT } from '../../src/pipeline/year.js';
import { CHECKLIST } from '../helpers.js';
import { ROOT, SAMPLE, cleanUp, run, tempDir } from './run.js';

afterAll(cleanUp);

const DIST = join(ROOT, 'dist');

/** The reply of a reader thread started from `file` to one task. */
async function replyOf(file: string, task: ReadTask): Promise<ReadReply> {
  const worker = new Worker(file);
  try {
    return await new Promise<ReadReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(task);
    });
  } finally {
    await worker.terminate();
  }
}

describe('the bundle npm run build makes (scripts/build.mjs)', () => {
  it('dist/cli.js is the bundle: it starts the command from its chunks and does its work', async () => {
    const cli = await readFile(join(DIST, 'cli.js'), 'utf8');
    expect(cli).toMatch(/^#!\/usr\/bin\/env node\n/u);
    expect(cli).toMatch(/import\("\.\/chunk-[A-Z0-9]+\.js"\)/u);
    const result = run(['check', '--year', '2024', '-w', SAMPLE, '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { units: unknown[] }).units).toHaveLength(31);
  });

  it('the paths the code takes from its own place (the reader thread, package.json) hold in the bundle’s folder', async () => {
    const bundled = (await readdir(DIST)).filter((name) => /^(cli|read-worker|chunk-[A-Z0-9]+)\.js$/u.test(name));
    const texts = await Promise.all(bundled.map((name) => readFile(join(DIST, name), 'utf8')));
    const relative = texts.flatMap((text) =>
      [...text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/gu)].map((m) => m[1]),
    );
    expect(relative.sort()).toEqual(['../package.json', './read-worker.js']);
    expect(bundled).toContain('read-worker.js');
    // Every bundled file sits in dist/ itself, so both resolve from any of them.
    expect(JSON.parse(await readFile(join(DIST, '../package.json'), 'utf8'))).toMatchObject({ name: 'ict-eval' });
  });

  it('string-width, loaded on first use outside the bundle, measures wide characters in a table', async () => {
    const scores = join(await tempDir(), 'scores.csv');
    await writeFile(
      scores,
      'Mã đơn vị,Tên đơn vị,Khối,Điểm ICT Index\nSA,Sở An Hòa 越,SBN,0.8\nSB,Sở Bình 😀,SBN,0.7\n',
    );
    const result = run(['rank', scores]);
    expect(result.code).toBe(0);
    // 越 and 😀 take two columns each: the next column starts at the same place on both rows.
    expect(result.stdout).toContain(
      '1     SA  Sở An Hòa 越  0,8   20% cao nhất\n2     SB  Sở Bình 😀    0,7   15% thấp nhất\n',
    );
  });

  it('the bundled reader thread replies to a task exactly as the compiled one does', async () => {
    const task: ReadTask = {
      id: 3,
      path: join(SAMPLE, '2024/self-reports', (await readdir(join(SAMPLE, '2024/self-reports'))).sort()[0] ?? ''),
      display: 'a.xlsx',
      limits: DEFAULT_LIMITS,
      itemCodes: CHECKLIST.map((item) => item.code),
    };
    const [bundled, compiled] = await Promise.all([
      replyOf(join(DIST, 'read-worker.js'), task),
      replyOf(join(DIST, 'io', 'read-worker.js'), task),
    ]);
    expect(bundled.error).toBeUndefined();
    expect(bundled.rows?.unitCode.length).toBe(22);
    expect(bundled).toEqual(compiled);
  });
});

describe("a run says its memory phase by phase, and collects the heap once a large year's rows are let go", () => {
  const phases = (stderr: string) =>
    [
      ...stderr.matchAll(
        /^ict-eval: debug: ([^:]+): heap \d+ of \d+ MB \(young \d+ MB\), RSS \d+ MB, peak RSS so far \d+ MB, at \d+\.\d\d s, CPU \d+\.\d\d s$/gmu,
      ),
    ].map((m) => m[1]);

  it('a province: every phase under ICT_EVAL_DEBUG=memory, and no collection (30 units)', async () => {
    const out = await tempDir();
    const result = run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'], {
      env: { ICT_EVAL_DEBUG: 'memory' },
    });
    expect(result.code).toBe(0);
    expect(phases(result.stderr)).toEqual([
      'settings',
      'read',
      'rules',
      'decided',
      'history',
      'rendered xep-loai-2024.xlsx',
      'rendered xu-ly-2024.xlsx',
      'written',
      'kept',
      'printed',
    ]);
    expect(result.stderr).not.toContain('rows let go');
    expect(run(['sanctions', '--year', '2024', '-w', SAMPLE, '-o', out, '-q', '--force']).stderr).not.toContain(
      'debug',
    );
  });

  it(`${ROWS_TO_COLLECT} rows or more: collected once the rules have run, before the outputs are made`, async () => {
    const workspace = await tempDir();
    // 460 units of the benchmark's generator: 10 120 self-report rows and as many assessment rows.
    const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), workspace, '460', '4', '1']);
    expect(made.status).toBe(0);
    const result = run(['sanctions', '--year', '2024', '-w', workspace, '-o', join(workspace, 'out'), '-q'], {
      env: { ICT_EVAL_DEBUG: 'memory' },
    });
    expect(result.code).toBe(0);
    const collected = /^ict-eval: debug: (\d+) rows let go, heap collected: (\d+) → (\d+) MB in \d+ ms$/mu.exec(
      result.stderr,
    );
    expect(collected?.[1]).toBe('20240');
    expect(Number(collected?.[3])).toBeLessThan(Number(collected?.[2]));
    // After the rules, before anything is made of them.
    expect(result.stderr.indexOf('rows let go')).toBeGreaterThan(result.stderr.indexOf('debug: rules:'));
    expect(result.stderr.indexOf('rows let go')).toBeLessThan(result.stderr.indexOf('debug: decided:'));
  });
});

describe('the heap growth the program sets (src/heap.ts)', () => {
  it('is set before the command runs, and said under ICT_EVAL_DEBUG=memory', () => {
    const result = run(['check', '--year', '2024', '-w', SAMPLE, '-q'], { env: { ICT_EVAL_DEBUG: 'memory' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^ict-eval: debug: the heap grows 30% past its live data, or as far as the young generation's size when that is more .*set by ict-eval/mu,
    );
    // Only rank's young generation is stopped.
    expect(result.stderr).not.toContain('young generation stops');
    expect(run(['--version']).stderr).not.toContain('debug');
  });
});

describe("TurboFan's inlining the program sets (src/compiler.ts)", () => {
  const check = (nodeFlags: readonly string[]) =>
    spawnSync(process.execPath, [...nodeFlags, join(DIST, 'cli.js'), 'check', '--year', '2024', '-w', SAMPLE, '-q'], {
      env: { PATH: process.env.PATH ?? '', ICT_EVAL_DEBUG: 'memory' },
      encoding: 'utf8',
    });

  it('is set before the command runs, and said under ICT_EVAL_DEBUG=memory', () => {
    const result = check([]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^ict-eval: debug: TurboFan inlines at most 150 bytes of bytecode into a function it optimises \(--max-inlined-bytecode-size-cumulative, set by ict-eval\)$/mu,
    );
  });

  it("leaves node's own value as it is", () => {
    const result = check(['--max-inlined-bytecode-size-cumulative=920']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^ict-eval: debug: TurboFan inlines at most 920 bytes .*\(--max-inlined-bytecode-size-cumulative, node's own option\)$/mu,
    );
  });

  it('stops the young generation of rank at its cap (8 MB at 1 000 units, 16 MB as V8 grows it), said in debug', async () => {
    const workspace = await tempDir();
    const made = spawnSync(process.execPath, [join(ROOT, 'bench', 'generate.mjs'), workspace, '1000', '1', '1']);
    expect(made.status).toBe(0);
    const rank = (nodeFlags: readonly string[]) =>
      spawnSync(
        process.execPath,
        [...nodeFlags, join(DIST, 'cli.js'), 'rank', join(workspace, '2024', 'scores.xlsx'), '-w', workspace, '-q'],
        { env: { PATH: process.env.PATH ?? '', ICT_EVAL_DEBUG: 'memory' }, encoding: 'utf8' },
      );
    const young = (stderr: string) => Number(/^ict-eval: debug: printed: .*\(young (\d+) MB\)/mu.exec(stderr)?.[1]);
    const capped = rank([]);
    expect(capped.status).toBe(0);
    expect(capped.stderr).toMatch(
      /^ict-eval: debug: the young generation stops growing at 4 MB semi-spaces \(rank\)$/mu,
    );
    expect(young(capped.stderr)).toBeLessThanOrEqual(8);
    // Node given the growth itself: left to V8, which grows it past the cap.
    const own = rank(['--semi-space-growth-factor=2']);
    expect(own.status).toBe(0);
    expect(own.stderr).not.toContain('young generation stops');
    expect(young(own.stderr)).toBeGreaterThan(8);
  });

  it("leaves node's own --heap-growing-percent as it is", () => {
    const result = spawnSync(process.execPath, ['--heap-growing-percent=50', join(DIST, 'cli.js'), '--version'], {
      env: { PATH: process.env.PATH ?? '', ICT_EVAL_DEBUG: 'memory' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/at most 50% past its live data .*node's own option/u);
  });
});
