import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
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

/** The source files a file imports (relative imports, types included), as paths from the root. */
function importsOf(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gu)].map((m) => m[1] ?? '');
  const dynamic = [...text.matchAll(/import\('(\.[^']+)'\)/gu)].map((m) => m[1] ?? '');
  return [...found, ...dynamic].map((spec) => normalize(join(dirname(path), spec.replace(/\.js$/u, '.ts'))));
}

/** Which layers a layer may not import (issue #37: read → decide → write, data never goes back up). */
const FORBIDDEN_LAYERS: Readonly<Record<string, readonly string[]>> = {
  'src/rules/': ['src/io/', 'src/report/', 'src/pipeline/', 'src/commands/'],
  'src/regulations/': ['src/io/', 'src/report/', 'src/pipeline/', 'src/commands/'],
  'src/io/': ['src/report/', 'src/pipeline/', 'src/commands/'],
  'src/pipeline/': ['src/report/', 'src/commands/'],
  'src/report/': ['src/io/', 'src/commands/'],
};

describe('the shape: read → decide → write (issue #37)', () => {
  const all = sources();

  it.each(Object.entries(FORBIDDEN_LAYERS))('%s imports nothing from %s', (layer, forbidden) => {
    const offenders = all
      .filter((path) => path.startsWith(layer))
      .flatMap((path) =>
        importsOf(path)
          .filter((to) => forbidden.some((f) => to.startsWith(f)))
          .map((to) => `${path} → ${to}`),
      );
    expect(offenders).toEqual([]);
  });

  it('no import circle', () => {
    const graph = new Map(all.map((path) => [path, importsOf(path).filter((to) => all.includes(to))]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (path: string, trail: string[]) => {
      if (state.get(path) === 'done') return;
      if (state.get(path) === 'open') {
        circles.push([...trail.slice(trail.indexOf(path)), path].join(' → '));
        return;
      }
      state.set(path, 'open');
      for (const to of graph.get(path) ?? []) visit(to, [...trail, path]);
      state.set(path, 'done');
    };
    for (const path of all) visit(path, []);
    expect(circles).toEqual([]);
  });

  it('no source file over 500 lines', () => {
    const long = all.filter((path) => readFileSync(join(ROOT, path), 'utf8').split('\n').length > 500);
    expect(long).toEqual([]);
  });

  it('the checks see the imports (a known edge is found)', () => {
    expect(importsOf('src/pipeline/year.ts')).toContain('src/pipeline/compact.ts');
    expect(importsOf('src/rules/evaluate.ts')).toContain('src/rules/sections.ts');
  });
});
