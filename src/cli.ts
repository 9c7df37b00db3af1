#!/usr/bin/env node
import type { Console } from './commands/context.js';
import { debugLine } from './debug.js';
import { EXIT } from './errors.js';
import { limitInlining } from './compiler.js';
import { capYoungGeneration, limitHeapGrowth } from './heap.js';
import { main } from './program.js';

// Before anything is read: the heap grows less far past its live data (src/heap.ts), here and in the reader threads.
const heap = limitHeapGrowth();
debugLine(
  'memory',
  heap.ours
    ? `the heap grows ${heap.percent}% past its live data, or as far as the young generation's size when that is more (--heap-growing-percent, set by ict-eval)`
    : `the heap grows at most ${heap.percent}% past its live data (--heap-growing-percent, node's own option)`,
);
// Before anything is optimised: TurboFan inlines less (src/compiler.ts), so that compiling takes less of the machine.
const inlining = limitInlining();
debugLine(
  'memory',
  `TurboFan inlines at most ${inlining.size} bytes of bytecode into a function it optimises (--max-inlined-bytecode-size-cumulative, ${inlining.ours ? 'set by ict-eval' : "node's own option"})`,
);

// A reader that closes the pipe early (`ict-eval check | head -1`) is not a failure: the rest of the
// output is dropped and the program ends quietly with 0 (product.md, exit codes). A stream the system refuses to write
// (stdout to a full disk, `> /dev/full`) is: one line on the other stream, exit 5, no stack trace.
const closed = new Set<NodeJS.WriteStream>();
let refused: NodeJS.ErrnoException | undefined;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed.add(stream);
    if (error.code === 'EPIPE') return;
    if (refused === undefined) {
      refused = error;
      const name = stream === process.stdout ? 'stdout' : 'stderr';
      const other = stream === process.stdout ? process.stderr : process.stdout;
      const why = error.code === 'ENOSPC' ? 'ổ đĩa đã hết chỗ trống / the disk is full' : (error.code ?? error.message);
      if (!closed.has(other)) other.write(`ict-eval: không ghi được ra ${name} (${why}); kết quả in ra bị mất.\n`);
    }
    process.exitCode = EXIT.outputStream;
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
  prepare: (command) => {
    const cap = capYoungGeneration(command);
    if (cap !== undefined)
      debugLine('memory', `the young generation stops growing at ${cap} MB semi-spaces (${command})`);
  },
};

main(process.argv.slice(2), processConsole).then(
  (code) => {
    process.exitCode = refused !== undefined ? EXIT.outputStream : closed.size > 0 ? EXIT.ok : code;
  },
  (error: unknown) => {
    if (refused !== undefined) {
      process.exitCode = EXIT.outputStream;
      return;
    }
    if (closed.size > 0) return;
    process.stderr.write(`ict-eval: ${String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
