#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, UserError } from './errors.js';
import { PolicyError } from './rules/policy.js';

/** The tool's version, from the package.json beside dist/ (read once, no TS loader needed). */
function toolVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  return '0.0.0';
}

/** The one registry of commands. Each command's module is loaded only when it runs. */
export function buildProgram(): Command {
  const program = new Command('ict-eval')
    .description(
      'Đánh giá trách nhiệm người đứng đầu về ứng dụng CNTT theo QĐ 358/2013/QĐ-UBND tỉnh Bắc Ninh.\n' +
        'Evaluates heads of units on IT application under Bắc Ninh Decision 358/2013/QĐ-UBND.',
    )
    .version(toolVersion(), '-V, --version', 'in phiên bản / print the version')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .exitOverride()
    .addHelpText(
      'after',
      '\nVí dụ / Examples:\n  ict-eval --version\n  ict-eval --help\n\n' +
        'Các lệnh kiểm tra, xếp hạng, xếp loại và đề xuất xử lý sẽ có trong các phiên bản tới (issue #4).',
    );
  return program;
}

/** The single place where errors become exit codes (style.md §4). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      process.stderr.write(`ict-eval: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof PolicyError) {
      process.stderr.write(`ict-eval: ${error.message}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `ict-eval: lỗi nội bộ (internal error). Xin gửi nội dung dưới đây cho người bảo trì công cụ:\n${detail}\n`,
    );
    return EXIT.internal;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ict-eval: ${String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
