/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/iu;

/**
 * A file name from a unit code that cannot leave its folder: no `/`, `\`, `..`, control or
 * Windows-forbidden characters, no reserved device names, at most 80 characters, and unique
 * among the names already `used` (a suffix `-2`, `-3`… is added).
 */
export function safeFileName(code: string, used: Set<string>): string {
  let name = code
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/gu, '_')
    .replace(/\.{2,}/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/gu, '')
    .slice(0, 80);
  if (name === '' || RESERVED.test(name)) name = `don-vi-${name}`;
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
