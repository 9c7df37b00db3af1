#!/usr/bin/env node
// npm run build: compiles src/ to dist/ with tsc (type-checked; the modules the benchmarks and some tests import), then
// bundles the two programs Node starts — dist/cli.js and the reader thread dist/read-worker.js — with esbuild.
//
// Why the bundle: Node loads an ES module file by file, and a `sanctions` run opened some 200 of them (zod alone 99)
// before reading a cell. Bundled, the code each command needs is a few files: the province sample's `sanctions`
// 0.93 → 0.86 s (median of 8 alternating runs), `--version` likewise. Commands stay loaded on demand (each is a
// chunk), and the CommonJS packages (exceljs, docx, yauzl, saxes, commander) stay outside the bundle, loaded as before.
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
  external: ['exceljs', 'exceljs/*', 'docx', 'docx/*', 'yauzl', 'saxes', 'commander'],
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});

chmodSync(`${dist}/cli.js`, 0o755);
