import { describe, expect, it } from 'vitest';
import { main } from '../../src/program.js';
import { ROOT, SAMPLE } from './run.js';

/** Runs `main` in this process, as cron would (no terminal), and gives what it printed. */
async function inProcess(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    isTTY: false,
    env: { NO_COLOR: '1' },
    cwd: ROOT,
  });
  return { code, out, err };
}

describe('what a user meets, in Vietnamese (issue #36)', () => {
  it('the help says "chọn:" and "mặc định:", never commander\'s English, however the lines wrap', async () => {
    for (const args of [['--help'], ['rate', '--help'], ['sanctions', '--help']]) {
      const { out } = await inProcess(args);
      expect(out.replace(/\s+/gu, ' ')).toContain('(chọn: "semicolon", "comma")');
      expect(out.replace(/\s+/gu, ' ')).toContain('(chọn: "vi", "vn", "en", mặc định: "vi")');
      expect(out, args.join(' ')).not.toMatch(/choices|default:/u);
    }
  });

  it('a missing argument is named by what it is, not by its English name', async () => {
    const explain = await inProcess(['explain', '--year', '2024', '-w', SAMPLE]);
    expect(explain.code).toBe(2);
    expect(explain.err).toContain('lỗi: thiếu tham số bắt buộc: mã hoặc tên đơn vị (ví dụ SYT, "Sở Y tế", "Tư pháp")');
    expect(explain.err).not.toContain("'unit'");
    const rank = await inProcess(['rank']);
    expect(rank.err).toContain('lỗi: thiếu tham số bắt buộc: tệp điểm (.xlsx hoặc .csv)');
  });

  it('--quiet: one line, starting with the local time it was printed, then "ict-eval:" (a cron log)', async () => {
    const check = await inProcess(['check', '--year', '2024', '-w', SAMPLE, '-q']);
    expect(check.code).toBe(0);
    expect(check.out).toBe('');
    const lines = check.err.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} ict-eval: năm 2024: 31 đơn vị, /u);
    const stamp = new Date((lines[0] ?? '').slice(0, 19).replace(' ', 'T'));
    expect(Math.abs(stamp.getTime() - Date.now())).toBeLessThan(10 * 60 * 1000);
    // Without --quiet the summary has no time: a terminal's reader sees when.
    const plain = await inProcess(['check', '--year', '2024', '-w', SAMPLE]);
    expect(plain.err.trimEnd().split('\n').at(-1)).toMatch(/^ict-eval: năm 2024: /u);
  });
});
