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
