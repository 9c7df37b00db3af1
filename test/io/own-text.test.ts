import { describe, expect, it } from 'vitest';
import { ownText } from '../../src/io/shared-strings.js';

// What ownText keeps in memory is measured by `npm run bench` (bench/retain.test.ts); here, that it keeps the text.
describe('ownText', () => {
  it('gives the same text, whatever its length or its lone surrogates', () => {
    const texts = [
      '',
      'a',
      'Sở Khoa học và Công nghệ',
      'x'.repeat(100_000),
      'mười hai chữ',
      'mười ba chữ!!',
      'a\ud800b',
    ];
    for (const text of [...texts, `${'Đ'.repeat(20)}\udc00`]) expect(ownText(text)).toBe(text);
  });
});
