import { join } from 'node:path';
import { type Document, asDraft } from '../report/content/document.js';
import { yearJson } from '../report/render/json.js';
import { ratingDocument, sanctionDocument } from '../report/content/outputs.js';
import { isProposed, toReview } from '../report/content/model.js';
import { writeLines } from '../report/render/terminal.js';
import { issuerNotice } from '../report/content/title.js';
import { memoryPhase } from '../heap.js';
import { type YearRun, runYear } from './year.js';
import { type Context, parseYear, requireFinal, runRequest } from './context.js';
import { draftReason } from '../report/content/draft.js';
import { printJson, warningLines, requireNoErrors } from './print.js';
import { type Written, inputFolders, outputFolder, printsOnly, writeDocuments, writtenText } from './write.js';
import { documentsFromOtherRecords, keepRecord, recordRun, releasing } from './history.js';
import { changesSheet } from '../report/content/history.js';
import { personTable } from '../report/render/persons-screen.js';

/** `ict-eval rate --year Y` and `ict-eval sanctions --year Y`: read, decide, write the workbooks, print. */
export async function runRateOrSanctions(
  context: Context,
  yearText: string | undefined,
  withSanctions: boolean,
): Promise<void> {
  const year = parseYear(yearText);
  const prepared = await runYear(runRequest(context), year);
  requireNoErrors(context, prepared);
  const folder = outputFolder(context, prepared.config, year);
  const missing = draftReason(prepared.rows, prepared.legal, 'vi');
  requireFinal(context, prepared);
  // The run's record (out/Y/lich-su/), and what changed since the previous one: a "Thay đổi" sheet in each workbook.
  // Nothing of it when the run writes nothing (--json without -o).
  const history = printsOnly(context) ? undefined : await recordRun(folder, prepared, true);
  // The held record is released however the run ends (exit 3 for existing outputs, a write that fails, …).
  const written = await releasing(history?.held, async () => {
    memoryPhase('history');
    const changes = history?.diff === undefined ? [] : [changesSheet(history.diff)];
    const withChanges = (document: Document): Document =>
      changes.length === 0 ? document : { ...document, sheets: [...document.sheets, ...changes] };
    const draft = (document: Document) => withChanges(missing === undefined ? document : asDraft(document, missing));
    // Each document is built when its workbook is rendered, and let go after: the two are never in memory together.
    const documents = [
      {
        base: `xep-loai-${year}`,
        document: () => draft(ratingDocument(prepared.evaluation, prepared.rows, prepared.info)),
      },
    ];
    if (withSanctions)
      documents.push({
        base: `xu-ly-${year}`,
        document: () => draft(sanctionDocument(prepared.evaluation, prepared.rows, prepared.info)),
      });
    // rate and sanctions write one set: a run of either replaces what the other left (xu-ly-Y after rate).
    const written = await writeDocuments(
      context,
      folder,
      documents,
      {
        folders: inputFolders(context, year),
        files: prepared.loaded.files.map((f) => join(context.workspace, f.path)),
      },
      [`xep-loai-${year}`, `xu-ly-${year}`],
      // The report and the letter say they have the workbooks' results: those made from another record go with them.
      history === undefined ? [] : await documentsFromOtherRecords(folder, year, history.held.digest),
    );
    memoryPhase('written');
    if (history !== undefined) await keepRecord(folder, history.held, withSanctions ? 'sanctions' : 'rate', new Date());
    memoryPhase('kept');
    return written;
  });

  if (context.options.json === true) {
    printJson(context, yearJson(prepared.evaluation, prepared.rows, prepared.warnings, prepared.legal));
  } else if (context.options.quiet !== true) {
    writeLines(context.console.stdout, personTable(context, prepared, withSanctions));
  }
  // The table or the JSON of a national year (11 000 persons) is as large as a workbook's document: its own phase.
  memoryPhase('printed');
  context.console.stderr(warningLines(context, prepared.warnings));
  const notice = issuerNotice(prepared.policy, prepared.config, year);
  if (notice !== undefined && context.options.quiet !== true && context.options.json !== true) {
    const text = context.lang === 'vi' ? `Lưu ý: ${notice.vi}` : `Note: ${notice.en}`;
    context.console.stderr(`${context.wrap(text, 'stderr')}\n`);
  }
  context.summary(
    summary(context, prepared, written, withSanctions) +
      (missing === undefined
        ? ''
        : context.lang === 'vi'
          ? ` DỰ THẢO: ${missing}.`
          : ` DRAFT: ${draftReason(prepared.rows, prepared.legal, 'en') ?? ''}.`),
  );
}

function summary(context: Context, prepared: YearRun, written: Written, withSanctions: boolean): string {
  const count = (rating: string) => prepared.rows.filter((r) => r.rating === rating).length;
  // The counts of the sanction workbook's two sheets ("Đề xuất xử lý", "Cần xem xét").
  const sanctioned = prepared.rows.filter(isProposed).length;
  const review = prepared.rows.filter(toReview).length;
  if (context.lang === 'en') {
    return `ict-eval: ${prepared.year}: ${prepared.rows.length} persons: ${count('xuat-sac')} excellent, ${count('hoan-thanh')} completed, ${count('khong-hoan-thanh')} not completed, ${count('thieu-du-lieu')} not rated${withSanctions ? `; ${sanctioned} sanctions proposed, ${review} to review` : ''}; ${prepared.warnings.length} warnings. ${sentence(writtenText(context, written.written, written.removed))}.`;
  }
  return `ict-eval: năm ${prepared.year}: ${prepared.rows.length} người: ${count('xuat-sac')} xuất sắc, ${count('hoan-thanh')} hoàn thành, ${count('khong-hoan-thanh')} không hoàn thành, ${count('thieu-du-lieu')} chưa xếp loại${withSanctions ? `; ${sanctioned} đề xuất xử lý, ${review} cần xem xét` : ''}; ${prepared.warnings.length} cảnh báo. ${sentence(writtenText(context, written.written, written.removed))}.`;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
