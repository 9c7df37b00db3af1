import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { gathered } from './pieces.js';

const deflateRaw = promisify(zlib.deflateRaw);

/** A file of a zip: its path inside the zip and its bytes. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_OF_CENTRAL_DIRECTORY = 22;
/** The file name is UTF-8 (general purpose flag bit 11). */
const UTF8_NAME = 1 << 11;
/** Made by: Unix (3), zip specification 6.3. */
const MADE_BY = (3 << 8) | 63;
const NEEDED = 20;
const DEFLATE = 8;
/** -rw-rw-r--, a regular file. */
const FILE_ATTRIBUTES = (0o100664 << 16) >>> 0;
/** Above these, the zip64 extensions would be needed: our workbooks and documents are a few MB. */
const MAX_SIZE = 0xfffffffe;
const MAX_ENTRIES = 0xfffe;

/** The date and time as a zip's DOS fields, in local time. */
function dosDateTime(mtime: Date): { date: number; time: number } {
  const date =
    (mtime.getDate() & 0x1f) | (((mtime.getMonth() + 1) & 0xf) << 5) | (((mtime.getFullYear() - 1980) & 0x7f) << 9);
  const time =
    Math.floor(mtime.getSeconds() / 2) | ((mtime.getMinutes() & 0x3f) << 5) | ((mtime.getHours() & 0x1f) << 11);
  return { date, time };
}

/** An entry deflated: its name, the CRC-32 and size of its plain bytes, and the deflated bytes (level 6, raw). */
export interface Deflated {
  readonly name: string;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
}

/**
 * A zip of the entries, in order, each deflated (level 6) and dated `mtime` in the DOS fields only (no extended
 * timestamp): byte for byte what yazl 3 writes for `addBuffer(data, name, { mtime, forceDosTimestamp: true,
 * compress: true })` — test/report/zip.test.ts compares the two on every output of the sample and on generated
 * entries. Written here rather than through yazl for its CRC: yazl computes it in JavaScript (buffer-crc32), ~300 ms
 * of a national run's main thread for the 33 MB of its two workbooks' parts; Node's zlib.crc32 takes ~20 ms. The
 * parts are deflated side by side in libuv's threads, as yazl does. A zip that would need zip64 (a part or the whole
 * over 4 GB, 65 535 entries) is refused.
 */
export async function zipFiles(entries: readonly (ZipEntry | Deflated)[], mtime: Date): Promise<Buffer> {
  const deflated = await Promise.all(entries.map(async (entry) => ('crc' in entry ? entry : deflateEntry(entry))));
  return layOut(deflated, mtime);
}

/** An entry's bytes deflated (level 6, raw), with their CRC-32 and size. */
async function deflateEntry({ name, data }: ZipEntry): Promise<Deflated> {
  return { name, crc: zlib.crc32(data), size: data.length, data: await deflateRaw(data, { level: 6 }) };
}

/** How much deflatePieces sends to zlib at a time: each piece is a trip to zlib's thread. */
const DEFLATE_CHUNK = 1024 * 1024;

/**
 * Pieces joined into buffers of `size` bytes or more (the last one smaller), as they come: one trip each to zlib or to
 * a file (holdRecord in src/commands/history.ts).
 */
export function* joinedPieces(pieces: Iterable<Buffer>, size: number): Generator<Buffer> {
  for (const group of gathered(pieces, size)) yield Buffer.concat(group);
}

/**
 * An entry given a piece at a time, deflated as the pieces come (level 6, as zipFiles; zlib's output does not depend
 * on how its input is cut), its CRC-32 and size counted on the way: a national report's document.xml is 30 MB, and
 * whole, with the pieces it is joined from, it was some 60 MB at the run's peak. The pieces go to zlib joined to a
 * megabyte or more (DEFLATE_CHUNK): thousands of small ones, sent one by one, cost half a second. An error in making
 * the pieces is the result's.
 */
export async function deflatePieces(name: string, pieces: Iterable<Buffer>): Promise<Deflated> {
  let crc = 0;
  let size = 0;
  function* counted(): Generator<Buffer> {
    for (const piece of pieces) {
      crc = zlib.crc32(piece, crc);
      size += piece.length;
      yield piece;
    }
  }
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const [data] = await Promise.all([
    buffer(deflate),
    pipeline(Readable.from(joinedPieces(counted(), DEFLATE_CHUNK)), deflate),
  ]);
  return { name, crc, size, data };
}

/**
 * The zip `zipFiles` writes for the files of `zip`, without inflating and deflating again what `zip` has deflated: a
 * deflated part's bytes are taken as they are, with the CRC-32 and size its directory gives. The same bytes as
 * `zipFiles(await readZip(zip), mtime)` when the parts were deflated at level 6 by Node's zlib, as exceljs's writer
 * (archiver) does: zlib's output does not depend on how its input was cut into chunks (test/report/zip.test.ts).
 * A stored part is deflated here.
 */
export async function redateZip(zip: Buffer, mtime: Date): Promise<Buffer> {
  const parts = await readZipEntries(zip, false);
  const deflated = await Promise.all(parts.map(async (part) => (part.method === DEFLATE ? part : deflateEntry(part))));
  return layOut(deflated, mtime);
}

function layOut(entries: readonly Deflated[], mtime: Date): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`zip: ${entries.length} entries need zip64`);
  const { date, time } = dosDateTime(mtime);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (entry.name === '' || entry.name.startsWith('/') || entry.name.split('/').includes('..') || name.length > 0xffff)
      throw new Error(`zip: bad entry name ${JSON.stringify(entry.name)}`);
    const { data, crc, size } = entry;
    if (size > MAX_SIZE || data.length > MAX_SIZE || offset > MAX_SIZE)
      throw new Error(`zip: ${entry.name} needs zip64`);
    // The fields the local header (from byte 4) and the central directory's record (from byte 6) share, in order:
    // version needed, flags, method, time, date, CRC, compressed and plain sizes, name length.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(NEEDED, at);
      header.writeUInt16LE(UTF8_NAME, at + 2);
      header.writeUInt16LE(DEFLATE, at + 4);
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(date, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(LOCAL_HEADER);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    // Extra field length: 0.
    const header = Buffer.alloc(CENTRAL_HEADER);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY, 4);
    shared(header, 6);
    // Extra field, comment, disk number, internal attributes: none.
    header.writeUInt32LE(FILE_ATTRIBUTES, 38);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(header, name);
    offset += LOCAL_HEADER + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  if (offset > MAX_SIZE || directory.length > MAX_SIZE) throw new Error('zip: the whole needs zip64');
  const end = Buffer.alloc(END_OF_CENTRAL_DIRECTORY);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/**
 * The chunks as one buffer: a view of the memory they share when they follow one another in it (a stored entry, read
 * as 64 kB slices of the zip), else a copy. A national rating workbook's stored sheets are 30 MB: not copied again.
 */
function joined(chunks: readonly Buffer[]): Buffer {
  const first = chunks[0];
  if (first === undefined) return Buffer.alloc(0);
  let end = first.byteOffset + first.length;
  for (const chunk of chunks.slice(1)) {
    if (chunk.buffer !== first.buffer || chunk.byteOffset !== end) return Buffer.concat(chunks);
    end += chunk.length;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}

/** A file of a zip as it is stored: deflated (`method` 8, `data` raw deflate) or stored (0), with its CRC-32 and size. */
interface ZipPart extends Deflated {
  readonly method: number;
}

/** The entries of a zip held in memory, in order (a stored one, such as exceljs's output, without copying). */
export async function readZip(zip: Buffer): Promise<ZipEntry[]> {
  return (await readZipEntries(zip, true)).map(({ name, data }) => ({ name, data }));
}

/** The files of a zip in order: inflated (`decompress`), else each deflated one as it is stored. */
function readZipEntries(zip: Buffer, decompress: boolean): Promise<ZipPart[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err !== null) {
        reject(err);
        return;
      }
      const entries: ZipPart[] = [];
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          file.readEntry();
          return;
        }
        const raw = !decompress && entry.compressionMethod === DEFLATE;
        file.openReadStream(
          entry,
          { decompress: raw ? false : null, decrypt: null, start: null, end: null },
          (error, stream) => {
            if (error !== null) {
              reject(error);
              return;
            }
            const chunks: Buffer[] = [];
            stream.on('data', (chunk: Buffer) => chunks.push(chunk));
            stream.on('end', () => {
              entries.push({
                name: entry.fileName,
                method: raw ? DEFLATE : 0,
                crc: entry.crc32,
                size: entry.uncompressedSize,
                data: joined(chunks),
              });
              file.readEntry();
            });
            stream.on('error', reject);
          },
        );
      });
      file.on('end', () => {
        resolve(entries);
      });
      file.on('error', reject);
      file.readEntry();
    });
  });
}
