import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Set once the binary is built in this process: the setup runs for each test project, the build once. */
const BUILT = Symbol.for('ict-eval.test.built');

/**
 * The end-to-end tests run the built binary: build it once, from the current sources, as `npm run build` does (tsc,
 * then the bundle of dist/cli.js and dist/read-worker.js; the binary stays runnable by `npx ict-eval`).
 */
export default function setup(): void {
  const state = globalThis as Record<symbol, unknown>;
  if (state[BUILT] === true) return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  state[BUILT] = true;
}
