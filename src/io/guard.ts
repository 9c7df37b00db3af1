import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { type Refusal, readRegular } from './fs.js';
import { type ReadLimits, formatBytes } from './limits.js';
import { type Problem, error } from '../problems.js';

/** What the guard learnt of a file it lets through, and its bytes, read from the descriptor it checked. */
export interface GuardedFile {
  readonly path: string;
  readonly size: number;
  readonly bytes: Buffer;
}

/**
 * Reads an input file that is a regular file of bounded size: not a folder, not a symbolic link, not a FIFO or a device
 * (reading one may never end), checked on the descriptor its bytes are then read from (src/io/fs.ts). Returns a problem
 * naming the file otherwise. Every reader reads the bytes it returns, never the path again.
 */
export async function guardFile(path: string, display: string, limits: ReadLimits): Promise<GuardedFile | Problem> {
  const bytes = await readRegular(path, limits.maxFileBytes);
  if ('refused' in bytes) return refusedFile(bytes, display, limits);
  return { path, size: bytes.length, bytes };
}

/** The message for a file the tool does not open (openRegular's refusals). */
export function refusedFile(refusal: Refusal, display: string, limits: Pick<ReadLimits, 'maxFileBytes'>): Problem {
  const where = { file: display };
  switch (refusal.refused) {
    case 'missing':
      return error('file-missing', { vi: `không tìm thấy tệp.`, en: `file not found.` }, where);
    case 'symlink':
      return error(
        'file-symlink',
        {
          vi: 'là một liên kết tượng trưng (symlink), không phải tệp thật; hãy chép tệp thật vào đây.',
          en: 'is a symbolic link (symlink), not a real file; copy the real file here.',
        },
        where,
      );
    case 'directory':
      return error('file-directory', { vi: 'là một thư mục, không phải tệp.', en: 'is a folder, not a file.' }, where);
    case 'special':
      return error(
        'file-special',
        {
          vi: 'không phải tệp thông thường (một thiết bị, đường ống hay socket); hãy chép tệp bảng tính thật vào đây.',
          en: 'is not a regular file (a device, a pipe or a socket); copy the real spreadsheet here.',
        },
        where,
      );
    case 'too-large':
      return error(
        'file-too-large',
        {
          vi: `tệp quá lớn (${formatBytes(refusal.size)}; giới hạn ${formatBytes(limits.maxFileBytes)}).`,
          en: `the file is too large (${formatBytes(refusal.size)}; the limit is ${formatBytes(limits.maxFileBytes)}).`,
        },
        where,
      );
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The zip of a workbook, from its bytes read whole (the guard bounded the file's size). One read and inflating each part
 * at once took a province's 34 small workbooks from 176 to 118–133 ms (median of 13 interleaved reads in one process),
 * against a read from the disk and a zlib stream for every header and part: each of those waits its turn on the
 * thread pool.
 */
function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
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

/**
 * One entry's content, its inflated bytes counted against what is left of the budget and checked against the size the
 * central directory declares (the checks, and their messages, of yauzl's `validateEntrySizes`). yauzl finds the entry's
 * data; zlib inflates it in one call, never past the budget or one byte beyond the declared size. An entry neither
 * stored nor deflated, or encrypted, is left to yauzl, which refuses it with its own message.
 */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }): Promise<Buffer> {
  // Deflated: yauzl hands over the data as stored (its `decompress: false`, typed where `decodeFileData: false` is not).
  // Stored: the data is the content. Anything else: yauzl's error.
  const deflated = entry.compressionMethod === 8 && !entry.isEncrypted();
  const options = { decompress: deflated ? false : null, decrypt: null, start: null, end: null };
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, options, (err, stream) => {
      if (err !== null) {
        reject(err);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => {
        try {
          resolve(content(Buffer.concat(chunks), entry, budget));
        } catch (cause) {
          reject(cause instanceof Error ? cause : new Error(String(cause)));
        }
      });
    });
  });
}

function content(data: Buffer, entry: yauzl.Entry, budget: { left: number }): Buffer {
  const expected = entry.uncompressedSize;
  // Bytes past the declared size are refused as yauzl refuses them (it checks before the budget sees them).
  const refuse = (got: number) =>
    got > expected
      ? new Error(`too many bytes in the stream. expected ${expected}. got at least ${got}`)
      : new TooLarge();
  let bytes = data;
  if (entry.compressionMethod === 8) {
    // zlib stops one byte past the budget or the declared size, whichever is less: enough to refuse it.
    const most = Math.min(budget.left, expected);
    try {
      bytes = inflateRawSync(data, { maxOutputLength: most + 1 });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw refuse(most + 1);
      throw cause;
    }
  }
  if (bytes.length > expected || bytes.length > budget.left) throw refuse(bytes.length);
  if (bytes.length < expected)
    throw new Error(`not enough bytes in the stream. expected ${expected}. got only ${bytes.length}`);
  budget.left -= bytes.length;
  return bytes;
}

interface Entries {
  readonly names: readonly string[];
  readonly declared: number;
  readonly parts: Map<string, Buffer>;
}

/** Reads the central directory, then inflates the needed parts (`needed`, by name) within the budget. */
export async function readParts(
  bytes: Buffer,
  limits: ReadLimits,
  needed: RegExp = NEEDED,
): Promise<Entries | 'too-many' | { tooLarge: number | null }> {
  const zip = await openZip(bytes);
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
    const parts = listed.filter((e) => needed.test(e.fileName));
    const declared = parts.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxUncompressedBytes) return { tooLarge: declared };
    // The declared sizes may lie: the bytes actually inflated are counted too.
    const budget = { left: limits.maxUncompressedBytes };
    const inflated = new Map<string, Buffer>();
    for (const entry of parts) {
      try {
        inflated.set(entry.fileName, await inflate(zip, entry, budget));
      } catch (cause) {
        if (cause instanceof TooLarge) return { tooLarge: null };
        throw cause;
      }
    }
    return { names: listed.map((e) => e.fileName), declared, parts: inflated };
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
  const guarded = await guardFile(path, display, limits);
  if ('severity' in guarded) return guarded;
  return openXlsxBytes(guarded.bytes, display, limits);
}

/** openXlsx on the bytes a guard has read (guardFile), or a converter has made of a file it bounded (.xls, .ods). */
export async function openXlsxBytes(bytes: Buffer, display: string, limits: ReadLimits): Promise<OpenedXlsx | Problem> {
  const where = { file: display };
  const head = bytes.subarray(0, 8);
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
    read = await readParts(bytes, limits);
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
