import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE, cleanUp, listFiles, run, tempDir } from '../e2e/run.js';

// Issue 13: init and template wrote overlapping validation ranges (C2:C500 with C10:C500), which Excel may
// "repair" on opening. No two validations of a sheet may share a cell.
afterAll(cleanUp);

interface Box {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A column's number from its letters (ASCII A–Z only): AA → 27. */
function column(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

function box(ref: string): Box {
  const [from = '', to = from] = ref.split(':');
  const a = /^([A-Z]+)(\d+)$/u.exec(from);
  const b = /^([A-Z]+)(\d+)$/u.exec(to);
  if (a === null || b === null) throw new Error(`not a range: ${ref}`);
  return {
    ref,
    top: Number(a[2]),
    left: column(a[1] ?? ''),
    bottom: Number(b[2]),
    right: column(b[1] ?? ''),
  };
}

const overlap = (p: Box, q: Box) => p.left <= q.right && q.left <= p.right && p.top <= q.bottom && q.top <= p.bottom;

/** For each sheet of a workbook, the validation ranges (`sqref` may list several, space-separated). */
async function validations(path: string): Promise<Map<string, Box[]>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const result = new Map<string, Box[]>();
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n))) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    const refs = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/gu)].flatMap((m) => (m[1] ?? '').split(' '));
    result.set(name, refs.map(box));
  }
  return result;
}

describe('no two validations of a sheet overlap', () => {
  it('the blank inputs of init, every self-report template and the assessment sheet', async () => {
    const ws = join(await tempDir(), 'ws');
    expect(run(['init', ws, '--year', '2024', '-q']).code).toBe(0);
    const out = await tempDir();
    expect(run(['template', '--year', '2024', '-w', SAMPLE, '-o', out, '-q']).code).toBe(0);
    expect(run(['template', '--year', '2024', '-w', SAMPLE, '-o', out, '-q', '--assessment']).code).toBe(0);
    const files = [
      ...(await listFiles(join(ws, '2024'))).map((f) => join(ws, '2024', f)),
      ...(await listFiles(out)).map((f) => join(out, f)),
    ];
    expect(files.length).toBe(4 + 31 + 1);
    let ranges = 0;
    for (const file of files) {
      for (const [sheet, boxes] of await validations(file)) {
        ranges += boxes.length;
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const [p, q] = [boxes[i], boxes[j]];
            if (p !== undefined && q !== undefined)
              expect(overlap(p, q), `${file} ${sheet}: ${p.ref} and ${q.ref}`).toBe(false);
          }
      }
    }
    // The drop-downs are there: units 4, scores 1, follow-up 3, one per template, 22 items of the assessment.
    expect(ranges).toBe(4 + 1 + 3 + 31 + 22);
  });

  it('finds an overlap when there is one (the check itself works)', () => {
    expect(overlap(box('C2:C500'), box('C10:C500'))).toBe(true);
    expect(overlap(box('C2:C500'), box('D2:D500'))).toBe(false);
    expect(overlap(box('E2'), box('E2:E23'))).toBe(true);
  });
});
