import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runYear } from '../../src/commands/year.js';
import { CONTESTED } from '../../src/rules/readings.js';
import { SAMPLE, cleanUp, docxParagraphs, dumpWorkbook, listFiles, run, tableOf, tempDir, runIn } from './run.js';

// Issue #39: `ict-eval what-if`. Each change it reports is checked against a real run with `--policy` and that value:
// the persons whose rating, sanction (or the form withheld) or rewards differ between `sanctions --json` with and
// without the value must be exactly the persons `what-if` names, from the same outcome to the same outcome.

afterAll(cleanUp);

interface Outcome {
  readonly rating: string;
  readonly sanction: string | null;
  readonly withheldSanction: string | null;
  readonly rewards: readonly string[];
}

interface SanctionsPerson extends Outcome {
  readonly unitCode: string;
  readonly name: string;
  readonly role: string;
  readonly period: { readonly from: string; readonly to: string } | null;
}

interface WhatIfPerson {
  readonly unitCode: string;
  readonly name: string;
  readonly role: string;
  readonly from: Outcome & { readonly citations: readonly string[] };
  readonly to: Outcome & { readonly citations: readonly string[] };
}

interface WhatIfReading {
  readonly parameter: string;
  readonly current: unknown;
  readonly alternative: unknown;
  readonly question: string;
  readonly persons: readonly WhatIfPerson[];
}

const outcomeOf = (p: Outcome) => ({
  rating: p.rating,
  sanction: p.sanction,
  withheldSanction: p.withheldSanction,
  rewards: [...p.rewards],
});

/** The persons of `sanctions --json` under an optional --policy file, keyed as what-if keys them. */
async function sanctionsPersons(year: number, policy?: Record<string, unknown>): Promise<Map<string, Outcome>> {
  const dir = await tempDir();
  // --json without -o writes nothing (the sample stays as it is).
  const args = ['sanctions', '--year', String(year), '-w', SAMPLE, '--json'];
  if (policy !== undefined) {
    await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
    args.push('--policy', join(dir, 'policy.json'));
  }
  const result = run(args);
  expect(result.code, result.stderr).toBe(0);
  const persons = (JSON.parse(result.stdout) as { persons: SanctionsPerson[] }).persons;
  const map = new Map<string, Outcome>();
  for (const p of persons) {
    const key = `${p.unitCode}/${p.name}/${p.role}/${p.period === null ? '' : `${p.period.from}-${p.period.to}`}`;
    expect(map.has(key), `one person per key: ${key}`).toBe(false);
    map.set(key, outcomeOf(p));
  }
  return map;
}

/**
 * The same persons from the pipeline a `--policy` run goes through (runYear with the policy file: what the command line
 * gives it), in this process: one run per reading of two years, without a process each.
 */
async function runPersons(year: number, policy?: Record<string, unknown>): Promise<Map<string, Outcome>> {
  let policyFile: string | undefined;
  if (policy !== undefined) {
    policyFile = join(await tempDir(), 'policy.json');
    await writeFile(policyFile, JSON.stringify(policy));
  }
  const run = await runYear(
    { workspace: SAMPLE, cwd: SAMPLE, ...(policyFile === undefined ? {} : { policyFile }) },
    year,
  );
  expect(run.errors).toEqual([]);
  const map = new Map<string, Outcome>();
  for (const r of run.rows) {
    const key = `${r.unitCode}/${r.name}/${r.role}/${r.period === null ? '' : `${r.period.from}-${r.period.to}`}`;
    map.set(key, {
      rating: r.rating,
      sanction: r.sanction,
      withheldSanction: r.evaluation.withheld,
      rewards: [...r.rewards],
    });
  }
  return map;
}

/** Who differs between two runs, by unit, name and role, with the outcome in each. */
function differing(now: Map<string, Outcome>, other: Map<string, Outcome>) {
  expect([...other.keys()].sort()).toEqual([...now.keys()].sort());
  return [...now]
    .filter(([key, outcome]) => JSON.stringify(outcome) !== JSON.stringify(other.get(key)))
    .map(([key, outcome]) => ({ who: key.split('/').slice(0, 3).join('/'), from: outcome, to: other.get(key) }))
    .sort((a, b) => a.who.localeCompare(b.who));
}

const named = (persons: readonly WhatIfPerson[]) =>
  persons
    .map((p) => ({ who: `${p.unitCode}/${p.name}/${p.role}`, from: outcomeOf(p.from), to: outcomeOf(p.to) }))
    .sort((a, b) => a.who.localeCompare(b.who));

describe.each([2024, 2025])('what-if on the sample, %i: every contested reading, checked against --policy', (year) => {
  let readings: WhatIfReading[];
  let baseline: Map<string, Outcome>;
  let terminal: string;
  beforeAll(async () => {
    const result = await runIn(['what-if', '--year', String(year), '-w', SAMPLE, '--json']);
    expect(result.code, result.stderr).toBe(0);
    readings = (JSON.parse(result.stdout) as { readings: WhatIfReading[] }).readings;
    baseline = await runPersons(year);
    // The pipeline's persons are those of `sanctions --json`, outcome for outcome.
    expect(baseline).toEqual(await sanctionsPersons(year));
    const text = await runIn(['what-if', '--year', String(year), '-w', SAMPLE], { env: { COLUMNS: '100' } });
    expect(text.code, text.stderr).toBe(0);
    terminal = text.stdout;
  });

  it('tries every contested parameter, each with every other value', () => {
    expect(new Set(readings.map((r) => r.parameter))).toEqual(new Set(CONTESTED));
    for (const r of readings) expect(r.alternative, r.parameter).not.toEqual(r.current);
    // groupSizeRounding has four values: three others.
    expect(readings.filter((r) => r.parameter === 'groupSizeRounding')).toHaveLength(3);
  });

  it('each reading names exactly the persons a run with --policy and that value changes, from and to the same outcomes', async () => {
    for (const reading of readings) {
      const other = await runPersons(year, { [reading.parameter]: reading.alternative });
      expect(named(reading.persons), `${reading.parameter} = ${JSON.stringify(reading.alternative)}`).toEqual(
        differing(baseline, other),
      );
    }
  }, 60_000);

  it('some readings change someone; each change gives the clauses the other outcome rests on', () => {
    const changing = readings.filter((r) => r.persons.length > 0);
    expect(changing.length).toBeGreaterThan(0);
    for (const p of changing.flatMap((r) => r.persons)) {
      expect(p.to.citations.length, p.name).toBeGreaterThan(0);
      expect(p.to.citations.every((c) => /Điều \d+/u.test(c))).toBe(true);
    }
  });

  it('the terminal shows a table per reading that changes someone, and one line for those that change nobody', () => {
    for (const r of readings.filter((x) => x.persons.length > 0)) {
      expect(terminal).toContain(`(${r.parameter}):`);
      for (const p of r.persons) expect(terminal).toContain(p.name);
    }
    const unchanged = readings.filter((x) => x.persons.length === 0);
    expect(unchanged.length).toBeGreaterThan(0);
    const line = terminal.slice(terminal.indexOf('Không ai thay đổi:')).replace(/\s+/gu, ' ');
    for (const r of unchanged) expect(line).toContain(`${r.parameter} (`);
    // The tables fit 100 columns; running text is whole lines in a pipe (as in every command), wrapped on a terminal.
    const running = (l: string) => / người thay đổi$/u.test(l) || l.startsWith('Không ai thay đổi:');
    for (const l of terminal.split('\n').filter((x) => !running(x))) expect(l.length, l).toBeLessThanOrEqual(100);
  });
});

describe('the sample says which readings matter', () => {
  it('2024: point c, deputies, part-year heads, unassessed items, information-only items, indicators, rewards without report', async () => {
    const result = await runIn(['what-if', '--year', '2024', '-w', SAMPLE, '--json']);
    const readings = (JSON.parse(result.stdout) as { readings: WhatIfReading[] }).readings;
    const count = (parameter: string) =>
      readings.filter((r) => r.parameter === parameter).reduce((n, r) => n + r.persons.length, 0);
    expect(count('pointC')).toBe(2);
    expect(count('deputyExcellence')).toBe(1);
    expect(count('partYearHeads')).toBe(2);
    expect(count('rankScope')).toBe(0);
    // The merged province's rules do not touch 2024.
    expect(count('mergedUnits')).toBe(0);
    expect(count('partYearUnits')).toBe(0);
  });

  it('2025: the units of part of the year and the merged departments', async () => {
    const result = await runIn(['what-if', '--year', '2025', '-w', SAMPLE, '--json']);
    const readings = (JSON.parse(result.stdout) as { readings: WhatIfReading[] }).readings;
    const names = (parameter: string) =>
      readings.filter((r) => r.parameter === parameter).flatMap((r) => r.persons.map((p) => p.unitCode));
    expect(names('partYearUnits').length).toBeGreaterThan(0);
    expect(names('mergedUnits').length).toBeGreaterThan(0);
  });
});

describe('what-if --policy alt.json: the configured policy against another as a whole', () => {
  it('names exactly the persons whose outcome differs under that policy, and nobody else', async () => {
    const dir = await tempDir();
    const alt = { pointC: 'either', deputyExcellence: 'assigned', rankScope: 'all', groupSizeRounding: 'ceil' };
    await writeFile(join(dir, 'alt.json'), JSON.stringify(alt));
    const result = await runIn([
      'what-if',
      '--year',
      '2024',
      '-w',
      SAMPLE,
      '--policy',
      join(dir, 'alt.json'),
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const readings = (JSON.parse(result.stdout) as { readings: WhatIfReading[] }).readings;
    expect(readings).toHaveLength(1);
    const [reading] = readings;
    expect(reading?.parameter).toBe('policy');
    expect(reading?.alternative).toEqual(alt);
    const expected = differing(await sanctionsPersons(2024), await sanctionsPersons(2024, alt));
    expect(expected.length).toBeGreaterThan(2);
    expect(named(reading?.persons ?? [])).toEqual(expected);
  });

  it('a policy file equal to the configuration changes nobody, and says so', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'same.json'), '{}');
    const result = await runIn(['what-if', '--year', '2024', '-w', SAMPLE, '--policy', join(dir, 'same.json')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Không ai thay đổi: policy');
    expect(result.stderr).toContain('1 cách hiểu khác đã thử, 0 cách làm thay đổi kết quả của 0 người');
  });

  it('a policy file with a value the schema refuses is a usage error naming the parameter', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ pointC: 'neither' }));
    const result = await runIn(['what-if', '--year', '2024', '-w', SAMPLE, '--policy', join(dir, 'bad.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pointC');
  });
});

describe('what-if -o: the workbook for the Sở’s legal officer', () => {
  it('writes out/Y/cach-doc-khac-Y.xlsx: a row per person and reading, grouped by reading, the rest named below', async () => {
    const out = await tempDir();
    const result = await runIn(['what-if', '--year', '2024', '-w', SAMPLE, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(await listFiles(out)).toContain('2024/cach-doc-khac-2024.xlsx');
    const json = await runIn(['what-if', '--year', '2024', '-w', SAMPLE, '--json']);
    const readings = (JSON.parse(json.stdout) as { readings: WhatIfReading[] }).readings;
    const dump = await dumpWorkbook(join(out, '2024/cach-doc-khac-2024.xlsx'));
    expect(Object.keys(dump)).toEqual(['Cách đọc khác', 'Cảnh báo', 'Căn cứ và tham số']);
    const table = tableOf(dump, 'Cách đọc khác');
    const changing = readings.filter((r) => r.persons.length > 0);
    expect(table.rows).toHaveLength(changing.reduce((n, r) => n + r.persons.length, 0));
    expect(table.groups).toEqual([...new Set(changing.map((r) => r.question.toUpperCase()))]);
    expect(table.rows.map((r) => r[2])).toEqual(changing.flatMap((r) => r.persons.map((p) => p.name)));
    const below = table.below.map((r) => r.join(' ')).join('\n');
    expect(below).toContain(`Tổng cộng: ${changing.length} cách hiểu làm thay đổi kết quả`);
    expect(below).toContain('Không ai thay đổi theo:');
  });

  it('without -o, what-if writes nothing and says how to', async () => {
    const result = await runIn(['what-if', '--year', '2024', '-w', SAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Không ghi tệp nào (thêm -o <thư mục> để ghi bảng tính)');
    expect(await listFiles(join(SAMPLE, 'out'))).toEqual([]);
  });
});

describe('the annual report proposes to settle each reading that changes someone (đoạn 2 Điều 19)', () => {
  it('section V has a paragraph per such reading, naming how many persons and which', async () => {
    const out = await tempDir();
    expect((await runIn(['report', '--year', '2024', '-w', SAMPLE, '-o', out, '-q'])).code).toBe(0);
    const report = await docxParagraphs(join(out, '2024/bao-cao-2024.docx'));
    const json = await runIn(['what-if', '--year', '2024', '-w', SAMPLE, '--json']);
    const changing = (JSON.parse(json.stdout) as { readings: WhatIfReading[] }).readings.filter(
      (r) => r.persons.length > 0,
    );
    const section = report.slice(report.indexOf('V. ĐỀ XUẤT, KIẾN NGHỊ'));
    const paragraphs = section.filter((p) => p.startsWith('Đề nghị UBND tỉnh quy định rõ '));
    expect(paragraphs).toHaveLength(changing.length);
    changing.forEach((r, i) => {
      const p = paragraphs[i] ?? '';
      expect(p).toContain('(đoạn 2 Điều 19)');
      expect(p).toContain(`kết quả của ${r.persons.length} người sẽ khác`);
      for (const person of r.persons) expect(p).toContain(person.name);
    });
  });
});
