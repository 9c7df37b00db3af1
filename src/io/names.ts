/** Names Windows refuses for a file, whatever the extension (`NUL.txt` is NUL): its part before the first dot. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/iu;

/**
 * A file name from a unit code that cannot leave its folder: no `/`, `\`, `..`, control or
 * Windows-forbidden characters, no reserved device names (with an extension too: `NUL.txt`), no leading dash, at most
 * 80 characters, and unique among the names already `used` (a suffix `-2`, `-3`… is added).
 */
export function safeFileName(code: string, used: Set<string>): string {
  let name = code
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/gu, '_')
    .replace(/\.{2,}/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/gu, '')
    .slice(0, 80);
  // A reserved device name, or a name a command line would take for an option (`-x`, from a code of dots and a dash).
  if (name === '' || RESERVED.test(name) || name.startsWith('-')) name = `don-vi-${name}`;
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
