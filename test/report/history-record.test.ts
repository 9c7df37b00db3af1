import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { type HistoryRecord, canonicalPieces } from '../../src/report/content/history.js';
import { runYear } from '../../src/commands/year.js';
import { historyRecord } from '../../src/report/content/history.js';
import { SAMPLE } from '../e2e/run.js';
import { holdRecord } from '../../src/commands/history.js';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The record's text as a run writes it, from its pieces, and its name: the first 16 hex digits of its SHA-256. */
function sealRecord(record: HistoryRecord): { bytes: Buffer; digest: string } {
  const bytes = Buffer.concat([...canonicalPieces(record)]);
  return { bytes, digest: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}

/** The record's text as first defined: a copy with every object's keys sorted, then JSON.stringify of the whole. */
function reference(record: HistoryRecord): Buffer {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
    }
    return value;
  };
  return Buffer.from(`${JSON.stringify(canonical(record), null, 2)}\n`);
}

// Text JSON escapes or writes two bytes a character, and the marker the persons are spliced in at.
const text = fc.oneof(
  fc.string(),
  fc.constantFrom('Nguyễn Văn Ánh', 'dòng 1\ndòng 2', '"trích"\\', '\u0000persons', '    ', 'Trần 𝔸'),
);
const status = fc.constantFrom('dat', 'khong-dat', 'khong-ap-dung', null);
const person = fc.record({
  key: text,
  unitCode: text,
  unitName: text,
  name: text,
  role: text,
  rating: text,
  rewards: fc.array(text, { maxLength: 3 }),
  sanction: fc.option(text),
  reviewReasons: fc.array(text, { maxLength: 2 }),
  citations: fc.array(text, { maxLength: 3 }),
  facts: fc.record({
    items: fc.dictionary(fc.constantFrom('1.1', '1.10', '1.2', '2.1', '4.6', 'z', 'A'), status),
    score: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
    rank: fc.option(fc.integer()),
    top: fc.option(fc.boolean()),
    bottom: fc.option(fc.boolean()),
    bottomPrevious: fc.option(fc.boolean()),
    slow: fc.boolean(),
    reviewDemanded: fc.boolean(),
    violatedSections: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }),
  }),
});
// A person's keys in order at the top only (facts and items as they came), or in order all through, as historyRecord
// makes them: those are written with no replacer, and only the second may be.
const topInOrder = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
const people = fc.oneof(
  person,
  person.map(topInOrder),
  person.map((p) => topInOrder({ ...p, facts: topInOrder(p.facts) })),
);
const record = fc.record({
  format: fc.constant('ict-eval/lich-su@1' as const),
  year: fc.integer({ min: 2000, max: 2100 }),
  regulation: text,
  toolVersion: text,
  inputs: fc.array(fc.record({ path: text, sha256: text }), { maxLength: 3 }),
  policy: fc.dictionary(text, fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 2 }), fc.boolean())),
  persons: fc.array(people, { maxLength: 6 }),
});

describe('the history record’s bytes (canonicalPieces, made a person at a time)', () => {
  it('are the same for records of many persons (520–1 100), in order or not', () => {
    fc.assert(
      fc.property(
        record,
        fc.array(people, { minLength: 520, maxLength: 1100 }),
        fc.boolean(),
        (r, many, allInOrder) => {
          const persons = allInOrder ? many.map((p) => topInOrder({ ...p, facts: topInOrder(p.facts) })) : many;
          const big = { ...r, persons };
          expect(sealRecord(big).bytes.equals(reference(big))).toBe(true);
        },
      ),
      // No shrinking of a thousand persons on failure: the first counterexample is reported as found.
      { numRuns: 12, endOnFailure: true },
    );
  });

  it('are those of JSON.stringify of the whole record with sorted keys, for any record', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(sealRecord(r).bytes.equals(reference(r))).toBe(true);
      }),
      {
        numRuns: 400,
        // Found by a run's own seed: a key "__proto__" (own, as JSON.parse or fromEntries make it), out of order.
        examples: [
          [
            {
              format: 'ict-eval/lich-su@1' as const,
              year: 2000,
              regulation: '',
              toolVersion: '',
              inputs: [],
              policy: Object.fromEntries([
                ['__proto__', ''],
                ['', ''],
              ]),
              persons: [],
            },
          ],
        ],
      },
    );
  });

  it('keep each item’s status under its code, in the checklist’s order, a code "__proto__" too', async () => {
    const run = await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024);
    const row = run.rows.find((r) => r.evaluation.unit.assessment.items.length > 2);
    if (row === undefined) throw new Error('the sample has no unit with items');
    const items = row.evaluation.unit.assessment.items;
    const first = items[0];
    if (first === undefined) throw new Error('no item');
    // The same unit, its first item coded "__proto__" (an assignment of that key would set the prototype instead).
    const odd = [
      { ...first, item: { ...first.item, code: '__proto__' }, status: 'khong-dat' as const },
      ...items.slice(1),
    ];
    const unit = { ...row.evaluation.unit, assessment: { ...row.evaluation.unit.assessment, items: odd } };
    const rows = [row, { ...row, evaluation: { ...row.evaluation, unit } }];
    const r = historyRecord(2024, rows, run.policy, run.loaded.files, 'test');
    const [plain, proto] = r.persons.map((p) => p.facts.items);
    expect(plain).toEqual(Object.fromEntries(items.map((item) => [item.item.code, item.status])));
    expect(Object.keys(plain ?? {})).toEqual(items.map((item) => item.item.code));
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto ?? {})).toEqual(odd.map((item) => item.item.code));
    expect(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value).toBe('khong-dat');
    expect(sealRecord(r).bytes.toString()).toContain('"__proto__": "khong-dat"');
  });

  it('are those of the sample year’s record, and its digest is the SHA-256 of them', async () => {
    const run = await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024);
    const r = historyRecord(2024, run.rows, run.policy, run.loaded.files, 'test');
    const sealed = sealRecord(r);
    expect(r.persons.length).toBeGreaterThan(30);
    expect(sealed.bytes.equals(reference(r))).toBe(true);
    const held = await holdRecord(r);
    expect(held.digest).toBe(createHash('sha256').update(sealed.bytes).digest('hex').slice(0, 16));
    await held.release();
  });
});

describe('a held record (holdRecord, hashed and written to a temporary file a megabyte at a time)', () => {
  it('has the SHA-256 digest of the canonical bytes, and its file holds them, for any record', async () => {
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const held = await holdRecord(r);
        const sealed = sealRecord(r);
        expect(held.digest).toBe(sealed.digest);
        expect((await readFile(held.path)).equals(sealed.bytes)).toBe(true);
        await held.release();
      }),
      { numRuns: 100 },
    );
  });

  it('the same for a record of several megabytes (the sample year\u2019s persons, many times over)', async () => {
    const run = await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024);
    const one = historyRecord(2024, run.rows, run.policy, run.loaded.files, 'test');
    const persons = Array.from({ length: 400 }, (_, i) => one.persons.map((p) => ({ ...p, key: `${p.key}|${i}` })));
    const r: HistoryRecord = { ...one, persons: persons.flat() };
    const sealed = sealRecord(r);
    expect(sealed.bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    const held = await holdRecord(r);
    expect(held.digest).toBe(sealed.digest);
    expect((await readFile(held.path)).equals(sealed.bytes)).toBe(true);
    await held.release();
  });

  it('is removed by release, with its folder, and a second release does nothing', async () => {
    const run = await runYear({ workspace: SAMPLE, cwd: SAMPLE }, 2024);
    const held = await holdRecord(historyRecord(2024, run.rows, run.policy, run.loaded.files, 'test'));
    expect((await stat(held.path)).size).toBeGreaterThan(1000);
    await held.release();
    await expect(stat(held.path)).rejects.toThrow(/ENOENT/u);
    await expect(stat(join(held.path, '..'))).rejects.toThrow(/ENOENT/u);
    await held.release();
  });
});
