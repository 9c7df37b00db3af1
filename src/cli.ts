#!/usr/bin/env node
import type { Console } from './commands/context.js';
import { debugLine } from './debug.js';
import { EXIT } from './errors.js';
import { limitHeapGrowth } from './heap.js';
import { main } from './program.js';

// Before anything is read: the heap grows less far past its live data (src/heap.ts), here and in the reader threads.
const heap = limitHeapGrowth();
debugLine(
  'memory',
  `the heap grows at most ${heap.percent}% past its live data (--heap-growing-percent, ${heap.ours ? 'set by ict-eval' : "node's own option"})`,
);

// A reader that closes the pipe early (`ict-eval check | head -1`) is not a failure: the rest of the
// output is dropped and the program ends quietly with 0 (product.md, exit codes).
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const write = (stream: NodeJS.WriteStream) => (text: string) => {
  if (!closed.has(stream)) stream.write(text);
};

const processConsole: Console = {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  // undefined when the stream is a pipe or a file, despite their types.
  isTTY: process.stdout.isTTY,
  stderrIsTTY: process.stderr.isTTY,
  columns: process.stdout.columns,
  env: process.env,
  cwd: process.cwd(),
};

main(process.argv.slice(2), processConsole).then(
  (code) => {
    process.exitCode = closed.size > 0 ? EXIT.ok : code;
  },
  (error: unknown) => {
    if (closed.size > 0) return;
    process.stderr.write(`ict-eval: ${String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
