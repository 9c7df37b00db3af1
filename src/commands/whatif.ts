import { type ReadingText, citationList, readingTexts, readingsDocument } from '../report/content/readings.js';
import { tableLines, writeLines } from '../report/render/terminal.js';
import { runYear } from './year.js';
import { type Context, parseYear, runRequest } from './context.js';
import { printJson, warningLines, requireNoErrors } from './print.js';
import { inputFolders, outputFolder, writeDocuments, writtenText } from './write.js';
import { policyJson } from '../report/render/json.js';

/**
 * `ict-eval what-if --year Y`: the year decided again under every other reading of the text the regulation leaves
 * open (one parameter at a time, the others as configured), and who would then have another outcome; with `--policy
 * alt.json`, the configured policy against that file's as a whole. The inputs are read once.
 */
export async function runWhatIf(context: Context, yearText: string | undefined): Promise<void> {
  const year = parseYear(yearText);
  const { policyFile, ...request } = runRequest(context);
  // Here --policy names the other policy: the run itself keeps the configured one.
  const prepared = await runYear(
    { ...request, readings: policyFile === undefined ? 'contested' : { policyFile } },
    year,
  );
  requireNoErrors(context, prepared);
  const texts = readingTexts(prepared.readings ?? [], prepared.policy, context.lang);
  const { written } = await writeDocuments(
    context,
    outputFolder(context, prepared.config, year),
    // Written only with -o (as rank): the workbook is for the Sở's legal officer, not a year-end output.
    context.options.out === undefined
      ? []
      : [
          {
            base: `cach-doc-khac-${year}`,
            document: () =>
              readingsDocument(readingTexts(prepared.readings ?? [], prepared.policy, 'vi'), prepared.info),
          },
        ],
    {
      folders: inputFolders(context, year),
      files: prepared.loaded.files.map((f) => `${context.workspace}/${f.path}`),
    },
  );
  if (context.options.json === true) {
    printJson(context, {
      year,
      policy: policyJson(prepared.policy),
      readings: texts.map((t, i) => {
        const reading = prepared.readings?.[i]?.reading;
        return {
          parameter: t.parameter,
          current: reading?.current,
          alternative: reading?.alternative,
          question: t.question,
          persons: t.persons.map((p) => ({
            unitCode: p.unitCode,
            unitName: p.unitName,
            name: p.name,
            role: p.role,
            from: outcome(p.evaluationNow, context),
            to: outcome(p.evaluationOther, context),
          })),
        };
      }),
    });
  } else if (context.options.quiet !== true) {
    writeLines(context.console.stdout, whatIfLines(context, texts));
  }
  context.console.stderr(warningLines(context, prepared.warnings));
  const changing = texts.filter((t) => t.persons.length > 0);
  const persons = new Set(changing.flatMap((t) => t.persons.map((p) => `${p.unitCode}/${p.name}`))).size;
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: năm ${year}: ${texts.length} cách hiểu khác đã thử, ${changing.length} cách làm thay đổi kết quả của ${persons} người. ${written.length === 0 && context.options.json !== true ? 'Không ghi tệp nào (thêm -o <thư mục> để ghi bảng tính)' : sentence(writtenText(context, written))}.`
      : `ict-eval: ${year}: ${texts.length} other readings tried, ${changing.length} change the outcome of ${persons} person(s). ${written.length === 0 && context.options.json !== true ? 'Wrote no file (add -o <dir> to write the workbook)' : sentence(writtenText(context, written))}.`,
  );
}

/** A person's outcome as --json gives it. */
function outcome(p: ReadingText['persons'][number]['evaluationNow'], context: Context) {
  return {
    rating: p.rating.outcome,
    sanction: p.sanction.outcome,
    withheldSanction: p.withheld,
    rewards: p.rewards.map((r) => r.outcome),
    reviewReasons: p.reviewReasons,
    citations: citationList(p, context.lang),
  };
}

/** Per reading that changes someone: a heading and a table; then one line for the readings that change nobody. */
function* whatIfLines(context: Context, texts: readonly ReadingText[]): Iterable<string> {
  const { chalk, lang } = context;
  const vi = lang === 'vi';
  const headers = [
    vi ? 'Họ và tên' : 'Name',
    vi ? 'Đơn vị' : 'Unit',
    vi ? 'Hiện nay' : 'Now',
    vi ? 'Theo cách hiểu khác' : 'Under the other reading',
    vi ? 'Căn cứ' : 'Basis',
  ];
  for (const t of texts.filter((x) => x.persons.length > 0)) {
    yield chalk.bold(
      context.wrap(
        vi
          ? `${t.question} (${t.parameter}): "${t.alternative}" thay cho "${t.current}" — ${t.persons.length} người thay đổi`
          : `${t.question} (${t.parameter}): "${t.alternative}" instead of "${t.current}" — ${t.persons.length} person(s) change`,
        'stdout',
      ),
    );
    yield* tableLines(
      headers,
      t.persons.map((p) => [p.name, p.unitName, p.now, p.other, p.citations]),
      { width: context.width, stack: [4], paint: (row, _col, text) => (row < 0 ? chalk.bold(text) : text) },
    );
    yield '';
  }
  const unchanged = texts.filter((t) => t.persons.length === 0);
  if (unchanged.length > 0)
    yield context.wrap(
      vi
        ? `Không ai thay đổi: ${unchanged.map((t) => `${t.parameter} ("${t.alternative}")`).join(', ')}.`
        : `Nobody changes: ${unchanged.map((t) => `${t.parameter} ("${t.alternative}")`).join(', ')}.`,
      'stdout',
    );
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
