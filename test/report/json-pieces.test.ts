import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/report/render/json.js';
import { writePieces } from '../../src/report/render/terminal.js';

const whole = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('jsonPieces: what --json prints, a member and an element at a time, the bytes of JSON.stringify', () => {
  it('joins to JSON.stringify(value, null, 2) and a newline for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...jsonPieces(value)].join('')).toBe(whole(value));
      }),
      { numRuns: 400 },
    );
  });

  it('for objects of arrays with what JSON leaves out or writes as null, and texts with newlines and quotes', () => {
    const member = fc.oneof(
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.string(),
      fc.constantFrom('dòng 1\ndòng 2', '"trích"', '\u0000', '\u2028'),
      fc.integer(),
      fc.double(),
      fc.constant(new Date(0)),
      fc.object(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(member, fc.array(member), fc.array(fc.array(member)))),
        (value) => {
          expect([...jsonPieces(value)].join('')).toBe(whole(value));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives each element of a large array its own piece, and writePieces sends them in some 64K pieces', () => {
    const persons = Array.from({ length: 5000 }, (_, i) => ({
      name: `Nguyễn Văn ${i}`,
      citations: ['khoản 3 Điều 15'],
    }));
    const value = { year: 2024, persons, problems: [] };
    const pieces = [...jsonPieces(value)];
    expect(pieces.length).toBeGreaterThan(5000);
    const sent: string[] = [];
    writePieces((text) => sent.push(text), pieces);
    expect(sent.join('')).toBe(whole(value));
    expect(sent.length).toBeGreaterThan(5);
    for (const text of sent) expect(text.length).toBeLessThan(64 * 1024 + 200);
  });
});
