import { describe, expect, it } from 'vitest';
import { headingLines } from '../../src/report/render/docx.js';
import { attachedLine, symbolOf } from '../../src/report/content/title.js';

/** The frame's left column, less the cells' margins, in twips: what the report's heading block gives the body's name. */
const COLUMN = Math.round(165 * 56.7 * 0.38) - 216;

describe('Nghị định 30/2020/NĐ-CP: the issuing body, its number line and the attachments', () => {
  it('sets a long body on two lines broken between words where the two are alike, before "VÀ"', () => {
    expect(headingLines('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 12, COLUMN)).toEqual(['SỞ THÔNG TIN', 'VÀ TRUYỀN THÔNG']);
    expect(headingLines('SỞ KHOA HỌC VÀ CÔNG NGHỆ', 12, COLUMN)).toEqual(['SỞ KHOA HỌC', 'VÀ CÔNG NGHỆ']);
    expect(headingLines('SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', 12, COLUMN)).toEqual([
      'SỞ NÔNG NGHIỆP',
      'VÀ PHÁT TRIỂN NÔNG THÔN',
    ]);
    // One that fits stays whole; none ends on a lone word.
    expect(headingLines('SỞ TÀI CHÍNH', 12, COLUMN)).toEqual(['SỞ TÀI CHÍNH']);
    for (const name of ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH'])
      for (const part of headingLines(name, 12, COLUMN)) expect(part.split(' ').length).toBeGreaterThan(1);
  });

  it("abbreviates the body as offices write it, the configuration's word replacing it", () => {
    expect(symbolOf('SỞ THÔNG TIN VÀ TRUYỀN THÔNG')).toBe('STTTT');
    expect(symbolOf('SỞ KHOA HỌC VÀ CÔNG NGHỆ')).toBe('SKHCN');
    expect(symbolOf('Sở Giáo dục và Đào tạo')).toBe('SGDĐT');
  });

  it('writes "(Kèm theo …)" with the number and the date blank to fill, or the day of signing', () => {
    const block = { departmentName: 'Sở Khoa học và Công nghệ' };
    expect(attachedLine(block, 'Báo cáo', '……/BC-SKHCN')).toBe(
      'Báo cáo số ……/BC-SKHCN ngày …… tháng …… năm …… của Sở Khoa học và Công nghệ',
    );
    expect(attachedLine({ ...block, signedOn: '2026-01-05' }, 'Công văn', '……/SKHCN-CNTT')).toBe(
      'Công văn số ……/SKHCN-CNTT ngày 05 tháng 01 năm 2026 của Sở Khoa học và Công nghệ',
    );
  });
});
