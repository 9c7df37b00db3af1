import { basename, join } from 'node:path';
import { z } from 'zod';
import { coverLetter } from '../report/content/letter.js';
import { ratingDocument, sanctionDocument } from '../report/content/outputs.js';
import { EXIT, UserError } from '../errors.js';
import { memoryPhase } from '../heap.js';
import { writeOutputs } from '../io/output.js';
import { annualReport } from '../report/content/annual.js';
import { renderReport } from '../report/render/docx.js';
import { readingProposals, readingTexts } from '../report/content/readings.js';
import { runYear } from './year.js';
import { type Context, parseYear, requireFinal, runRequest } from './context.js';
import { draftReason } from '../report/content/draft.js';
import { keepRecord, lastRecordOf, logEntries, recordRun, releasing } from './history.js';
import { exists } from '../io/fs.js';
import { printJson, warningLines, requireNoErrors } from './print.js';
import { inputFolders, outputFolder, printsOnly, writtenText } from './write.js';
import { checkOutputFolder } from '../io/output.js';

/**
 * `ict-eval report --year Y`: the Sở's annual report to UBND tỉnh (Điều 19) as out/Y/bao-cao-Y.docx, from the same
 * evaluation as the workbooks; the run is kept in out/Y/lich-su/ as rate and sanctions runs are.
 */
export async function runReport(context: Context, yearText: string | undefined, toText?: string): Promise<void> {
  const year = parseYear(yearText);
  const to = parseRecipient(toText);
  // The annual report proposes to settle each contested reading that changes someone's outcome (đoạn 2 Điều 19).
  const prepared = await runYear(
    { ...runRequest(context), ...(to === 'so-noi-vu' ? {} : { readings: 'contested' }) },
    year,
  );
  requireNoErrors(context, prepared);
  const missing = draftReason(prepared.rows, prepared.legal, 'vi');
  requireFinal(context, prepared);
  const folder = outputFolder(context, prepared.config, year);
  const toHomeAffairs = to === 'so-noi-vu';
  // The run's record, kept once the document is written; nothing of it when the run writes nothing (--json alone).
  // What changed since the previous record is read only for the report.
  const history = printsOnly(context) ? undefined : await recordRun(folder, prepared, !toHomeAffairs);
  // The held record is released however the run ends (exit 3 for an existing document, a write that fails, …).
  const { made, report, written, mismatch } = await releasing(history?.held, async () => {
    memoryPhase('history');
    // Only the document asked for is made: the letter from the workbooks' sheets, the report from the evaluation and
    // from what changed since the previous record (read only for the report).
    const made = toHomeAffairs
      ? coverLetter(
          ratingDocument(prepared.evaluation, prepared.rows, prepared.info),
          sanctionDocument(prepared.evaluation, prepared.rows, prepared.info),
          prepared.policy,
          prepared.info.block,
          prepared.legal,
        )
      : annualReport(
          prepared.evaluation,
          prepared.rows,
          prepared.policy,
          prepared.info.block,
          prepared.warnings,
          prepared.legal,
          {
            changes: history?.diff,
            difficulties: prepared.selfReports.difficulties,
            scoreNames: new Map(prepared.loaded.input.scores.map((s) => [s.unitCode, s.unitName])),
            readings: readingProposals(readingTexts(prepared.readings ?? [], prepared.policy, 'vi')),
          },
        );
    const report = missing === undefined ? made : { ...made, draft: missing };
    memoryPhase('document');
    const written: string[] = [];
    if (history !== undefined) {
      await checkOutputFolder(folder, inputFolders(context, year));
      const path = join(folder, toHomeAffairs ? `cong-van-so-noi-vu-${year}.docx` : `bao-cao-${year}.docx`);
      const bytes = await renderReport(report);
      memoryPhase(`rendered ${basename(path)}`);
      await writeOutputs([{ path, bytes }], {
        force: context.options.force === true,
        protectedPaths: prepared.loaded.files.map((f) => join(context.workspace, f.path)),
        display: context.display,
      });
      memoryPhase('written');
      written.push(context.display(path));
      await keepRecord(folder, history.held, toHomeAffairs ? 'report --to so-noi-vu' : 'report', new Date());
      memoryPhase('kept');
    }
    // The document says it has the same results as the workbooks beside it: said when they are not (issue #36).
    const mismatch = history === undefined ? undefined : await workbooksMismatch(folder, year, history.held.digest);
    return { made, report, written, mismatch };
  });
  if (context.options.json === true) {
    printJson(context, { year, counts: report.counts, sections: report.sections });
  }
  context.console.stderr(warningLines(context, prepared.warnings));
  const c = made.counts;
  const note = mismatch === undefined ? '' : ` ${context.lang === 'vi' ? mismatch.vi : mismatch.en}`;
  if (toHomeAffairs) {
    context.summary(
      context.lang === 'vi'
        ? `ict-eval: công văn gửi Sở Nội vụ năm ${year}: ${c.rewards} đề nghị khen thưởng, ${c.sanctioned} đề xuất xử lý, ${c.review} cần xem xét. ${sentence(writtenText(context, written))}.${missing === undefined ? '' : ` DỰ THẢO: ${missing}.`}${note}`
        : `ict-eval: letter to Sở Nội vụ ${year}: ${c.rewards} rewards proposed, ${c.sanctioned} sanctions proposed, ${c.review} to review. ${sentence(writtenText(context, written))}.${missing === undefined ? '' : ' DRAFT.'}${note}`,
    );
    return;
  }
  context.summary(
    context.lang === 'vi'
      ? `ict-eval: báo cáo năm ${year}: ${c.persons} người, ${c['xuat-sac']} xuất sắc, ${c['hoan-thanh']} hoàn thành, ${c['khong-hoan-thanh']} không hoàn thành, ${c['thieu-du-lieu']} chưa xếp loại; ${c.sanctioned} đề xuất xử lý, ${c.review} cần xem xét. ${sentence(writtenText(context, written))}.${missing === undefined ? '' : ` DỰ THẢO: ${missing}.`}${note}`
      : `ict-eval: report ${year}: ${c.persons} persons, ${c['xuat-sac']} excellent, ${c['hoan-thanh']} completed, ${c['khong-hoan-thanh']} not completed, ${c['thieu-du-lieu']} not rated; ${c.sanctioned} sanctions proposed, ${c.review} to review. ${sentence(writtenText(context, written))}.${missing === undefined ? '' : ' DRAFT.'}${note}`,
  );
}

/**
 * Whether the year's workbooks in `folder` were written from another record than the document just made (or are not
 * there): the words that say so and what to do, else undefined.
 */
async function workbooksMismatch(
  folder: string,
  year: number,
  digest: string,
): Promise<{ vi: string; en: string } | undefined> {
  const book = `xep-loai-${year}.xlsx`;
  const command = `ict-eval sanctions --year ${year} --force`;
  if (!(await exists(join(folder, book), false)))
    return {
      vi: `Lưu ý: chưa có ${book} cùng thư mục, văn bản nói các danh sách lấy từ đó; chạy ${command}.`,
      en: `Note: ${book} is not in the folder, and the document says its lists come from it; run ${command}.`,
    };
  const made = lastRecordOf(await logEntries(folder), ['rate', 'sanctions']);
  if (made === digest) return undefined;
  return {
    vi: `Lưu ý: ${book} cùng thư mục được lập từ dữ liệu khác (bản ghi ${made ?? 'không rõ'}, lần này ${digest}): văn bản và bảng tính không khớp; chạy ${command} rồi lập lại văn bản.`,
    en: `Note: ${book} in the folder was made from other data (record ${made ?? 'unknown'}, this run ${digest}): the document and the workbook do not match; run ${command}, then make the document again.`,
  };
}

/** Who the document goes to: UBND tỉnh (the annual report, Điều 19) or Sở Nội vụ (the letter, khoản 3 Điều 18). */
const RECIPIENT = z.enum(['ubnd-tinh', 'so-noi-vu']);

export function parseRecipient(text: string | undefined): z.infer<typeof RECIPIENT> {
  const parsed = RECIPIENT.safeParse(text ?? 'ubnd-tinh');
  if (parsed.success) return parsed.data;
  throw new UserError(
    {
      vi: `--to "${text ?? ''}" không hợp lệ: ubnd-tinh (báo cáo năm gửi UBND tỉnh) hoặc so-noi-vu (công văn đề nghị gửi Sở Nội vụ).`,
      en: `--to "${text ?? ''}" is not valid: ubnd-tinh (the annual report to UBND tỉnh) or so-noi-vu (the letter to Sở Nội vụ).`,
    },
    EXIT.usage,
  );
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
