import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Cell } from '../../src/io/cells.js';
import {
  blockField,
  compiledRow,
  dateField,
  flagField,
  inIndexField,
  itemCodeField,
  kindField,
  previousCodesField,
  rankField,
  requiredTextField,
  roleField,
  scoreField,
  sectionsField,
  statusField,
  textField,
  unitCodeField,
} from '../../src/io/fields.js';
import { cleanText, isBlankText, normalizeUnitCode } from '../../src/io/normalize.js';
import { resolvePolicy } from '../../src/rules/policy.js';

// Issue 15: rows are converted by converters compiled from their zod schema, not by a zod parse per row. The schema
// stays the definition: the compiled form must give zod's values, and zod's issues in zod's order.

const policy = resolvePolicy(2024);
const row = z.object({
  unitCode: unitCodeField,
  unitName: requiredTextField({ vi: 'tên đơn vị', en: 'the unit name' }),
  block: blockField(policy.blocks),
  kind: kindField(policy.regulation.unitKinds),
  role: roleField,
  from: dateField,
  sections: sectionsField(policy.regulation.sections.map((s) => s.number)),
  inIndex: inIndexField,
  previousCodes: previousCodesField,
  itemCode: itemCodeField,
  status: statusField,
  flag: flagField,
  score: scoreField,
  rank: rankField,
  note: textField,
});
const keys = Object.keys(row.shape);

/** Cells as offices write them: right, wrong, blank, numbers, dates, booleans, formulas without result, errors. */
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    '',
    '  ',
    'SYT',
    ' syt ',
    'Sở Y tế',
    'SBN',
    'Khối huyện',
    'Người đứng đầu',
    'Cấp phó',
    'Đạt',
    'Không đạt',
    'Không áp dụng',
    'x',
    'Có',
    'Không',
    '1.1',
    '4.7',
    '9.9',
    '1, 2',
    'Tất cả',
    '0,71',
    '71%',
    'Không xếp hạng',
    '01/02/2024',
    '2024-13-40',
    'HLT; HGB',
    'Sở\u00adY tế',
    'S\u0422C',
  ),
  fc.double({ noNaN: true, min: -5, max: 200 }),
  fc.integer({ min: -3, max: 30 }),
  fc.boolean(),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
  fc.constant({ bad: 'formula-without-result', detail: '=A1*2' } as const),
  fc.constant({ bad: 'error-value', detail: '#DIV/0!' } as const),
);

describe('compiled row converters', () => {
  it('are built for a z.object of cell fields, and not for anything else', () => {
    expect(compiledRow(row)?.map(([key]) => key)).toEqual(keys);
    expect(compiledRow(z.object({ a: z.string() }))).toBeUndefined();
  });

  it('give zod’s value for a valid row', () => {
    const compiled = compiledRow(row) ?? [];
    const input: Record<string, Cell> = {
      unitCode: ' syt ',
      unitName: 'Sở  Y tế',
      block: 'SBN',
      kind: null,
      role: 'Người đứng đầu',
      from: new Date(Date.UTC(2024, 0, 2)),
      sections: '1, 2',
      inIndex: 'Có',
      previousCodes: 'HLT; HGB',
      itemCode: '1.1',
      status: 'Không đạt',
      flag: 'x',
      score: '0,71',
      rank: 3,
      note: 'Ghi\u00a0chú',
    };
    const parsed = row.safeParse(input);
    expect(parsed.success).toBe(true);
    const values = Object.fromEntries(
      compiled.map(([key, convert]) => {
        const converted = convert(input[key]);
        return [key, 'ok' in converted ? converted.ok : converted.error];
      }),
    );
    expect(values).toEqual(parsed.data);
  });

  it('give zod’s value, or zod’s issues in zod’s order, for any row', () => {
    const compiled = compiledRow(row);
    if (compiled === undefined) throw new Error('not compiled');
    fc.assert(
      fc.property(fc.array(cell, { minLength: keys.length, maxLength: keys.length }), (cells) => {
        const input = Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? null]));
        const parsed = row.safeParse(input);
        const values: Record<string, unknown> = {};
        const issues: [string, string, string][] = [];
        for (const [key, convert] of compiled) {
          const converted = convert(input[key]);
          if ('ok' in converted) values[key] = converted.ok;
          else issues.push([key, converted.error.vi, converted.error.en]);
        }
        if (parsed.success) {
          expect(issues).toEqual([]);
          expect(values).toEqual(parsed.data);
        } else {
          expect(issues).toEqual(
            parsed.error.issues.map((issue): [string, string, unknown] => [
              String(issue.path[0]),
              issue.message,
              issue.code === 'custom' ? (issue.params?.en as unknown) : undefined,
            ]),
          );
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });
});

describe('the quick paths of codes (issue #38) give what the cleaning gives', () => {
  // Codes as typed: digits, dots, commas, letters of both cases, spaces of every kind, Vietnamese letters.
  const pieces = [
    '1',
    '4',
    '10',
    '.',
    ',',
    ' ',
    '\u00a0',
    '\t',
    'a',
    'B',
    'z',
    'Đ',
    'ư',
    '-',
    '_',
    '`',
    '{',
    '~',
    '\u200b',
  ];
  const code = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

  it('a unit code: trimmed, NFC, no spaces, upper case', () => {
    fc.assert(
      fc.property(fc.oneof(code, fc.string({ unit: 'binary-ascii', maxLength: 8 })), (text) => {
        expect(normalizeUnitCode(text)).toBe(cleanText(text).replace(/\s+/gu, '').toUpperCase());
      }),
      { numRuns: 3000 },
    );
  });

  it('an item code: no spaces, a decimal comma read as a point, no final point', () => {
    const convert = compiledRow(z.object({ itemCode: itemCodeField }))?.[0]?.[1];
    if (convert === undefined) throw new Error('not compiled');
    fc.assert(
      fc.property(code, (text) => {
        const expected = isBlankText(text)
          ? undefined
          : cleanText(text).replace(/\s+/gu, '').replace(',', '.').replace(/\.$/u, '');
        const converted = convert(text);
        expect('ok' in converted ? converted.ok : undefined).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
