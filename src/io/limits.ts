/**
 * Limits on what an input file may cost to read. The files arrive by e-mail from forty
 * offices: a zip bomb (a 459 KB xlsx can expand to 420 MB of shared strings) must end in a
 * clear message, not in an exhausted machine.
 */
export interface ReadLimits {
  /** The largest input file, in bytes. */
  readonly maxFileBytes: number;
  /** The most bytes an xlsx may decompress to, all its entries together. */
  readonly maxUncompressedBytes: number;
  /** The most entries a zip may hold. */
  readonly maxZipEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxUncompressedBytes: 48 * 1024 * 1024,
  maxZipEntries: 10_000,
};

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/**
 * Bounds of a conversion of an .xls or .ods (src/io/convert.ts), measured on the hostile files of issue #40 and on
 * the real-world corpus (a province's .ods converts in 0.3 s with ssconvert, 2 s with LibreOffice, within 2 GB).
 */
export const CONVERTER_LIMITS = {
  /** Cells with data an .ods may declare, its repeats multiplied out (a national self-report file: ~60 000). */
  odsCells: 2_000_000,
  /**
   * Seconds one converter may run before its process group is killed; `ICT_EVAL_CONVERTER_SECONDS` sets it (a slow
   * machine whose LibreOffice takes longer to start, or a test of the bound).
   */
  seconds: secondsFrom(process.env.ICT_EVAL_CONVERTER_SECONDS, 60),
  /** Address space of a converter (ulimit -v). */
  memoryBytes: 2 * 1024 * 1024 * 1024,
  /** Seconds all the conversions of one run may take together (counted by each reading thread: at most two). */
  runSeconds: 300,
} as const;

function secondsFrom(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 && value <= 3600 ? value : fallback;
}
