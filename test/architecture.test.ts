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
