import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/run.js';

/**
 * Law beside code (issue #37, Catala's way): each module of an article's rule opens with the article's words, quoted
 * line by line (` * > `), and names its tests. The quotes are the law's own: each quoted passage is in the published text
 * (src/regulations/bn-358-2013/law.txt), word for word, so a module's words cannot drift from the law.
 */
const law = readFileSync(join(ROOT, 'src/regulations/bn-358-2013/law.txt'), 'utf8');
const squeeze = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** A module's quoted passages: runs of ` * > ` lines, each run one passage (a line of the law may wrap in the code). */
function quotes(source: string): string[] {
  const passages: string[] = [];
  let current: string[] = [];
  for (const line of source.split('\n')) {
    const m = /^ \* > ?(.*)$/u.exec(line);
    if (m !== null) current.push(m[1] ?? '');
    else if (current.length > 0) {
      passages.push(current.join(' '));
      current = [];
    }
  }
  return passages;
}

/** A passage's lines as the law numbers them: "1. …", "a. …", "Điều 15. …" start a new line of the law. */
const lawLines = (passage: string) =>
  passage
    .split(/ (?=(?:\d+\.|[a-đ]\.|Điều \d+\.) )/u)
    .map(squeeze)
    .filter((l) => l !== '');

const MODULES: Record<string, { article: string; tests: string[] }> = {
  'src/rules/persons.ts': { article: 'Điều 2. Đối tượng áp dụng', tests: ['test/rules/persons.test.ts'] },
  'src/rules/rating.ts': {
    article: 'Điều 15. Đánh giá trách nhiệm người đứng đầu',
    tests: ['test/rules/rating.test.ts'],
  },
  'src/rules/rewards.ts': { article: 'Điều 16. Khen thưởng', tests: ['test/rules/rating.test.ts'] },
  'src/rules/sanctions.ts': { article: 'c. Cảnh cáo:', tests: ['test/rules/sanctions.test.ts'] },
  'src/rules/sections.ts': { article: '2. Sở Thông tin và Truyền thông', tests: ['test/rules/sections.test.ts'] },
};

describe("each article's rule opens with the article's words and names its tests", () => {
  for (const [path, { article, tests }] of Object.entries(MODULES))
    it(path, () => {
      const source = readFileSync(join(ROOT, path), 'utf8');
      const passages = quotes(source);
      expect(passages.join(' ')).toContain(article);
      for (const line of passages.flatMap(lawLines)) expect(squeeze(law), line).toContain(line);
      for (const test of tests) {
        expect(source).toContain(test);
        expect(existsSync(join(ROOT, test)), test).toBe(true);
      }
    });

  it('a quote that is not the law fails (the check itself)', () => {
    const made = quotes(' * > Điều 15. Đánh giá trách nhiệm người đứng đầu\n * > 4. Hoàn thành một phần.\n */');
    expect(made.flatMap(lawLines).filter((line) => !squeeze(law).includes(line))).toEqual(['4. Hoàn thành một phần.']);
  });
});
