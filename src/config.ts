import { readRegular } from './io/fs.js';
import { join } from 'node:path';
import { z } from 'zod';
import { EXIT, UserError } from './errors.js';
import type { BlockDef } from './rules/regulation.js';

export const CONFIG_FILE = 'ict-eval.config.json';

const MISSING = Symbol('missing');

/**
 * A basis that is still a placeholder is not a basis (rules.md v3): "…", "...", "số …/…", "<the act>", "___". The
 * configuration is refused (exit 2) with the key named, rather than printing a blank act as if it were one.
 */
export function isPlaceholder(text: string): boolean {
  return /…|\.{3}|<[^>]*>|_{3,}|\bsố\s*\//iu.test(text);
}

const PLACEHOLDER_VI =
  'văn bản căn cứ còn là chỗ trống để điền ("…", "số …/…", "<…>"): ghi đủ số, ngày và cơ quan ban hành của văn bản, hoặc bỏ khoá này';

/** The act a fact rests on: its number, date and issuer, as written; never a placeholder. */
const basisText = z
  .string()
  .trim()
  .min(1, 'cần ghi văn bản làm căn cứ (số, ngày, cơ quan ban hành)')
  .refine((text) => !isPlaceholder(text), PLACEHOLDER_VI);

/** A day, yyyy-mm-dd, that exists. */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'ngày ghi dạng năm-tháng-ngày, ví dụ "2025-07-01"')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, 'ngày không có thật');

/**
 * What only the province knows about the law in force (rules.md v3, "The legal context of the year"), each fact with
 * its act; the regulation module holds what it could verify. Every key is optional; a fact that is needed and not
 * given makes the outputs DỰ THẢO with a "cần văn bản …" line.
 */
const legalSchema = z
  .object({
    /** What keeps QĐ 358/2013 applying after the provinces merged on 1/7/2025, or the day it stopped applying. */
    regulation: z.object({ basis: basisText.optional(), until: isoDay.nullable().optional() }).strict().optional(),
    /** The index actually used (e.g. "DTI") and the act of UBND tỉnh that adopts it for the ranking articles. */
    index: z
      .object({ name: z.string().trim().min(1).optional(), basis: basisText.optional() })
      .strict()
      .optional(),
    /** The province's act establishing the department that now assesses (Sở Khoa học và Công nghệ). */
    department: z.object({ basis: basisText }).strict().optional(),
    /** Departments that continue through a merger (one unit for the year): which, from when, by which act. */
    mergers: z
      .array(
        z
          .object({
            units: z.union([z.literal('all-departments'), z.array(z.string().trim().min(1)).min(1)]),
            from: isoDay,
            basis: basisText,
          })
          .strict(),
      )
      .optional(),
    /** An act extending the regulation to the territory of a province merged into this one. */
    territory: z.object({ basis: basisText }).strict().optional(),
    /** Discipline decrees in force from a date, beyond those the regulation module knows. */
    discipline: z.array(z.object({ from: isoDay, name: basisText }).strict()).optional(),
  })
  .strict();

/**
 * A block the regulation does not name (e.g. `XA`, "Xã, phường", after districts were abolished on
 * 1/7/2025), declared with the legal basis that applies the regulation to it; that basis is cited
 * for its heads where the regulation's clause would be.
 */
const blockSchema = z
  .object({
    /** The block's Vietnamese name, as outputs show it. */
    vi: z.string().trim().min(1),
    /** Its English name (default: the Vietnamese one). */
    en: z.string().trim().min(1).optional(),
    /** The document that applies the regulation to this block (number, date, issuer). */
    basis: z
      .string()
      .trim()
      .min(1, 'cần ghi văn bản làm căn cứ áp dụng quy định cho khối này')
      .refine((text) => !isPlaceholder(text), PLACEHOLDER_VI),
    /** Other spellings a file may use for it. */
    aliases: z.array(z.string().trim().min(1)).optional(),
    /** The kind of a unit whose Loại đơn vị is blank (default: the regulation's kind for configured blocks, UBND cấp xã). */
    kind: z.string().trim().min(1).optional(),
    /** Items the regulation binds only some kinds to that the block's act makes binding here (e.g. ["3.4"]). */
    binds: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();

/** `ict-eval.config.json` at the workspace root: policy overrides, output folder, the title block's names, extra blocks. */
const configSchema = z
  .object({
    /** Policy overrides by their rules.md names; validated by the policy's own schema. */
    policy: z.record(z.string(), z.unknown()).optional(),
    /** Output folder, relative to the workspace (default `out`). */
    out: z.string().min(1).optional(),
    /** The province named in the workbooks' title block, e.g. "UBND TỈNH BẮC NINH". */
    province: z.string().min(1).optional(),
    /** The issuing department; by default the regulation's, as named on the document's date. */
    department: z.string().min(1).optional(),
    /** The official attachments' frame (Nghị định 30/2020/NĐ-CP): place, the report they go with, who signs. */
    attachment: z
      .object({
        /** The place in "…, ngày … tháng … năm …" (default: from the province, e.g. "Bắc Ninh"). */
        place: z.string().trim().min(1).optional(),
        /** The document the workbooks are attached to, e.g. "Báo cáo số 12/BC-SKHCN ngày 15/01/2025". */
        report: z.string().trim().min(1).optional(),
        /**
         * The office's abbreviation in the number line (ký hiệu, Nghị định 30/2020/NĐ-CP): "SKHCN" gives "Số: …/BC-SKHCN".
         * Default: the initials of the issuing body's name without "và" (SỞ KHOA HỌC VÀ CÔNG NGHỆ → SKHCN).
         */
        symbol: z
          .string()
          .trim()
          .regex(/^[A-ZĐ0-9]{1,12}$/u, 'chữ viết tắt viết hoa, không dấu cách, ví dụ "SKHCN"')
          .optional(),
        /** The drafting unit's abbreviation a letter's number adds (công văn "Số: …/SKHCN-CNTT"); blank to fill if absent. */
        unitSymbol: z
          .string()
          .trim()
          .regex(/^[A-ZĐ0-9]{1,12}$/u, 'chữ viết tắt viết hoa, không dấu cách, ví dụ "CNTT"')
          .optional(),
        /** NGƯỜI LẬP BIỂU's name. */
        preparer: z.string().trim().min(1).optional(),
        /** The signer's title (default "GIÁM ĐỐC") and name. */
        signerTitle: z.string().trim().min(1).optional(),
        signer: z.string().trim().min(1).optional(),
        /**
         * The day the attachments are signed (yyyy-mm-dd): the place-and-date line shows it, and the issuing body is
         * the one that exists that day (Sở KH&CN for a 2024 report signed after 1/3/2025). Default: the date is left
         * blank to fill, and the names are those of 31 December of the year.
         */
        signedOn: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/u, 'ngày ký ghi dạng năm-tháng-ngày, ví dụ "2025-05-15"')
          .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), 'ngày ký không có thật')
          .optional(),
        /** The font of the printed sheets (default Times New Roman). */
        font: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
    /** The ICT Index indicator (QĐ 15/2011/QĐ-UBND) each item is judged by, by item code: shown beside the item. */
    indicators: z.record(z.string(), z.string().trim().min(1)).optional(),
    /** What only the province knows about the law in force, with its acts (rules.md v3). */
    legal: legalSchema.optional(),
    /** Blocks the regulation does not name, by code (upper case), each with its legal basis; in output order. */
    blocks: z
      .record(z.string().regex(/^[A-Z][A-Z0-9_]{0,15}$/u, 'mã khối viết hoa, không dấu, ví dụ "XA"'), blockSchema)
      .optional(),
  })
  .strict();

export type Config = z.output<typeof configSchema>;

/** The configuration's `legal` section. */
export type LegalConfig = z.output<typeof legalSchema>;

/** The largest configuration or policy file: a workspace's is a few kilobytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** The longest text a configuration may hold (a legal basis, a name): beyond it, no value of a real workspace. */
export const MAX_CONFIG_TEXT = 10_000;
/** Keys that would reach an object's prototype: refused wherever they are (as the policy schema refuses them). */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A JSON file's content; `missing` when an optional file is absent. Read as every input is (a regular file, never
 * through a link, at most MAX_CONFIG_BYTES); a key that names an object's prototype (`"__proto__"`, which zod's records
 * would silently drop) or a text longer than MAX_CONFIG_TEXT is refused with its place.
 */
async function readJson(path: string, display: string, optional = false): Promise<unknown> {
  const bytes = await readRegular(path, MAX_CONFIG_BYTES);
  if ('refused' in bytes) {
    if (optional && bytes.refused === 'missing') return MISSING;
    const why: Record<typeof bytes.refused, { vi: string; en: string }> = {
      missing: { vi: 'không có tệp', en: 'no such file' },
      symlink: {
        vi: 'là liên kết tượng trưng (symlink), không phải tệp thật',
        en: 'is a symbolic link, not a real file',
      },
      directory: { vi: 'là một thư mục', en: 'is a folder' },
      special: { vi: 'không phải tệp thông thường', en: 'is not a regular file' },
      'too-large': { vi: `lớn hơn ${MAX_CONFIG_BYTES / 1024} KB`, en: `is larger than ${MAX_CONFIG_BYTES / 1024} KB` },
    };
    const reason = why[bytes.refused];
    throw new UserError(
      { vi: `không đọc được tệp ${display} (${reason.vi}).`, en: `cannot read ${display} (${reason.en}).` },
      EXIT.usage,
    );
  }
  let content: unknown;
  try {
    content = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/u, '')) as unknown;
  } catch (cause) {
    throw new UserError(
      {
        vi: `${display} không phải JSON hợp lệ (${cause instanceof Error ? cause.message : String(cause)}).`,
        en: `${display} is not valid JSON (${cause instanceof Error ? cause.message : String(cause)}).`,
      },
      EXIT.usage,
    );
  }
  const odd = oddValue(content, []);
  if (odd !== undefined) {
    const at = odd.path.length === 0 ? '(gốc)' : odd.path.join('.');
    throw new UserError(
      odd.kind === 'deep'
        ? {
            vi: `${display}: dữ liệu lồng nhau quá sâu tại ${at}; cấu hình chỉ có vài tầng.`,
            en: `${display}: nested too deep at ${at}; a configuration has a few levels.`,
          }
        : odd.kind === 'key'
          ? {
              vi: `${display}: khoá "${odd.key}" tại ${at} không được dùng (tên dành riêng của JavaScript); hãy xoá hoặc đổi tên.`,
              en: `${display}: the key "${odd.key}" at ${at} is not allowed (a name JavaScript reserves); remove or rename it.`,
            }
          : {
              vi: `${display}: giá trị tại ${at} dài ${odd.length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${MAX_CONFIG_TEXT.toLocaleString('vi-VN')}.`,
              en: `${display}: the value at ${at} is ${odd.length.toLocaleString('en')} characters long, over the limit of ${MAX_CONFIG_TEXT.toLocaleString('en')}.`,
            },
      EXIT.usage,
    );
  }
  return content;
}

/** The first prototype key or over-long text in a parsed JSON value, with its path. */
function oddValue(
  value: unknown,
  path: readonly string[],
):
  | { kind: 'key'; key: string; path: readonly string[] }
  | { kind: 'text'; length: number; path: readonly string[] }
  | { kind: 'deep'; path: readonly string[] }
  | undefined {
  if (typeof value === 'string')
    return value.length > MAX_CONFIG_TEXT ? { kind: 'text', length: value.length, path } : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  // No configuration nests deeper than a few levels: deeper is refused before the walk could exhaust the stack.
  if (path.length > 32) return { kind: 'deep', path };
  const entries = Array.isArray(value)
    ? value.map((item, i): [string, unknown] => [String(i), item])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return { kind: 'key', key, path };
    const found = oddValue(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The workspace's config, or an empty one when the file is absent. A malformed file is a usage error. */
export async function loadConfig(workspace: string): Promise<Config> {
  const content = await readJson(join(workspace, CONFIG_FILE), CONFIG_FILE, true);
  if (content === MISSING) return {};
  const parsed = configSchema.safeParse(content);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(gốc)'}: ${i.message}`);
    throw new UserError(
      {
        vi: `${CONFIG_FILE} không hợp lệ: ${issues.join('; ')}`,
        en: `${CONFIG_FILE} is not valid: ${issues.join('; ')}`,
      },
      EXIT.usage,
    );
  }
  return parsed.data;
}

/** A `--policy` file: a JSON object of overrides (validated by the policy schema afterwards). */
export async function loadPolicyFile(path: string): Promise<unknown> {
  return readJson(path, path);
}

/** The blocks a configuration declares, in its order, as the engine takes them. */
export function configuredBlocks(config: Config): BlockDef[] {
  return Object.entries(config.blocks ?? {}).map(([code, block]) => ({
    code,
    vi: block.vi,
    en: block.en ?? block.vi,
    aliases: block.aliases ?? [],
    basis: { document: block.basis },
    configured: true,
    ...(block.kind === undefined ? {} : { defaultKind: block.kind }),
    ...(block.binds === undefined ? {} : { binds: block.binds }),
  }));
}

export function documentDay(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** The day a year's documents are dated: the configured day of signing, else 31 December of the year. */
export function documentDate(config: Pick<Config, 'attachment'>, year: number): string {
  return config.attachment?.signedOn ?? documentDay(year);
}
