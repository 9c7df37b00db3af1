// The modules of exceljs 4.4 that src/report/render/exceljs.ts imports one by one (exceljs declares only its index).

declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}

declare module 'exceljs/lib/doc/workbook.js' {
  import type ExcelJS from 'exceljs';
  const Workbook: typeof ExcelJS.Workbook;
  export default Workbook;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlEncode: (text: string) => string };
  export default utils;
}
