import { describe, expect, it } from 'vitest';
import { BN_358_2013 } from '../../src/regulations/bn-358-2013/index.js';
import {
  blockParser,
  cleanText,
  matchKey,
  normalizeUnitCode,
  parseFlag,
  parseNumberText,
  parseRole,
  parseStatus,
} from '../../src/io/normalize.js';

describe('matching headers and values as people type them', () => {
  it.each([
    ['Mã đơn vị', 'ma don vi'],
    ['MÃ ĐƠN VỊ:', 'ma don vi'],
    ['  ma  don-vi ', 'ma don vi'],
    ['Mã đơn vị'.normalize('NFD'), 'ma don vi'],
    ['Căn cứ / ghi chú', 'can cu ghi chu'],
    ['Điểm ICT Index (thang 1)', 'diem ict index thang 1'],
  ])('the header %j is matched as %j', (text, key) => {
    expect(matchKey(text)).toBe(key);
  });

  it.each([
    ['Đạt', 'dat'],
    ['đạt', 'dat'],
    ['DAT', 'dat'],
    [' Đạt ', 'dat'],
    ['Met', 'dat'],
    ['Không đạt', 'khong-dat'],
    ['KHONG DAT', 'khong-dat'],
    ['không  đạt', 'khong-dat'],
    ['Not met', 'khong-dat'],
    ['Không áp dụng', 'khong-ap-dung'],
    ['N/A', 'khong-ap-dung'],
    ['Not applicable', 'khong-ap-dung'],
    ['Đạt yêu cầu', undefined],
    ['Tốt', undefined],
  ])('the status %j reads as %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each([
    ['Có', true],
    ['có', true],
    ['x', true],
    ['X', true],
    ['Yes', true],
    ['1', true],
    ['Không', false],
    ['No', false],
    ['0', false],
    ['-', false],
    ['—', false],
    ['Có lẽ', undefined],
    ['?', undefined],
  ])('the flag %j reads as %s', (text, flag) => {
    expect(parseFlag(text)).toBe(flag);
  });

  it.each([
    ['SBN', 'SBN'],
    ['Sở, ban, ngành', 'SBN'],
    ['sở ban ngành', 'SBN'],
    ['HUYEN', 'HUYEN'],
    ['Huyện, thị xã, thành phố', 'HUYEN'],
    ['huyen', 'HUYEN'],
    ['Xã', undefined],
  ])('the block %j reads as %s', (text, block) => {
    expect(blockParser(BN_358_2013.blocks)(text)).toBe(block);
  });

  it.each([
    ['Người đứng đầu', 'head'],
    ['NGƯỜI ĐỨNG ĐẦU', 'head'],
    ['Cấp phó được phân công', 'deputy'],
    ['Cấp phó', 'deputy'],
    ['Chuyên viên', undefined],
  ])('the role %j reads as %s', (text, role) => {
    expect(parseRole(text)).toBe(role);
  });

  it.each([
    ['85,5', 85.5],
    ['85.5', 85.5],
    [' 0,7900 ', 0.79],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['90', 90],
    ['85,5 điểm', undefined],
    ['', undefined],
    ['1,2,3', undefined],
  ])('the number written %j is %s', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it('cleans text to NFC with single spaces', () => {
    expect(cleanText('  Sở\u00a0 Y   tế '.normalize('NFD'))).toBe('Sở Y tế');
  });

  it('compares unit codes trimmed and case-folded', () => {
    expect(normalizeUnitCode(' syt ')).toBe('SYT');
    expect(normalizeUnitCode('s yt')).toBe('SYT');
  });
});
