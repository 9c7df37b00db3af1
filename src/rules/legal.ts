import { type Citation, formatCitation } from './citation.js';
import type { Policy } from './policy.js';
import { sameName } from './names.js';
import { type AssessorHolder, type DatedFact, type Decree, type Regulation, factOn } from './regulation.js';

/**
 * The legal context of a year (rules.md v3): the regulation module's dated facts and the configuration's `legal`, put
 * together for the year evaluated and the day the documents are dated. Each fact used is a line with its act and where
 * the tool took it; each fact needed and unknown is a "cần văn bản …" line that makes the outputs DỰ THẢO and `--final`
 * refuse the year.
 */

/** A fact the outputs rest on, with its act: one row of the basis sheet. */
export interface LegalLine {
  /** Which fact: `index`, `assessor`, `discipline`, … (stable, for code; `topic` is for people). */
  readonly key: string;
  /** What the fact is about, as the basis sheet names it. */
  readonly topic: string;
  readonly value: string;
  readonly act: string;
  /**
   * The regulation module (what the tool verified), the workspace configuration (what the province gave), or the input
   * files (the scores file's header names the index).
   */
  readonly source: 'module' | 'config' | 'input';
  readonly unverified?: string;
}

/** A fact the year needs that neither the module nor the configuration gives: the act to ask for, and its key. */
export interface LegalNeed {
  /** The configuration key that would give it: `legal.index.basis`. */
  readonly key: string;
  readonly vi: string;
  readonly en: string;
}

/** The body that issues a document and speaks in it: the one that holds the assessing duty on the document's date. */
export interface Issuer {
  /** `SỞ KHOA HỌC VÀ CÔNG NGHỆ`, as the heading names it. */
  readonly heading: string;
  /** `Sở Khoa học và Công nghệ`, `Sở KH&CN`. */
  readonly name: string;
  readonly short: string;
  /**
   * How the body names itself where the law's words name the body the regulation gave the duty: `Sở Khoa học và Công
   * nghệ (thực hiện nhiệm vụ của Sở Thông tin và Truyền thông theo khoản 2 Điều 18)`; its own name when they are one.
   */
  readonly speaks: string;
  /** The holder in force, and whether the province's own act for it is still needed. */
  readonly holder: DatedFact<AssessorHolder> | undefined;
}

/** The discipline decree(s) a proposal names, on the document's date, with the regulation's own words beside. */
export interface Discipline {
  /** The decree in force on the document's date. */
  readonly inForce: DatedFact<Decree>;
  /** The decree in force when the year's conduct began, when another one: the transitional article decides. */
  readonly atConduct: DatedFact<Decree> | undefined;
  /** "Nghị định 34/2011/NĐ-CP, nay là Nghị định 172/2025/NĐ-CP" (short, for a table's cell). */
  readonly short: string;
  /** The full sentence for the basis sheet and the documents. */
  readonly text: string;
}

export interface LegalContext {
  readonly year: number;
  /** The day the documents are dated: the day of signing when configured, else 31 December of the year. */
  readonly documentDate: string;
  readonly issuer: Issuer;
  readonly discipline: Discipline;
  readonly lines: readonly LegalLine[];
  readonly needs: readonly LegalNeed[];
}

/** What the evaluation tells the legal context: the blocks in use, the departments that went through a merger. */
export interface YearFacts {
  /** The blocks that have a unit evaluated this year (a configured block's act is cited only when used). */
  readonly blocks: ReadonlySet<string>;
  /** Units that continue through the province's merger and that no `legal.mergers` entry covers. */
  readonly unconfirmed: readonly { readonly code: string; readonly name: string }[];
  /** The entries that were used, with the units they cover. */
  readonly confirmed: readonly { readonly from: string; readonly basis: string; readonly units: readonly string[] }[];
}

export const dmy = (iso: string): string => iso.split('-').reverse().join('/');
const yearStart = (year: number) => `${String(year).padStart(4, '0')}-01-01`;
const yearEnd = (year: number) => `${String(year).padStart(4, '0')}-12-31`;

/** "Điều 15, 17": the articles of some citations, once each, in order. */
export function articlesOf(citations: readonly Citation[]): string {
  const articles = [...new Set(citations.flatMap((c) => ('article' in c ? [c.article] : [])))].sort((a, b) => a - b);
  return articles.length === 0 ? '' : `Điều ${articles.join(', ')}`;
}

/**
 * The body that holds the assessing duty on a date, as a document's heading names it; `department` (the
 * configuration's name for it) wins, and takes the module's running names when it is one of the module's bodies.
 */
export function issuerOn(regulation: Regulation, date: string, department?: string): Issuer {
  const { assessor } = regulation.context;
  const holder = factOn(assessor.holders, date);
  if (holder === undefined && department === undefined)
    throw new Error(`${regulation.id}: no body holds the assessing duty on ${date}`);
  const known =
    department === undefined
      ? holder?.value
      : assessor.holders
          .map((h) => h.value)
          .find((h) => sameName(h.heading, department) || sameName(h.name, department));
  const heading = department ?? holder?.value.heading ?? '';
  const name = known?.name ?? department ?? '';
  const short = known?.short ?? department ?? '';
  const speaks = sameName(name, assessor.named)
    ? name
    : `${name} (thực hiện nhiệm vụ của ${assessor.named} theo ${formatCitation(assessor.citation)})`;
  return { heading, name, short, speaks, holder };
}

/** The province's People's Committee on a date, as a heading names it. */
export function provinceOn(regulation: Regulation, date: string): string {
  const fact = factOn(regulation.context.province, date);
  if (fact === undefined) throw new Error(`${regulation.id}: no province name on ${date}`);
  return fact.value;
}

/** The discipline decrees, the module's with the configuration's added from their dates (a later entry wins its day). */
function decrees(policy: Pick<Policy, 'regulation' | 'legal'>): DatedFact<Decree>[] {
  const own = policy.regulation.context.discipline.decrees;
  const added = [...(policy.legal.discipline ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  if (added.length === 0) return [...own];
  // Each configured decree holds from its date until the next one; the module's hold where none is configured.
  const result: DatedFact<Decree>[] = [];
  const firstAdded = added[0]?.from ?? '9999-12-31';
  for (const fact of own) {
    if (fact.from !== null && fact.from >= firstAdded) continue;
    const to = fact.to === null || fact.to >= firstAdded ? dayBefore(firstAdded) : fact.to;
    result.push({ ...fact, to });
  }
  added.forEach((entry, i) => {
    const next = added[i + 1];
    result.push({
      from: entry.from,
      to: next === undefined ? null : dayBefore(next.from),
      value: { name: entry.name, short: entry.name },
      act: entry.name,
    });
  });
  return result;
}

function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Whether a decree entry came from the configuration (not one of the module's). */
function fromConfig(policy: Pick<Policy, 'legal'>, fact: DatedFact<Decree>): boolean {
  return (policy.legal.discipline ?? []).some((d) => d.from === fact.from && d.name === fact.value.name);
}

/**
 * The decree a proposal for year `year` names on the document's date: the one in force that day, with the regulation's
 * words beside ("Nghị định 34/2011/NĐ-CP, nay là …"); when the year's conduct began under another decree, both, and the
 * transitional article of the newer one decides (rules.md v3).
 */
export function disciplineOn(policy: Pick<Policy, 'regulation' | 'legal'>, year: number, date: string): Discipline {
  const { discipline } = policy.regulation.context;
  const list = decrees(policy);
  const inForce = factOn(list, date);
  if (inForce === undefined) throw new Error(`${policy.regulation.id}: no discipline decree on ${date}`);
  const conduct = factOn(list, yearStart(year));
  const atConduct = conduct !== undefined && conduct.value.name !== inForce.value.name ? conduct : undefined;
  const named = discipline.named;
  const same = inForce.value.short === shortOf(named);
  const short = same ? inForce.value.short : `${shortOf(named)}, nay là ${inForce.value.short}`;
  const base = same ? inForce.value.name : `${named} (Quy định dẫn), nay là ${inForce.value.name}`;
  const transitional =
    atConduct === undefined
      ? ''
      : `; với hành vi trong năm ${year} trước ngày ${dmy(inForce.from ?? yearStart(year))}: theo điều khoản chuyển tiếp của ${inForce.value.short} (chưa được đối chiếu), có thể là ${atConduct.value.short}`;
  return {
    inForce,
    atConduct,
    short: atConduct === undefined ? short : `${short} (hành vi trước ${dmy(inForce.from ?? '')}: xem chuyển tiếp)`,
    text: `${base}${transitional}; ${discipline.scopeVi}`,
  };
}

/** "Nghị định 34/2011/NĐ-CP" from "Nghị định số 34/2011/NĐ-CP ngày …". */
function shortOf(name: string): string {
  return name.replace(/ số /u, ' ').replace(/ ngày .*$/u, '');
}

/** Whether a unit's `Địa bàn` is the regulation's own territory (blank is; "Bắc Ninh cũ" is; "Bắc Giang cũ" is not). */
export function inTerritory(regulation: Regulation, territory: string): boolean {
  const own = regulation.context.territory;
  if (own === undefined || territory.trim() === '') return true;
  const key = (text: string) =>
    ` ${text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/gu, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, ' ')} `;
  return key(territory).includes(key(own.name));
}

/**
 * The legal context of year `year`, for documents dated `date`: every fact used with its act, and every fact needed
 * and unknown. `mergers` comes from the evaluation (which departments went through the province's merger).
 */
export function legalContext(
  policy: Pick<Policy, 'regulation' | 'legal' | 'index' | 'blocks'>,
  year: number,
  date: string,
  facts: YearFacts,
  department?: string,
): LegalContext {
  const mergers = facts;
  const { regulation, legal } = policy;
  const { context } = regulation;
  const lines: LegalLine[] = [];
  const needs: LegalNeed[] = [];
  const start = yearStart(year);
  const end = yearEnd(year);
  const territory = context.territory;

  // The regulation itself, after the province it was made for was merged.
  if (territory !== undefined && end >= territory.mergedOn) {
    lines.push({
      key: 'province-merger',
      topic: 'Hợp nhất tỉnh',
      value: `từ ngày ${dmy(territory.mergedOn)}`,
      act: territory.mergerAct,
      source: 'module',
    });
    const until = legal.regulation?.until ?? null;
    const basis = legal.regulation?.basis;
    if (basis !== undefined || until !== null) {
      lines.push({
        key: 'regulation',
        topic: `Tiếp tục áp dụng ${regulation.decision} sau ngày ${dmy(territory.mergedOn)}`,
        value:
          until === null
            ? `áp dụng trong năm ${year} trên địa bàn tỉnh ${territory.name} cũ`
            : `áp dụng đến hết ngày ${dmy(until)}`,
        act: basis ?? territory.keepsApplyingAct,
        source: 'config',
      });
    } else {
      needs.push({
        key: 'legal.regulation.basis',
        vi: `cần văn bản của UBND tỉnh cho biết ${regulation.decision} tiếp tục được áp dụng sau ngày ${dmy(territory.mergedOn)} (legal.regulation.basis), hoặc ngày thôi áp dụng (legal.regulation.until)`,
        en: `needs the act of UBND tỉnh that keeps ${regulation.decision} applying after ${dmy(territory.mergedOn)} (legal.regulation.basis), or the day it stopped applying (legal.regulation.until)`,
      });
    }
    lines.push({
      key: 'territory',
      topic: 'Địa bàn áp dụng',
      value:
        legal.territory === undefined
          ? `tỉnh ${territory.name} trước hợp nhất; đơn vị ở địa bàn khác (cột Địa bàn) không thuộc phạm vi đánh giá`
          : `tỉnh ${territory.name} trước hợp nhất, mở rộng theo văn bản của tỉnh`,
      act: legal.territory?.basis ?? territory.keepsApplyingAct,
      source: legal.territory === undefined ? 'module' : 'config',
    });
  }

  // The index.
  const ownIndex = context.index;
  const articles = articlesOf(ownIndex.citations);
  if (policy.index.own) {
    lines.push({ key: 'index', topic: 'Chỉ số xếp hạng', value: ownIndex.name, act: ownIndex.act, source: 'module' });
  } else if (legal.index?.basis !== undefined) {
    lines.push({
      key: 'index',
      topic: 'Chỉ số xếp hạng',
      value: `${policy.index.name}, áp dụng thay ${ownIndex.name} cho ${articles}`,
      act: legal.index.basis,
      source: 'config',
    });
  } else {
    lines.push({
      key: 'index',
      topic: 'Chỉ số xếp hạng',
      value: `${policy.index.name} (Quy định dẫn ${ownIndex.name})`,
      act: 'chưa có văn bản áp dụng',
      source: policy.index.from === 'config' ? 'config' : 'input',
    });
    needs.push({
      key: 'legal.index.basis',
      vi: `cần văn bản của UBND tỉnh áp dụng ${policy.index.name} thay ${ownIndex.name} cho ${articles}`,
      en: `needs the act of UBND tỉnh adopting the ${policy.index.name} instead of the ${ownIndex.name} for ${articles.replace('Điều', 'Articles')}`,
    });
  }

  // The body that assesses, on the documents' date, and the province's own act for it.
  const issuer = issuerOn(regulation, date, department);
  if (issuer.holder !== undefined) {
    lines.push({
      key: 'assessor',
      topic: `Cơ quan đánh giá (${formatCitation(context.assessor.citation)}), ngày ${dmy(date)}`,
      value: issuer.speaks,
      act: issuer.holder.act,
      source: 'module',
      ...(issuer.holder.unverified === undefined ? {} : { unverified: issuer.holder.unverified }),
    });
    if (issuer.holder.value.needsProvinceAct) {
      if (legal.department?.basis !== undefined) {
        lines.push({
          key: 'department',
          topic: `Văn bản của tỉnh về ${issuer.name}`,
          value: issuer.name,
          act: legal.department.basis,
          source: 'config',
        });
      } else {
        needs.push({
          key: 'legal.department.basis',
          vi: `cần văn bản của UBND tỉnh thành lập ${issuer.name}, cơ quan thực hiện nhiệm vụ của ${context.assessor.named} (legal.department.basis)`,
          en: `needs the act of UBND tỉnh establishing the ${issuer.name}, which holds the duties of the ${context.assessor.named} (legal.department.basis)`,
        });
      }
    }
  }

  // Departments merged with their counterparts when the province was merged.
  for (const entry of mergers.confirmed) {
    lines.push({
      key: 'mergers',
      topic: `Hợp nhất sở từ ngày ${dmy(entry.from)}`,
      value: `${entry.units.length} đơn vị tiếp tục là một đơn vị trong năm: ${entry.units.join(', ')}`,
      act: entry.basis,
      source: 'config',
    });
  }
  if (mergers.unconfirmed.length > 0 && territory !== undefined) {
    const names = mergers.unconfirmed.map((u) => u.code);
    const list =
      names.length > 10 ? `${names.slice(0, 10).join(', ')} và ${names.length - 10} đơn vị khác` : names.join(', ');
    needs.push({
      key: 'legal.mergers',
      vi: `cần văn bản thành lập các sở của tỉnh mới hợp nhất từ ngày ${dmy(territory.mergedOn)} (legal.mergers) cho ${mergers.unconfirmed.length} đơn vị: ${list}`,
      en: `needs the acts establishing the merged departments of the new province from ${dmy(territory.mergedOn)} (legal.mergers) for ${mergers.unconfirmed.length} unit(s): ${list}`,
    });
  }

  // Blocks that ended, and blocks the configuration declares, with their acts.
  for (const block of policy.blocks) {
    if (block.until !== undefined && block.until.date < end && block.until.date >= start)
      lines.push({
        key: 'block-ended',
        topic: `Khối ${block.vi}`,
        value: `các đơn vị kết thúc hoạt động sau ngày ${dmy(block.until.date)}`,
        act: block.until.act,
        source: 'module',
      });
    if (block.configured && 'document' in block.basis && facts.blocks.has(block.code))
      lines.push({
        key: 'block',
        topic: `Khối ${block.vi} (${block.code})`,
        value: 'áp dụng Quy định cho các đơn vị của khối',
        act: block.basis.document,
        source: 'config',
      });
  }

  // Discipline, and the instruments the regulation names that were replaced.
  const discipline = disciplineOn(policy, year, date);
  lines.push({
    key: 'discipline',
    topic: `Xử lý kỷ luật (${context.discipline.citations.map((c) => formatCitation(c)).join('; ')}), ngày ${dmy(date)}`,
    value: discipline.text,
    act: discipline.inForce.act,
    source: fromConfig(policy, discipline.inForce) ? 'config' : 'module',
    ...(discipline.inForce.unverified === undefined ? {} : { unverified: discipline.inForce.unverified }),
  });
  for (const instrument of context.replaced) {
    const now = factOn(instrument.now, date);
    if (now === undefined) continue;
    lines.push({
      key: 'replaced',
      topic: `${instrument.named} (Quy định dẫn)`,
      value: `nay là ${now.value}`,
      act: now.act,
      source: 'module',
      ...(now.unverified === undefined ? {} : { unverified: now.unverified }),
    });
  }
  return { year, documentDate: date, issuer, discipline, lines, needs };
}

/** A text of the regulation (an item's words) with "nay là …" after each instrument it names that was replaced. */
export function withNowIs(text: string, regulation: Regulation, date: string): string {
  let result = text;
  for (const instrument of regulation.context.replaced) {
    if (!result.includes(instrument.named)) continue;
    const now = factOn(instrument.now, date);
    if (now === undefined) continue;
    result = result.replace(instrument.named, `${instrument.named} (nay là ${now.value})`);
  }
  return result;
}
