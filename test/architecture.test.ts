import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './e2e/run.js';

/** Every TypeScript source file under src/, relative to the root. */
function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/** The code of a file without its comments (a comment may cite an article as an example). */
function code(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//gu, '')
    .replace(/^\s*\/\/.*$/gmu, '');
}

// What only a regulation module may name (style.md §8): an article, a clause, a block, a share.
const FORBIDDEN: readonly [string, RegExp][] = [
  ['an article', /Điều \d/u],
  ['a clause', /khoản \d/u],
  ['a block of QĐ 358/2013', /['"`](SBN|HUYEN)['"`]/u],
  ['the decision', /358\/2013/u],
  ['a fixed group share', /\b(20|15)%/u],
  ['the number of checklist items', /\b22 (tiêu chí|items)/u],
];

describe('the regulation is one module', () => {
  const outside = sources().filter((path) => !path.startsWith('src/regulations/'));

  it.each(FORBIDDEN)('no source outside src/regulations/ names %s', (_what, pattern) => {
    const offenders = outside.filter((path) => pattern.test(code(path)));
    expect(offenders).toEqual([]);
  });

  it('finds the sources it checks', () => {
    expect(outside.length).toBeGreaterThan(30);
    expect(outside).toContain('src/rules/sanctions.ts');
  });
});

/** Every file of the project that runs or tests something: sources, tests, scripts, the CI script and the config. */
function projectFiles(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', '.git', 'fixtures', 'coverage'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return projectFiles(path);
    return /\.(ts|mjs|js|cjs|py|sh|json)$|^run$/u.test(entry.name) ? [relative(ROOT, path)] : [];
  });
}

describe('the project stands alone (a user’s clone has nothing beside it)', () => {
  it('no source, test, script or CI step reads outside the repository', () => {
    const files = projectFiles().filter((path) => !path.endsWith('package-lock.json'));
    expect(files).toContain('.ci/run');
    expect(files).toContain('test/rules/checklist.test.ts');
    // Built from parts, so that this file does not name the folder it looks for.
    const outside = new RegExp(['\\.\\./', 'shared'].join('') + '|' + ['shared', '/(seeds|spec)'].join(''), 'u');
    const offenders = files.filter((path) => outside.test(code(path).replace(/^\s*#.*$/gmu, '')));
    expect(offenders).toEqual([]);
  });

  it('the law text the tests check against is in the repository, beside its module', () => {
    const law = readFileSync(join(ROOT, 'src/regulations/bn-358-2013/law.txt'), 'utf8');
    expect(law).toContain('Điều 17. Xử lý trách nhiệm');
    expect(law).toContain('Quyết định số 358/2013/QĐ-UBND ngày 30 tháng 9 năm 2013');
  });
});
