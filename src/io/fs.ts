import { constants } from 'node:fs';
import { type FileHandle, lstat, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * What is at a path: `file`, `directory`, `other`, or undefined when nothing is there. `follow: false`
 * looks at a symbolic link itself (an output path that is a link counts as taken).
 */
export async function pathKind(path: string, follow = true): Promise<'file' | 'directory' | 'other' | undefined> {
  try {
    const info = follow ? await stat(path) : await lstat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch {
    return undefined;
  }
}

/** Whether anything is at a path (through links, unless `follow` is false). */
export async function exists(path: string, follow = true): Promise<boolean> {
  return (await pathKind(path, follow)) !== undefined;
}

/**
 * Why a file was not opened (issue #40: one rule for every file the tool opens, reads, hashes, copies or writes):
 * nothing there; a symbolic link (never followed: a link to /dev/zero or /etc/passwd is not an input); a folder;
 * something that is not a regular file (a FIFO, a device, a socket: reading one may never end); larger than allowed.
 */
export type Refusal =
  | { readonly refused: 'missing' }
  | { readonly refused: 'symlink' }
  | { readonly refused: 'directory' }
  | { readonly refused: 'special' }
  | { readonly refused: 'too-large'; readonly size: number };

/**
 * Opens a regular file to read, never through a link, and checks it on the descriptor that is then used (fstat after
 * open: no window between the check and the read). O_NONBLOCK: opening a FIFO does not wait for a writer; the fstat
 * then refuses it. The caller closes the handle.
 */
export async function openRegular(
  path: string,
  maxBytes = Number.MAX_SAFE_INTEGER,
): Promise<{ readonly handle: FileHandle; readonly size: number } | Refusal> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return { refused: 'symlink' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { refused: 'missing' };
    if (code === 'ENXIO' || code === 'EOPNOTSUPP') return { refused: 'special' };
    if (code === 'EISDIR') return { refused: 'directory' };
    throw cause;
  }
  try {
    const info = await handle.stat();
    const refusal: Refusal | undefined = info.isDirectory()
      ? { refused: 'directory' }
      : !info.isFile()
        ? { refused: 'special' }
        : info.size > maxBytes
          ? { refused: 'too-large', size: info.size }
          : undefined;
    if (refusal === undefined) return { handle, size: info.size };
    await handle.close();
    return refusal;
  } catch (cause) {
    await handle.close();
    throw cause;
  }
}

/**
 * The bytes of a regular file of at most `maxBytes` (openRegular's rule), read from the descriptor it checked; never
 * more than that many bytes, whatever the file grows to while it is read.
 */
export async function readRegular(path: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer | Refusal> {
  const opened = await openRegular(path, maxBytes);
  if ('refused' in opened) return opened;
  try {
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes));
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesRead } = await opened.handle.read(buffer, offset, buffer.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === buffer.length ? buffer : buffer.subarray(0, offset);
  } finally {
    await opened.handle.close();
  }
}

/**
 * Opens a file to append to, never through a link: created if missing (O_CREAT, as a regular file), refused when the
 * path is a link or anything but a regular file (a log line never goes to a file outside the folder).
 */
export async function openAppend(path: string): Promise<FileHandle | Refusal> {
  let handle: FileHandle;
  try {
    handle = await open(
      path,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      0o644,
    );
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return { refused: 'symlink' };
    if (code === 'EISDIR') return { refused: 'directory' };
    if (code === 'ENXIO') return { refused: 'special' };
    throw cause;
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    return { refused: 'special' };
  }
  return handle;
}

/**
 * The real path of a folder that may not exist yet: the real path of its nearest existing ancestor, and the rest as
 * written. Two folders are compared so (an output folder that is a link into an input folder is that input folder).
 */
export async function realFolder(path: string): Promise<string> {
  const absolute = resolve(path);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return absolute;
      rest.push(basename(at));
      at = parent;
    }
  }
}

/**
 * Removes what killed runs left in a folder: entries named `prefix…` (or whose name `matches`; files or folders) older
 * than `staleMs` — never a recent one, which may be another run's. Said nowhere: they are the tool's own temporary files.
 */
export async function removeStale(
  folder: string,
  matches: string | ((name: string) => boolean),
  staleMs: number,
  now = Date.now(),
): Promise<void> {
  const ours = typeof matches === 'string' ? (name: string) => name.startsWith(matches) : matches;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!ours(name)) continue;
    const path = join(folder, name);
    try {
      const info = await lstat(path);
      if (now - info.mtimeMs > staleMs) await rm(path, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}
