import { relative, resolve } from 'node:path';
import { z } from 'zod';
import { EXIT, UserError } from '../errors.js';
import type { RunRequest } from '../pipeline/year.js';
import type { YearRun } from './year.js';
import type { Lang } from '../report/content/labels.js';
import { makeChalk, terminalWidth, wrapText } from '../report/render/terminal.js';
import { draftReason } from '../report/content/draft.js';

/** The options every command takes (product.md, "Common options"). */
export interface GlobalOptions {
  readonly workspace?: string;
  readonly out?: string;
  readonly json?: boolean;
  /** `--csv` (true: `;` and decimal comma), `--csv=comma` or `--csv=semicolon`. */
  readonly csv?: boolean | string;
  readonly lang?: string;
  readonly policy?: string;
  readonly force?: boolean;
  readonly final?: boolean;
  readonly quiet?: boolean;
  readonly color?: boolean;
}

/** Where a command writes: stdout carries only results (only JSON with --json); stderr the rest. */
export interface Console {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  /** Whether stderr is a terminal (it may be while stdout is a pipe); as stdout when not told. */
  readonly stderrIsTTY?: boolean;
  /** The terminal's width when stdout is one. */
  readonly columns?: number | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /**
   * The process's own preparation for the command about to run (its name, as `rank`): the real process (src/cli.ts)
   * sets its heap for it (capYoungGeneration in src/heap.ts); a run inside another program (the tests) leaves its heap.
   */
  readonly prepare?: (command: string) => void;
}

export interface Context {
  readonly options: GlobalOptions;
  readonly console: Console;
  readonly workspace: string;
  readonly lang: Lang;
  readonly chalk: ReturnType<typeof makeChalk>;
  /** The width tables fit: 100 columns, or the terminal's if narrower (at least 60). */
  readonly width: number;
  /**
   * Running text for stdout or stderr, wrapped to `width` when that stream is a terminal; whole lines in a pipe or a
   * log, where grep needs them and the reader's pager wraps.
   */
  readonly wrap: (text: string, stream: 'stdout' | 'stderr') => string;
  /** A workspace-relative path with `/`, as messages show it. */
  readonly display: (path: string) => string;
  /** The one summary line on stderr, printed even with --quiet (cron logs keep it). */
  readonly summary: (text: string) => void;
}

export function makeContext(options: GlobalOptions, console: Console): Context {
  const workspace = resolve(console.cwd, options.workspace ?? console.env.ICT_EVAL_WORKSPACE ?? '.');
  const lang = options.lang === 'vn' ? 'vi' : (options.lang ?? 'vi');
  if (lang !== 'vi' && lang !== 'en')
    throw new UserError(
      { vi: `--lang chỉ nhận "vi" hoặc "en", không nhận "${lang}".`, en: `--lang takes "vi" or "en", not "${lang}".` },
      EXIT.usage,
    );
  // zod's own messages (a policy or configuration value of the wrong type) in the language of the run.
  z.config(lang === 'en' ? z.locales.en() : z.locales.vi());
  const color = options.color !== false && console.isTTY && console.env.NO_COLOR === undefined && options.json !== true;
  return {
    options,
    console,
    workspace,
    lang,
    chalk: makeChalk(color),
    width: widthOf(console),
    wrap: (text, stream) => wrapFor(console, text, stream),
    display: (path) => {
      const rel = relative(workspace, path);
      return (rel.startsWith('..') ? path : rel).split('\\').join('/');
    },
    // One line in a log (cron greps it); wrapped to the width on a terminal. With --quiet (a cron job's log) it starts
    // with the local time it was printed, so that a log of many years' runs says when each ran.
    summary: (text) => {
      const stamped = options.quiet === true ? `${localTime(new Date())} ${text}` : text;
      console.stderr(`${wrapFor(console, stamped, 'stderr')}\n`);
    },
  };
}

/** "2026-12-07 16:40:05": the machine's local time, as a log line starts. */
export function localTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** The width terminal text fits: the terminal's when stdout is one (60–100 columns), else 100. */
const widthOf = (console: Console) => terminalWidth(console.isTTY ? console.columns : undefined);

/**
 * Running text for stdout or stderr: wrapped to the width when that stream is a terminal; whole lines in a pipe or a
 * log, where grep needs them and the reader's pager wraps.
 */
export function wrapFor(console: Console, text: string, stream: 'stdout' | 'stderr'): string {
  const terminal = stream === 'stdout' ? console.isTTY : (console.stderrIsTTY ?? console.isTTY);
  return terminal ? wrapText(text, widthOf(console)) : text;
}

/** A year from the command line: a whole number from 2000 to 2100. */
export function parseYear(text: string | undefined): number {
  if (text === undefined)
    throw new UserError(
      {
        vi: 'thiếu --year (năm đánh giá), ví dụ --year 2024.',
        en: '--year (the year evaluated) is missing, e.g. --year 2024.',
      },
      EXIT.usage,
    );
  const year = Number(text);
  if (!/^\d{4}$/u.test(text) || year < 2000 || year > 2100)
    throw new UserError(
      { vi: `năm "${text}" không hợp lệ; ví dụ --year 2024.`, en: `"${text}" is not a valid year; e.g. --year 2024.` },
      EXIT.usage,
    );
  return year;
}

/** The pipeline's request from the command line: the workspace, the `--policy` file, the directory it is relative to. */
export function runRequest(context: Context): RunRequest {
  return {
    workspace: context.workspace,
    cwd: context.console.cwd,
    ...(context.options.policy === undefined ? {} : { policyFile: context.options.policy }),
  };
}

/**
 * `--final`: refuses, with exit 4 and nothing written, a year whose outputs would be a draft (a person not rated yet, or
 * an act the year needs and nobody gave).
 */
export function requireFinal(context: Context, run: YearRun): void {
  if (context.options.final !== true) return;
  const vi = draftReason(run.rows, run.legal, 'vi');
  if (vi === undefined) return;
  throw new UserError(
    {
      vi: `--final: năm ${run.year} chưa đủ dữ liệu cho bản chính thức (${vi}); chưa ghi gì. Bổ sung dữ liệu, văn bản còn thiếu rồi chạy lại, hoặc chạy không có --final để có bản DỰ THẢO.`,
      en: `--final: ${run.year} lacks data for final workbooks (${draftReason(run.rows, run.legal, 'en') ?? ''}); nothing was written. Complete the data and the missing acts and run again, or run without --final for a DRAFT (DỰ THẢO).`,
    },
    EXIT.incomplete,
  );
}
