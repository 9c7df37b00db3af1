/**
 * What a document says, before it is rendered as a workbook, CSV files or JSON: its title block and
 * its sheets. Content modules build these; src/report/render/ turns them into bytes.
 */

/** The names in a workbook's title block and signature block (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
export interface TitleBlock {
  /** `UBND TỈNH BẮC NINH`. */
  readonly province: string;
  /** The department that assesses and signs, as its heading names it on the document's date. */
  readonly department: string;
  /** The same body in running text (`Sở Khoa học và Công nghệ`, `Sở KH&CN`): one body per document, heading and text. */
  readonly departmentName: string;
  readonly departmentShort: string;
  /**
   * How it names itself where the law's words name another body for its duty: `Sở Khoa học và Công nghệ (thực hiện
   * nhiệm vụ của Sở Thông tin và Truyền thông theo khoản 2 Điều 18)`; its own name when they are one.
   */
  readonly departmentSpeaks: string;
  /** The office's abbreviation in number lines (`SKHCN`), and the drafting unit's for a letter when configured. */
  readonly symbol: string;
  readonly unitSymbol?: string;
  readonly year: number;
  /** The place in the place-and-date line: `Bắc Ninh`. */
  readonly place: string;
  /** The day of signing (yyyy-mm-dd) when the configuration gives it; else the date is left to fill. */
  readonly signedOn?: string;
  /** The document the attachment goes with (`Báo cáo số 12/BC-SKHCN ngày 15/01/2025`); blank lines to fill when absent. */
  readonly attachedTo?: string;
  /** The signature block: the preparer (NGƯỜI LẬP BIỂU) and the signer with the signer's title. */
  readonly signature: { readonly preparer?: string; readonly signerTitle: string; readonly signer?: string };
  /** The font of every sheet meant for print. */
  readonly font: string;
}

export type CellValue = string | number | null;

export interface Column {
  readonly header: string;
  /** Width in characters; Vietnamese text wraps within it. */
  readonly width: number;
  /** Number format for numeric cells, e.g. `0.0000`. */
  readonly numFmt?: string;
}

export interface TableSheet {
  readonly kind: 'table';
  /** The sheet's Vietnamese name (≤ 31 characters). */
  readonly name: string;
  readonly title: string;
  /** A line under the title (the year, the legal basis). */
  readonly subtitle?: string;
  readonly columns: readonly Column[];
  /** Data rows without the STT column, which is added. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Shown in the first data row when there are no rows. */
  readonly emptyText?: string;
  /**
   * An official attachment (phụ lục) for Sở Nội vụ: national motto, place and date, "(Kèm theo …)", the legal
   * basis line, and the signature block under the table.
   */
  readonly official?: { readonly basis: string };
  /** The group of each row (`I. KHỐI SỞ, BAN, NGÀNH`): a group row opens each group and STT restarts in it. */
  readonly groups?: readonly string[];
  /** Lines under the table: the counts per rating, per group and in all. */
  readonly totals?: readonly string[];
}

/** A sheet of label/value pairs under headings (legal basis, parameters, files). */
export interface KeyValueSheet {
  readonly kind: 'key-value';
  readonly name: string;
  readonly title: string;
  readonly sections: readonly { readonly heading: string; readonly rows: readonly (readonly [string, string])[] }[];
}

/** An output before it is rendered: its title block and its sheets, for a workbook or for CSV files. */
export interface Document {
  readonly block: TitleBlock;
  readonly sheets: readonly (TableSheet | KeyValueSheet)[];
}

/**
 * A document made while some person could not be rated (`thieu-du-lieu`): every sheet's title says
 * DỰ THẢO (draft), so a year-end run before the index is published is never taken for the final one.
 */
export function asDraft(document: Document, reason: string): Document {
  return {
    ...document,
    sheets: document.sheets.map((sheet) =>
      sheet.kind === 'table'
        ? {
            ...sheet,
            title: `DỰ THẢO — ${sheet.title}`,
            subtitle: `Bản dự thảo, chưa phải bản chính thức: ${reason}. ${sheet.subtitle ?? ''}`.trim(),
          }
        : { ...sheet, title: `DỰ THẢO — ${sheet.title}` },
    ),
  };
}
