import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The end-to-end tests run the built binary: build it once, from the current sources. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // As `npm run build` does: the binary stays runnable by `npx ict-eval` after the tests rebuilt it.
  chmodSync(`${root}/dist/cli.js`, 0o755);
}
