import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookClass, workbookWriter } from '../../src/report/render/exceljs.js';

describe('the parts of exceljs loaded by their own modules', () => {
  it('are the very classes exceljs exports (a version that moves them fails here)', () => {
    expect(workbookWriter()).toBe(ExcelJS.stream.xlsx.WorkbookWriter);
    expect(workbookClass()).toBe(ExcelJS.Workbook);
  });
});
