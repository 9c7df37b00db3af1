import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The end-to-end tests run the built binary: build it once, from the current sources, as `npm run build` does (tsc,
 * then the bundle of dist/cli.js and dist/read-worker.js; the binary stays runnable by `npx ict-eval`).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}
