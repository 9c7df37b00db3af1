import fc from 'fast-check';

/**
 * Texts as the documents' cells hold them, and what XML must escape or leave out: names, citations, entities, quotes,
 * line ends, the control characters XML forbids, a non-character, an emoji and a lone surrogate; `more` adds what a
 * test needs beside them (a template's marker, what looks like a formula).
 */
export function hostileText(more: readonly string[] = [], pieces = 5): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'Nguyễn Văn An',
          'Sở Y tế',
          'điểm a khoản 1 Điều 17',
          '',
          ' ',
          '&',
          '&amp;',
          '<b>',
          '"x"',
          "'",
          '>',
          '\n',
          '\r\n',
          '\t',
          '\u0000',
          '\u0001',
          '\u000b',
          '\u001f',
          '\u007f',
          '\ufffe',
          '😀',
          '\ud800',
          ']]>',
          ...more,
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: pieces },
    )
    .map((parts) => parts.join(''));
}
