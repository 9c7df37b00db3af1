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
    return error('file-missing', { vi: `không tìm thấy tệp.`, en: `file not found.` }, { file: display });
  }
  if (stats.isSymbolicLink()) {
    return error(
      'file-symlink',
      {
        vi: 'là một liên kết tượng trưng (symlink), không phải tệp thật; hãy chép tệp thật vào đây.',
        en: 'is a symbolic link (symlink), not a real file; copy the real file here.',
      },
      { file: display },
    );
  }
  if (stats.isDirectory())
    return error(
      'file-directory',
      { vi: 'là một thư mục, không phải tệp.', en: 'is a folder, not a file.' },
      { file: display },
    );
  if (!stats.isFile())
    return error(
      'file-special',
      { vi: 'không phải tệp thông thường.', en: 'is not a regular file.' },
      { file: display },
    );
  if (stats.size > limits.maxFileBytes) {
    return error(
      'file-too-large',
      {
        vi: `tệp quá lớn (${formatBytes(stats.size)}; giới hạn ${formatBytes(limits.maxFileBytes)}).`,
        en: `the file is too large (${formatBytes(stats.size)}; the limit is ${formatBytes(limits.maxFileBytes)}).`,
      },
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
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true },
      (err, zip) => {
        if (err !== null) reject(err);
        else resolve(zip);
      },
    );
  });
}

/** The parts of a workbook the reader needs; everything else (images, printer settings, macros) is never inflated. */
const NEEDED =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/u;

class TooLarge extends Error {}

/** Inflates one entry, counting its bytes against what is left of the budget (yauzl also checks them against the declared size). */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err !== null) {
        reject(err);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy(new TooLarge());
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        resolve(Buffer.concat(chunks));
      });
      stream.on('error', reject);
    });
  });
}

interface Entries {
  readonly names: readonly string[];
  readonly declared: number;
  readonly parts: Map<string, Buffer>;
}

/** Reads the central directory, then inflates the needed parts within the budget. */
async function readParts(
  path: string,
  limits: ReadLimits,
): Promise<Entries | 'too-many' | { tooLarge: number | null }> {
  const zip = await openZip(path);
  try {
    const listed: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        listed.push(entry);
        if (listed.length > limits.maxZipEntries) resolve();
        else zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    if (listed.length > limits.maxZipEntries) return 'too-many';
    const needed = listed.filter((e) => NEEDED.test(e.fileName));
    const declared = needed.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUncompressedBytes) return { tooLarge: declared };
    // The declared sizes may lie: the bytes actually inflated are counted too.
    const budget = { left: limits.maxUncompressedBytes };
    const parts = new Map<string, Buffer>();
    for (const entry of needed) {
      try {
        parts.set(entry.fileName, await inflate(zip, entry, budget));
      } catch (cause) {
        if (cause instanceof TooLarge) return { tooLarge: null };
        throw cause;
      }
    }
    return { names: listed.map((e) => e.fileName), declared, parts };
  } finally {
    zip.close();
  }
}

/** An xlsx that passed the guard: its needed parts, inflated within the budget, by part name. */
export interface OpenedXlsx {
  readonly parts: ReadonlyMap<string, Buffer>;
}

/**
 * Opens an `.xlsx` safely before its cells are read (src/io/xlsx.ts): a zip (not an old `.xls`, an `.ods`, a
 * password-protected workbook or a truncated download), holding a workbook, whose needed parts
 * decompress to no more than the limit — by the central directory's claims and by the bytes
 * actually inflated. Only those parts are read afterwards (src/io/xlsx.ts), so no entry the
 * central directory does not list, and no part beyond the budget, is ever inflated.
 */
export async function openXlsx(path: string, display: string, limits: ReadLimits): Promise<OpenedXlsx | Problem> {
  const where = { file: display };
  const head = await firstBytes(path, 8);
  if (head.length === 0)
    return error('xlsx-empty', { vi: 'tệp rỗng (0 byte).', en: 'the file is empty (0 bytes).' }, where);
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    return error(
      'xlsx-ole',
      {
        vi: 'không phải tệp .xlsx: đây là tệp Excel 97-2003 (.xls) hoặc tệp .xlsx có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, và lưu lại dạng "Excel Workbook (.xlsx)".',
        en: 'not an .xlsx file: this is an Excel 97-2003 file (.xls) or a password-protected .xlsx. Open it in Excel, remove any password, and save it as "Excel Workbook (.xlsx)".',
      },
      where,
    );
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) {
    return error(
      'xlsx-not-zip',
      {
        vi: 'không phải tệp .xlsx hợp lệ (không đúng định dạng). Hãy lưu lại tệp dạng "Excel Workbook (.xlsx)".',
        en: 'not a valid .xlsx file (wrong format). Save the file as "Excel Workbook (.xlsx)".',
      },
      where,
    );
  }
  let read;
  try {
    read = await readParts(path, limits);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return error(
      'xlsx-corrupt',
      {
        vi: `tệp .xlsx bị hỏng hoặc chưa tải về hết (${detail}). Hãy xin lại tệp từ đơn vị gửi.`,
        en: `the .xlsx file is damaged or not fully downloaded (${detail}). Ask the sender for the file again.`,
      },
      where,
    );
  }
  if (read === 'too-many') {
    return error(
      'xlsx-too-many-entries',
      {
        vi: `tệp .xlsx chứa quá nhiều thành phần (trên ${limits.maxZipEntries}).`,
        en: `the .xlsx file holds too many parts (over ${limits.maxZipEntries}).`,
      },
      where,
    );
  }
  if ('tooLarge' in read) {
    const size = read.tooLarge === null ? 'lớn hơn khai báo và vượt' : `lớn tới ${formatBytes(read.tooLarge)}, vượt`;
    return error(
      'xlsx-too-large-uncompressed',
      {
        vi: `khi giải nén, tệp .xlsx ${size} giới hạn ${formatBytes(limits.maxUncompressedBytes)}; có thể là tệp độc hại ("zip bomb") hoặc chứa quá nhiều dữ liệu thừa.`,
        en: `unpacked, the .xlsx file ${size} the limit of ${formatBytes(limits.maxUncompressedBytes)}; it may be a malicious file ("zip bomb") or hold much unneeded data.`,
      },
      where,
    );
  }
  if (read.names.includes('mimetype') && !read.parts.has('xl/workbook.xml')) {
    return error(
      'xlsx-ods',
      {
        vi: 'đây là tệp OpenDocument (.ods) được đổi tên thành .xlsx. Hãy lưu lại tệp dạng "Excel Workbook (.xlsx)".',
        en: 'this is an OpenDocument file (.ods) renamed to .xlsx. Save the file as "Excel Workbook (.xlsx)".',
      },
      where,
    );
  }
  if (!read.parts.has('xl/workbook.xml')) {
    return error(
      'xlsx-no-workbook',
      {
        vi: 'tệp nén này không chứa bảng tính Excel (thiếu xl/workbook.xml).',
        en: 'this archive holds no Excel workbook (xl/workbook.xml is missing).',
      },
      where,
    );
  }
  return { parts: read.parts };
}
