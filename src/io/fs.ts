import { lstat, stat } from 'node:fs/promises';

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
