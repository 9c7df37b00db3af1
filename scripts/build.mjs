#!/usr/bin/env node
// npm run build: compiles src/ to dist/ with tsc (type-checked; the modules the benchmarks and some tests import), then
// bundles the two programs Node starts — dist/cli.js and the reader thread dist/read-worker.js — with esbuild.
//
// Why the bundle: Node loads a module file by file, and a province `sanctions` run opened 362 of them: some 200 ES
// modules before reading a cell (zod alone 99), then 270 for exceljs's streaming writer. Bundled, the code each command
// needs is a few files (131 opened by a province run, with archiver-utils below): province `sanctions` 0.98 → 0.81 s,
// wall median of 12 alternating runs. What is loaded late stays so: each command, and each part of exceljs or docx, is
// a chunk imported when first needed.
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});

// Chunks of an earlier bundle: their names change with their content.
for (const name of readdirSync(dist)) if (/^chunk-.*\.js(\.map)?$/u.test(name)) rmSync(`${dist}/${name}`);

await build({
  // From tsc's output, so that the bundle runs the JavaScript tsc checked and emitted (its source maps lead to src/).
  entryPoints: { cli: `${dist}/cli.js`, 'read-worker': `${dist}/io/read-worker.js` },
  outdir: dist,
  allowOverwrite: true,
  // All bundled files sit in dist/ itself: `new URL('./read-worker.js', import.meta.url)` (src/io/pool.ts) and
  // `new URL('../package.json', import.meta.url)` (src/version.ts) resolve from any of them.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // archiver-utils (under exceljs's writer, through archiver) calls the deprecated `new Buffer()`. Node warns of it
  // only when the caller is outside node_modules: bundled, every run printed a DeprecationWarning. Left where it is,
  // with the packages it requires (test/e2e/run.ts fails any run that prints a warning of Node's).
  external: ['archiver-utils'],
  // The CommonJS packages bundled (exceljs, yauzl, saxes, commander…) require Node's own modules: esbuild leaves those
  // calls to a `require`, which an ES module does not have.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});

chmodSync(`${dist}/cli.js`, 0o755);
