import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EXIT, UserError } from './errors.js';

export const CONFIG_FILE = 'ict-eval.config.json';

const MISSING = Symbol('missing');

/** `ict-eval.config.json` at the workspace root: policy overrides, output folder, the title block's names. */
const configSchema = z
  .object({
    /** Policy overrides by their rules.md names; validated by the policy's own schema. */
    policy: z.record(z.string(), z.unknown()).optional(),
    /** Output folder, relative to the workspace (default `out`). */
    out: z.string().min(1).optional(),
    /** The province named in the workbooks' title block, e.g. "UBND TỈNH BẮC NINH". */
    province: z.string().min(1).optional(),
    /** The issuing department; by default Sở TT&TT before 2025 and Sở KH&CN from 2025 on. */
    department: z.string().min(1).optional(),
  })
  .strict();

export type Config = z.output<typeof configSchema>;

/** A JSON file's content; `missing` when an optional file is absent. */
async function readJson(path: string, display: string, optional = false): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if (optional && (cause as NodeJS.ErrnoException).code === 'ENOENT') return MISSING;
    throw new UserError(`không đọc được tệp ${display}.`, EXIT.usage);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, '')) as unknown;
  } catch (cause) {
    throw new UserError(`${display} không phải JSON hợp lệ (${cause instanceof Error ? cause.message : String(cause)}).`, EXIT.usage);
  }
}

/** The workspace's config, or an empty one when the file is absent. A malformed file is a usage error. */
export async function loadConfig(workspace: string): Promise<Config> {
  const content = await readJson(join(workspace, CONFIG_FILE), CONFIG_FILE, true);
  if (content === MISSING) return {};
  const parsed = configSchema.safeParse(content);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(gốc)'}: ${i.message}`);
    throw new UserError(`${CONFIG_FILE} không hợp lệ: ${issues.join('; ')}`, EXIT.usage);
  }
  return parsed.data;
}

/** A `--policy` file: a JSON object of overrides (validated by the policy schema afterwards). */
export async function loadPolicyFile(path: string): Promise<unknown> {
  return readJson(path, path);
}

/** The issuing department by default: Sở TT&TT was merged into Sở KH&CN in 2025. */
export function defaultDepartment(year: number): string {
  return year >= 2025 ? 'SỞ KHOA HỌC VÀ CÔNG NGHỆ' : 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG';
}

export const DEFAULT_PROVINCE = 'UBND TỈNH BẮC NINH';
