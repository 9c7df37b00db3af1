// What the bench scripts share to sum up their runs.

/** The median of some numbers (of an even count, the mean of the two middle ones). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median in whole milliseconds (or whatever whole unit the values are in). */
export const medianRounded = (values) => Math.round(median(values));

/** The CPU time this process has used so far, every thread (zlib deflates in libuv's pool), in ms. */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
