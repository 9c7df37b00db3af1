/**
 * A line on stderr when `ICT_EVAL_DEBUG` names its topic (`ICT_EVAL_DEBUG=read,memory`): `read`, how each file was read
 * (the parser a sheet needed, the reader threads); `memory`, the heap's growth and TurboFan's inlining in force
 * (src/heap.ts, src/compiler.ts) and the memory at the end of each phase of a run.
 */
export function debugLine(topic: 'read' | 'memory', line: string | (() => string)): void {
  if (new RegExp(`\\b${topic}\\b`, 'u').test(process.env.ICT_EVAL_DEBUG ?? ''))
    process.stderr.write(`ict-eval: debug: ${typeof line === 'string' ? line : line()}\n`);
}
