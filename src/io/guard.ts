import { lstat, open } from 'node:fs/promises';
import yauzl from 'yauzl';
import { type ReadLimits, formatBytes } from './limits.js';
import { type Problem, error } from './problems.js';

/** What the guard learnt of a file it lets through. */
export interface GuardedFile {
  readonly path: string;
  readonly size: number;
}

/**
 * Checks that a path is a regular file of bounded size (not a directory, not a symbolic link).
 * Returns a problem naming the file otherwise.
 */
export async function guardFile(path: string, display: string, limits: ReadLimits): Promise<GuardedFile | Problem> {
  let stats;
  try {
    stats = await lstat(path);
  } catch {
    return error('file-missing', `không tìm thấy tệp.`, { file: display });
  }
  if (stats.isSymbolicLink()) {
    return error('file-symlink', 'là một liên kết tượng trưng (symlink), không phải tệp thật; hãy chép tệp thật vào đây.', { file: display });
  }
  if (stats.isDirectory()) return error('file-directory', 'là một thư mục, không phải tệp.', { file: display });
  if (!stats.isFile()) return error('file-special', 'không phải tệp thông thường.', { file: display });
  if (stats.size > limits.maxFileBytes) {
    return error(
      'file-too-large',
      `tệp quá lớn (${formatBytes(stats.size)}; giới hạn ${formatBytes(limits.maxFileBytes)}).`,
      { file: display },
    );
  }
  return { path, size: stats.size };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false }, (err, zip) => {
      if (err !== null) reject(err);
      else resolve(zip);
    });
  });
}

/** The zip's entries (name and declared uncompressed size), read from its central directory. */
async function zipEntries(path: string, limits: ReadLimits): Promise<{ name: string; size: number }[]> {
  const zip = await openZip(path);
  return new Promise((resolve, reject) => {
    const entries: { name: string; size: number }[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push({ name: entry.fileName, size: entry.uncompressedSize });
      if (entries.length > limits.maxZipEntries) {
        zip.close();
        resolve(entries);
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => {
      resolve(entries);
    });
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * Checks that an `.xlsx` is what it says before exceljs opens it: a zip (not an old `.xls`, an
 * `.ods`, a password-protected workbook or a truncated download), holding a workbook, and
 * decompressing to no more than the limit by its own central directory.
 */
export async function guardXlsx(path: string, display: string, limits: ReadLimits): Promise<Problem | undefined> {
  const where = { file: display };
  const head = await firstBytes(path, 8);
  if (head.length === 0) return error('xlsx-empty', 'tệp rỗng (0 byte).', where);
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    return error(
      'xlsx-ole',
      'không phải tệp .xlsx: đây là tệp Excel 97-2003 (.xls) hoặc tệp .xlsx có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, và lưu lại dạng "Excel Workbook (.xlsx)".',
      where,
    );
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
    return error('xlsx-not-zip', 'không phải tệp .xlsx hợp lệ (không đúng định dạng). Hãy lưu lại tệp dạng "Excel Workbook (.xlsx)".', where);
  }
  let entries;
  try {
    entries = await zipEntries(path, limits);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return error('xlsx-corrupt', `tệp .xlsx bị hỏng hoặc chưa tải về hết (${detail}). Hãy xin lại tệp từ đơn vị gửi.`, where);
  }
  if (entries.length > limits.maxZipEntries) {
    return error('xlsx-too-many-entries', `tệp .xlsx chứa quá nhiều thành phần (trên ${limits.maxZipEntries}).`, where);
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && !names.has('xl/workbook.xml')) {
    return error('xlsx-ods', 'đây là tệp OpenDocument (.ods) được đổi tên thành .xlsx. Hãy lưu lại tệp dạng "Excel Workbook (.xlsx)".', where);
  }
  if (!names.has('xl/workbook.xml')) {
    return error('xlsx-no-workbook', 'tệp nén này không chứa bảng tính Excel (thiếu xl/workbook.xml).', where);
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxUncompressedBytes) {
    return error(
      'xlsx-too-large-uncompressed',
      `khi giải nén, tệp .xlsx lớn tới ${formatBytes(total)} (giới hạn ${formatBytes(limits.maxUncompressedBytes)}); có thể là tệp độc hại ("zip bomb") hoặc chứa quá nhiều dữ liệu thừa.`,
      where,
    );
  }
  return undefined;
}


function readEntryText(zip: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err !== null) {
        reject(err);
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          stream.destroy(new Error('entry too large'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
      stream.on('error', reject);
    });
  });
}

const decodeXml = (text: string) =>
  text
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');

/**
 * The names of an xlsx's worksheets by part file (`sheet1.xml` → `Danh sách`), from
 * `xl/workbook.xml` and its relationships. exceljs's streaming reader finds the names only when
 * the relationship target is relative (`worksheets/sheet1.xml`); openpyxl writes absolute targets
 * (`/xl/worksheets/sheet1.xml`) and the names then come out as `Sheet1`. Both files are small
 * and of a fixed shape, so their attributes are read directly.
 */
export async function xlsxSheetNames(path: string): Promise<Map<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => {
      if (err !== null) reject(err);
      else resolve(z);
    });
  });
  const texts = new Map<string, string>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName === 'xl/workbook.xml' || entry.fileName === 'xl/_rels/workbook.xml.rels') {
          readEntryText(zip, entry, 4 * 1024 * 1024).then((text) => {
            texts.set(entry.fileName, text);
            zip.readEntry();
          }, reject);
        } else {
          zip.readEntry();
        }
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  const attributes = (tag: string) => {
    const map = new Map<string, string>();
    for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/gu)) map.set(match[1] ?? '', decodeXml(match[2] ?? ''));
    return map;
  };
  const targets = new Map<string, string>();
  for (const [tag] of (texts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/gu)) {
    const a = attributes(tag);
    const target = a.get('Target');
    const id = a.get('Id');
    if (target !== undefined && id !== undefined) targets.set(id, target.split('/').pop() ?? target);
  }
  const names = new Map<string, string>();
  for (const [tag] of (texts.get('xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
    const a = attributes(tag);
    const name = a.get('name');
    const rid = [...a.entries()].find(([key]) => key.endsWith(':id'))?.[1];
    const part = rid === undefined ? undefined : targets.get(rid);
    if (name !== undefined && part !== undefined) names.set(part, name);
  }
  return names;
}
