import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workbookClass, workbookWriter, xmlEncoder } from '../../src/report/render/exceljs.js';

describe('the parts of exceljs loaded by their own modules', () => {
  it('are the very classes exceljs exports (a version that moves them fails here)', async () => {
    expect(await workbookWriter()).toBe(ExcelJS.stream.xlsx.WorkbookWriter);
    expect(await workbookClass()).toBe(ExcelJS.Workbook);
  });

  it('the XML escaping is exceljs’s: entities, and the control characters XML forbids left out', async () => {
    const encode = await xmlEncoder();
    expect(encode(`<a href="x">&'\u0001\u0008\u000b\u001f\u007f</a>\ttab\nline`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;\ttab\nline',
    );
  });
});
