import { Command, CommanderError, Help, Option } from 'commander';
import type { Console, Context, GlobalOptions } from './commands/context.js';
import { EXIT, UserError } from './errors.js';
import { newestRegulation } from './regulations/index.js';
import { formatCitation } from './rules/citation.js';
import type { Regulation } from './rules/regulation.js';
import { toolVersion } from './version.js';

const EXAMPLES = `
Ví dụ / Examples:
  ict-eval init vi-du --year 2024          tạo không gian làm việc mới cho năm 2024
  ict-eval template --year 2024            mẫu báo cáo tự đánh giá cho từng đơn vị
  ict-eval check --year 2024               kiểm tra toàn bộ dữ liệu năm 2024
  ict-eval rank 2024/scores.xlsx --previous 2023/scores.xlsx
  ict-eval rate --year 2024                xếp loại và đề xuất khen thưởng
  ict-eval sanctions --year 2024           xếp loại, khen thưởng và đề xuất xử lý
  ict-eval explain SYT --year 2024         giải thích kết quả của một đơn vị
  ict-eval report --year 2024              báo cáo năm gửi UBND tỉnh (.docx)
  ict-eval diff --year 2024                so sánh hai lần đánh giá: ai thay đổi kết quả, vì sao
  ict-eval what-if --year 2024             ai có kết quả khác nếu hiểu quy định chưa rõ theo cách khác
  ict-eval sanctions --year 2024 -w /srv/ict-eval --json > ket-qua.json

Mã thoát / Exit codes: 0 xong; 1 dữ liệu đầu vào có lỗi (không ghi gì); 2 sai cách dùng;
3 kết quả đã có, cần --force; 4 --final mà năm chưa đủ dữ liệu; khác: lỗi nội bộ.`;

/**
 * Commander's own words in Vietnamese (it has no translations): usage errors and the help's headings.
 * Each pattern is commander 14's exact message; an unknown one passes through unchanged.
 */
const COMMANDER_VI: readonly [RegExp, string][] = [
  [
    /^error: unknown option '([^']+)'(?:\n\(Did you mean ([^?]+)\?\))?/mu,
    "lỗi: không có tùy chọn '$1'. Có phải ý bạn là $2?",
  ],
  [
    /^error: unknown command '([^']+)'(?:\n\(Did you mean ([^?]+)\?\))?/mu,
    "lỗi: không có lệnh '$1'. Có phải ý bạn là $2?",
  ],
  [
    /^error: too many arguments for '([^']+)'. Expected (\d+) arguments? but got (\d+)\./mu,
    "lỗi: lệnh '$1' nhận $2 tham số nhưng được cho $3.",
  ],
  [/^error: too many arguments\./mu, 'lỗi: thừa tham số.'],
  [/^error: missing required argument '([^']+)'/mu, "lỗi: thiếu tham số bắt buộc '$1'"],
  [/^error: option '([^']+)' argument missing/mu, "lỗi: tùy chọn '$1' cần một giá trị"],
  [
    /^error: option '([^']+)' argument '([^']+)' is invalid\. Allowed choices are ([^.]+)\./mu,
    "lỗi: tùy chọn '$1' không nhận '$2'; chỉ nhận: $3.",
  ],
  [/^Usage:/gmu, 'Cách dùng:'],
  [/^Options:/gmu, 'Tùy chọn:'],
  [/^Global Options:/gmu, 'Tùy chọn chung (mọi lệnh):'],
  [/^Commands:/gmu, 'Lệnh:'],
  [/^Arguments:/gmu, 'Tham số:'],
  [/display help for command/gu, 'hướng dẫn cho lệnh'],
  [/\(default: ([^)]+)\)/gu, '(mặc định: $1)'],
  [/\(choices: ([^)]+)\)/gu, '(chọn: $1)'],
  [/, default: /gu, ', mặc định: '],
  [/\[options\]/gu, '[tùy chọn]'],
  [/\[command\]/gu, '[lệnh]'],
];

/**
 * Commander's words in Vietnamese. `argumentWords` gives each argument's description by its name: a missing argument is
 * said by what it is ("thiếu mã hoặc tên đơn vị …"), not by its English name ('unit').
 */
export function commanderVi(text: string, argumentWords: ReadonlyMap<string, string> = new Map()): string {
  let result = text.replace(/^error: missing required argument '([^']+)'/mu, (whole, name: string) => {
    const described = argumentWords.get(name);
    return described === undefined ? whole : `lỗi: thiếu tham số bắt buộc: ${described}`;
  });
  for (const [pattern, words] of COMMANDER_VI) result = result.replace(pattern, words);
  // "Có phải ý bạn là ?" when commander had no suggestion.
  return result.replace(/\. Có phải ý bạn là \?/gu, '.');
}

/** The one registry of commands; each command's module is loaded only when it runs. */
export function buildProgram(console: Console, lang: 'vi' | 'en' = 'vi'): Command {
  // Each argument's Vietnamese description by its name, for the message when it is missing (filled once all commands
  // are added).
  const argumentWords = new Map<string, string>();
  const words = (text: string) => (lang === 'vi' ? commanderVi(text, argumentWords) : text);
  // Help in the language of the run: Vietnamese, or English with --lang en.
  const t: Words = (vi, en) => (lang === 'en' ? en : vi);
  // The help names the articles of the newest regulation module; a run names the one in force for its year.
  const regulation = newestRegulation();
  const program = new Command('ict-eval')
    .description(`${regulation.summaryVi}\n${regulation.summaryEn}`)
    .version(toolVersion(), '-V, --version', 'in phiên bản / print the version')
    .helpOption('-h, --help', 'hướng dẫn / help')
    .option(
      '-w, --workspace <dir>',
      t(
        'thư mục làm việc (mặc định: ICT_EVAL_WORKSPACE hoặc thư mục hiện tại)',
        'the workspace folder (default: ICT_EVAL_WORKSPACE or the current folder)',
      ),
    )
    .option(
      '-o, --out <dir>',
      t('thư mục ghi kết quả (mặc định: <workspace>/out)', 'the output folder (default: <workspace>/out)'),
    )
    .option(
      '--json',
      t(
        'in kết quả dạng JSON ra stdout (chỉ JSON); không ghi tệp nếu không có -o',
        'print the result as JSON on stdout (JSON only); writes no file without -o',
      ),
    )
    .addOption(
      new Option(
        '--csv [kiểu]',
        t(
          'ghi thêm mỗi trang kết quả thành tệp CSV (UTF-8 có BOM); mặc định dấu ; và dấu phẩy thập phân như Excel tiếng Việt, --csv=comma: dấu , và dấu chấm',
          'also write each output sheet as CSV (UTF-8 with BOM); by default ; and decimal commas as Vietnamese Excel reads them, --csv=comma: , and decimal points',
        ),
      ).choices(['semicolon', 'comma']),
    )
    .addOption(
      new Option('--lang <lang>', 'ngôn ngữ hiển thị / language (vn = vi)').choices(['vi', 'vn', 'en']).default('vi'),
    )
    .option(
      '--policy <file>',
      t(
        'tệp JSON thay đổi tham số chính sách, ví dụ {"rankScope":"all"}',
        'a JSON file overriding policy parameters, e.g. {"rankScope":"all"}',
      ),
    )
    .option('--force', t('ghi đè kết quả đã có', 'replace existing outputs'))
    .option(
      '--final',
      t(
        'bản chính thức: không ghi (mã thoát 4) khi còn người chưa đủ dữ liệu để xếp loại',
        'final workbooks: write nothing (exit 4) while a person lacks data to be rated',
      ),
    )
    .option('-q, --quiet', t('chỉ in một dòng tóm tắt (cho cron)', 'print only the summary line (for cron)'))
    .option('--no-color', t('không tô màu', 'no colours'))
    .exitOverride()
    // Once the command is known and its arguments parsed: the process prepares for it (its heap, src/heap.ts).
    .hook('preAction', (_program, command) => console.prepare?.(command.name()))
    .configureHelp({
      showGlobalOptions: true,
      // In Vietnamese before commander wraps the lines: "(chọn: …, mặc định: …)" never splits "(choices:" from its list.
      optionDescription(this: Help, option: Option) {
        return words(Help.prototype.optionDescription.call(this, option));
      },
    })
    .showHelpAfterError(lang === 'vi' ? '(xem "ict-eval <lệnh> --help")' : '(see "ict-eval <command> --help")')
    .configureOutput({
      writeOut: (s) => {
        console.stdout(words(s));
      },
      writeErr: (s) => {
        console.stderr(words(s));
      },
    })
    .addHelpText('after', EXAMPLES);

  const context: ContextOf = async (command: Command) => {
    const { makeContext } = await import('./commands/context.js');
    return makeContext(command.optsWithGlobals<GlobalOptions>(), console);
  };
  for (const add of [addInit, addTemplate, addCheck, addRank, addRate, addSanctions, addReport, addExplain, addDiff])
    add(program, context, regulation, t);
  for (const command of program.commands)
    for (const argument of command.registeredArguments)
      if (argument.description !== '') argumentWords.set(argument.name(), argument.description);
  return program;
}

/** A provision of the regulation, as the help names it: `khoản 1 Điều 15` (`Art. 15(1)`). */
const article = (regulation: Regulation, key: keyof Regulation['citations'], lang: 'vi' | 'en' = 'vi') =>
  formatCitation(regulation.citations[key], lang);

/** A help text in the run's language. */
type Words = (vi: string, en: string) => string;

/** Builds a command's context (options, console) when it runs: lazily, so `--help` loads no command. */
type ContextOf = (command: Command) => Promise<Context>;

function addInit(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('init')
    .description(
      t(
        'tạo không gian làm việc, hoặc thêm năm Y: các tệp mẫu units, scores, assessment, follow-up còn thiếu',
        'make a workspace, or add year Y: the blank units, scores, assessment, follow-up workbooks that are missing',
      ),
    )
    .argument('[dir]', t('thư mục sẽ tạo (mặc định: workspace)', 'the folder to make (default: the workspace)'))
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .option(
      '--from <year>',
      t(
        'chuyển danh sách đơn vị (units) của năm này sang năm mới, để kiểm tra lại',
        'carry the units of this year over to the new one, to be checked',
      ),
    )
    .addHelpText(
      'after',
      t(
        '\nKhông bao giờ thay thế tệp đã có (--force không áp dụng cho dữ liệu vào): chạy lại chỉ tạo các tệp còn thiếu.\n' +
          '\nVí dụ:\n  ict-eval init du-lieu-cntt --year 2024\n  ict-eval init --year 2025 --from 2024 -w /srv/ict-eval',
        '\nNever replaces a file that exists (--force does not apply to inputs): run again, it only makes what is missing.\n' +
          '\nExamples:\n  ict-eval init du-lieu-cntt --year 2024\n  ict-eval init --year 2025 --from 2024 -w /srv/ict-eval',
      ),
    )
    .action(async (dir: string | undefined, options: { year: string; from?: string }, command: Command) => {
      const { runInit } = await import('./commands/init.js');
      await runInit(await context(command), dir, options.year, options.from);
    });
}

function addTemplate(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('template')
    .description(
      t(
        'ghi một tệp mẫu báo cáo tự đánh giá cho mỗi đơn vị của Y/units',
        'write a self-report template for each unit of Y/units',
      ),
    )
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .option(
      '--assessment',
      t(
        'ghi bảng đánh giá của Sở (mọi đơn vị, kèm tự đánh giá đã nhận) thay cho mẫu báo cáo',
        "write the department's assessment sheet (every unit, with the self-assessments received) instead",
      ),
    )
    .addHelpText(
      'after',
      t(
        '\nVí dụ:\n  ict-eval template --year 2024\n  ict-eval template --year 2024 -o mau-gui-don-vi\n  ict-eval template --year 2024 --assessment      bảng để Sở đánh giá',
        '\nExamples:\n  ict-eval template --year 2024\n  ict-eval template --year 2024 -o mau-gui-don-vi\n  ict-eval template --year 2024 --assessment      the sheet the department assesses in',
      ),
    )
    .action(async (options: { year: string; assessment?: boolean }, command: Command) => {
      const { runTemplate } = await import('./commands/template.js');
      await runTemplate(await context(command), options.year, options.assessment === true);
    });
}

function addCheck(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('check')
    .description(
      t(
        `kiểm tra dữ liệu năm Y: lỗi, kết quả Mục 1–${regulation.sections.length} từng đơn vị, báo cáo còn thiếu, chênh lệch tự đánh giá và thẩm định`,
        `check year Y: data errors, each unit's sections 1–${regulation.sections.length}, missing reports, self-assessment vs the department's assessment`,
      ),
    )
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .addHelpText(
      'after',
      t(
        '\nVí dụ:\n  ict-eval check --year 2024\n  ict-eval check --year 2024 --json',
        '\nExamples:\n  ict-eval check --year 2024\n  ict-eval check --year 2024 --json',
      ),
    )
    .action(async (options: { year: string }, command: Command) => {
      const { runCheck } = await import('./commands/check.js');
      await runCheck(await context(command), options.year);
    });
}

function addRank(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('rank')
    .description(
      t(
        'xếp hạng các đơn vị theo điểm ICT Index, nhóm cao nhất và nhóm thấp nhất',
        'rank the units by their ICT Index score, with the top and bottom groups',
      ),
    )
    .argument('<scores>', t('tệp điểm (.xlsx hoặc .csv)', 'the scores file (.xlsx or .csv)'))
    .option('--previous <file>', t('tệp điểm năm trước, để so sánh hạng', "last year's scores file, to compare ranks"))
    .option(
      '-y, --year <year>',
      t('năm (mặc định: lấy từ thư mục chứa tệp điểm)', 'the year (default: from the folder of the scores file)'),
    )
    .option(
      '--write',
      t(
        'ghi bảng xếp hạng vào out/Y/xep-hang-Y.xlsx (như khi có -o)',
        'write the ranking to out/Y/xep-hang-Y.xlsx (as -o does)',
      ),
    )
    .addHelpText(
      'after',
      t(
        '\nChỉ in bảng xếp hạng; ghi tệp khi có -o <thư mục> hoặc --write.\n' +
          '\nVí dụ:\n  ict-eval rank 2024/scores.xlsx\n  ict-eval rank 2024/scores.xlsx --previous 2023/scores.xlsx --write\n  ict-eval rank 2024/scores.xlsx --json',
        '\nPrints the ranking; writes a file with -o <folder> or --write.\n' +
          '\nExamples:\n  ict-eval rank 2024/scores.xlsx\n  ict-eval rank 2024/scores.xlsx --previous 2023/scores.xlsx --write\n  ict-eval rank 2024/scores.xlsx --json',
      ),
    )
    .action(
      async (scores: string, options: { previous?: string; year?: string; write?: boolean }, command: Command) => {
        const { runRank } = await import('./commands/rank.js');
        await runRank(await context(command), scores, options.previous, options.year, options.write === true);
      },
    );
}

function addRate(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('rate')
    .description(
      t(
        `xếp loại người đứng đầu (${article(regulation, 'rating')}) và đề xuất khen thưởng (${article(regulation, 'rewards')}): ghi out/Y/xep-loai-Y.xlsx`,
        `rate the heads (${article(regulation, 'rating', 'en')}) and propose rewards (${article(regulation, 'rewards', 'en')}): writes out/Y/xep-loai-Y.xlsx`,
      ),
    )
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .addHelpText(
      'after',
      t(
        '\nVí dụ:\n  ict-eval rate --year 2024\n  ict-eval rate --year 2024 --csv --force',
        '\nExamples:\n  ict-eval rate --year 2024\n  ict-eval rate --year 2024 --csv --force',
      ),
    )
    .action(async (options: { year: string }, command: Command) => {
      const { runRateOrSanctions } = await import('./commands/rate.js');
      await runRateOrSanctions(await context(command), options.year, false);
    });
}

function addSanctions(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('sanctions')
    .description(
      t(
        `như rate, thêm đề xuất xử lý (${article(regulation, 'sanctions')}): ghi xep-loai-Y.xlsx và xu-ly-Y.xlsx cho Sở Nội vụ`,
        `as rate, with the sanction proposals (${article(regulation, 'sanctions', 'en')}): writes xep-loai-Y.xlsx and xu-ly-Y.xlsx for Sở Nội vụ`,
      ),
    )
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .addHelpText(
      'after',
      t(
        '\nVí dụ:\n  ict-eval sanctions --year 2024\n  ict-eval sanctions --year 2024 -w /srv/ict-eval -q --force',
        '\nExamples:\n  ict-eval sanctions --year 2024\n  ict-eval sanctions --year 2024 -w /srv/ict-eval -q --force',
      ),
    )
    .action(async (options: { year: string }, command: Command) => {
      const { runRateOrSanctions } = await import('./commands/rate.js');
      await runRateOrSanctions(await context(command), options.year, true);
    });
}

function addExplain(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('explain')
    .description(
      t(
        'giải thích toàn bộ quá trình đánh giá một đơn vị và những người chịu trách nhiệm',
        'explain the whole evaluation of one unit and its responsible persons',
      ),
    )
    .argument(
      '<unit>',
      t(
        'mã hoặc tên đơn vị (ví dụ SYT, "Sở Y tế", "Tư pháp")',
        'the unit\'s code or name (e.g. SYT, "Sở Y tế", "Tư pháp")',
      ),
    )
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .addHelpText(
      'after',
      t(
        '\nVí dụ:\n  ict-eval explain SYT --year 2024\n  ict-eval explain SYT --year 2024 --lang en',
        '\nExamples:\n  ict-eval explain SYT --year 2024\n  ict-eval explain "Sở Y tế" --year 2024 --lang en',
      ),
    )
    .action(async (unit: string, options: { year: string }, command: Command) => {
      const { runExplain } = await import('./commands/explain.js');
      await runExplain(await context(command), unit, options.year);
    });
}

function addReport(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('report')
    .description(
      t(
        `báo cáo năm của Sở gửi UBND tỉnh (${article(regulation, 'reporting')}): ghi out/Y/bao-cao-Y.docx, cùng số liệu với các bảng`,
        `the department's annual report to UBND tỉnh (${article(regulation, 'reporting', 'en')}): writes out/Y/bao-cao-Y.docx, from the same figures as the workbooks`,
      ),
    )
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .option(
      '--to <recipient>',
      t(
        `gửi ai: ubnd-tinh (mặc định, báo cáo năm) hoặc so-noi-vu (công văn đề nghị khen thưởng, xử lý kèm danh sách, ${article(regulation, 'homeAffairs')}): ghi out/Y/cong-van-so-noi-vu-Y.docx`,
        `to whom: ubnd-tinh (default, the annual report) or so-noi-vu (the letter proposing rewards and discipline with the lists, ${article(regulation, 'homeAffairs', 'en')}): writes out/Y/cong-van-so-noi-vu-Y.docx`,
      ),
    )
    .addHelpText(
      'after',
      t(
        '\nVí dụ:\n  ict-eval report --year 2024\n  ict-eval report --year 2024 --to so-noi-vu\n  ict-eval report --year 2024 --final --force',
        '\nExamples:\n  ict-eval report --year 2024\n  ict-eval report --year 2024 --to so-noi-vu\n  ict-eval report --year 2024 --final --force',
      ),
    )
    .action(async (options: { year: string; to?: string }, command: Command) => {
      const { runReport } = await import('./commands/report.js');
      await runReport(await context(command), options.year, options.to);
    });
}

function addDiff(program: Command, context: ContextOf, regulation: Regulation, t: Words): void {
  program
    .command('what-if')
    .description(
      t(
        'ai có kết quả khác nếu hiểu các quy định chưa rõ theo cách khác: từng tham số một (các tham số khác giữ nguyên), hoặc cả chính sách của một tệp khác (--policy)',
        "whose outcome would differ under another reading of the text the regulation leaves open: one parameter at a time (the others as configured), or another file's policy as a whole (--policy)",
      ),
    )
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .addHelpText(
      'after',
      t(
        '\nCác tham số được thử: pointC, deputyExcellence, partYearHeads, partYearUnits, mergedUnits, unassessedItems, notApplicableWithoutNote, informationOnlyItems, itemsWithoutIndicator, rewardWithoutReport, rankSource, rankScope, groupSizeRounding. Với --policy <tệp>, chính sách đang cấu hình được so với chính sách của tệp đó. Chỉ ghi bảng tính out/Y/cach-doc-khac-Y.xlsx khi có -o.\n' +
          '\nVí dụ:\n  ict-eval what-if --year 2024\n  ict-eval what-if --year 2024 --policy cach-hieu-khac.json --json\n  ict-eval what-if --year 2024 -o out',
        "\nThe parameters tried: pointC, deputyExcellence, partYearHeads, partYearUnits, mergedUnits, unassessedItems, notApplicableWithoutNote, informationOnlyItems, itemsWithoutIndicator, rewardWithoutReport, rankSource, rankScope, groupSizeRounding. With --policy <file>, the configured policy is compared with that file's. The workbook out/Y/cach-doc-khac-Y.xlsx is written only with -o.\n" +
          '\nExamples:\n  ict-eval what-if --year 2024\n  ict-eval what-if --year 2024 --policy other-reading.json --json\n  ict-eval what-if --year 2024 -o out',
      ),
    )
    .action(async (options: { year: string }, command: Command) => {
      const { runWhatIf } = await import('./commands/whatif.js');
      await runWhatIf(await context(command), options.year);
    });

  program
    .command('diff')
    .description(
      t(
        'những gì thay đổi giữa hai lần đánh giá của một năm (bản ghi trong out/Y/lich-su/): người, kết quả, sự việc',
        'what changed between two runs of a year (records in out/Y/lich-su/): persons, outcomes, facts',
      ),
    )
    .argument(
      '[a]',
      t(
        'bản ghi lần trước (mã hoặc phần đầu của mã; mặc định: bản ghi thứ hai từ cuối)',
        'the earlier record (its digest or a prefix of it; default: the last but one)',
      ),
    )
    .argument('[b]', t('bản ghi lần này (mặc định: bản ghi cuối cùng)', 'the later record (default: the last one)'))
    .option('-y, --year <year>', t('năm đánh giá (bắt buộc)', 'the year evaluated (required)'))
    .addHelpText(
      'after',
      t(
        '\nMỗi lần chạy rate hoặc sanctions ghi một bản ghi (cùng dữ liệu vào thì cùng một bản ghi); không bản ghi nào bị xoá.\n' +
          '\nVí dụ:\n  ict-eval diff --year 2024\n  ict-eval diff --year 2024 3f2a 9c41 --json',
        '\nEach rate or sanctions run keeps a record (the same inputs, the same record); none is ever removed.\n' +
          '\nExamples:\n  ict-eval diff --year 2024\n  ict-eval diff --year 2024 3f2a 9c41 --json',
      ),
    )
    .action(async (a: string | undefined, b: string | undefined, options: { year: string }, command: Command) => {
      const { runDiff } = await import('./commands/history.js');
      await runDiff(await context(command), options.year, a, b);
    });
}

/** The single place where errors become exit codes (style.md §4). */
export async function main(argv: readonly string[], console: Console): Promise<number> {
  // Commander speaks before the options are parsed: the language is taken from argv itself.
  const langAt = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langArg = langAt < 0 ? undefined : (argv[langAt]?.split('=')[1] ?? argv[langAt + 1]);
  const program = buildProgram(console, langArg === 'en' ? 'en' : 'vi');
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0; commander printed its message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      // Loaded here so that --help and --version stay light.
      const { wrapFor } = await import('./commands/context.js');
      console.stderr(`${wrapFor(console, `ict-eval: ${error.describe(langArg === 'en' ? 'en' : 'vi')}`, 'stderr')}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.stderr(
      `ict-eval: lỗi nội bộ (internal error). Xin gửi toàn bộ nội dung dưới đây cho người bảo trì công cụ:\n${detail}\n`,
    );
    return EXIT.internal;
  }
}
