import type { Policy } from '../../rules/policy.js';
import type { InputFile } from '../../domain.js';
import { RATING_LABELS, REWARD_LABELS, SANCTION_LABELS, STATUS_LABELS, decimal, yesNo } from './labels.js';
import type { PersonRow } from './model.js';
import type { ItemResult } from '../../rules/sections.js';
import type { CellValue, TableSheet } from './document.js';

/**
 * A run's result as kept in `out/Y/lich-su/<digest>.json` (issue 14): the inputs with their SHA-256, the policy,
 * the rules and tool versions, and every person's outcome with its citations and the facts it rests on. The same
 * inputs give the same record, byte for byte (no clock in it); corrected inputs give another.
 */
export interface HistoryRecord {
  readonly format: 'ict-eval/lich-su@1';
  readonly year: number;
  readonly regulation: string;
  readonly toolVersion: string;
  readonly inputs: readonly { readonly path: string; readonly sha256: string }[];
  readonly policy: Readonly<Record<string, unknown>>;
  readonly persons: readonly PersonRecord[];
}

/** The facts a person's outcome rests on, as the record keeps them (to say what changed between two runs). */
export interface PersonFacts {
  /** The status that counts for each item of the unit (null: not assessed). */
  readonly items: Readonly<Record<string, string | null>>;
  readonly score: number | null;
  readonly rank: number | null;
  readonly top: boolean | null;
  readonly bottom: boolean | null;
  readonly bottomPrevious: boolean | null;
  readonly slow: boolean;
  readonly reviewDemanded: boolean;
  readonly violatedSections: readonly number[];
}

export interface PersonRecord {
  /** Who, stably across runs: unit, name, role and the start of the period. */
  readonly key: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly name: string;
  readonly role: string;
  readonly rating: string;
  readonly rewards: readonly string[];
  readonly sanction: string | null;
  readonly reviewReasons: readonly string[];
  readonly citations: readonly string[];
  readonly facts: PersonFacts;
}

/** JSON.stringify's replacer for canonical JSON: each object's keys in code-unit order, so equal records are equal bytes. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  // Already in order (the record's own objects are made so): the object itself, not a sorted copy.
  if (keysInOrder(keys)) return value;
  // Made by fromEntries, which defines each key as its own: an assignment of "__proto__" would set the prototype instead,
  // and the key would be lost from the text.
  return Object.fromEntries(keys.sort().map((key) => [key, (value as Record<string, unknown>)[key]]));
}

/** Whether every object in a value has its keys in order already: then JSON writes it canonical with no replacer. */
function inOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(inOrder);
  const keys = Object.keys(value);
  return keysInOrder(keys) && keys.every((key) => inOrder((value as Record<string, unknown>)[key]));
}

/** Whether an object's keys are in code-unit order, the order canonical JSON writes them in. */
function keysInOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] ?? '') >= (keys[i] ?? '')) return false;
  return true;
}

/**
 * Persons written by one JSON.stringify: a national record's 11 000 in 43 pieces of some 360 kB, not 11 000 calls and
 * as many passes to indent each (issue #38: 340 → … ms of a national run).
 */
const PERSONS_A_PIECE = 256;
/** What JSON.stringify([batch], …, 2) writes around the batch's persons. */
const BATCH_OPEN = '[\n  [';
const BATCH_CLOSE = '\n  ]\n]';

/** Stands for the persons in the record's own text, where their array is spliced in (JSON writes it as `\u0000…`). */
const PERSONS_AT = '\u0000persons';

/**
 * The canonical text of a record (two-space indented, final newline) in UTF-8, made a batch of persons at a time: the same bytes
 * as JSON.stringify of the whole with sorted keys, without a second copy of the 11 000 persons with sorted keys and
 * without the whole text as one string, which Vietnamese names make two bytes a character (some 30 MB at once for a
 * national record): PERSONS_A_PIECE persons at a time. The pieces are made as they are asked for: a run hashes them and writes them to a temporary file
 * (holdRecord in src/commands/history.ts), never holding the 15 MB of a national record at once.
 */
export function* canonicalPieces(record: HistoryRecord): Generator<Buffer> {
  const { persons, ...rest } = record;
  const frame = JSON.stringify({ ...rest, persons: PERSONS_AT }, sortedKeys, 2);
  const marker = JSON.stringify(PERSONS_AT);
  const at = frame.indexOf(marker);
  // The marker stands once, where the persons go, unless a value of the record's own says the same (then: whole).
  if (at < 0 || frame.lastIndexOf(marker) !== at) {
    yield Buffer.from(`${JSON.stringify(record, sortedKeys, 2)}\n`);
    return;
  }
  yield Buffer.from(`${frame.slice(0, at)}${persons.length === 0 ? '[]' : '['}`);
  for (let from = 0; from < persons.length; from += PERSONS_A_PIECE) {
    const batch = persons.slice(from, from + PERSONS_A_PIECE);
    // The persons two levels down, as in the record: JSON writes `[[p, …]]` so, and its first and last lines are cut
    // off (a newline in a value is written \n by JSON, so the cuts are the structure's). With a replacer JSON.stringify
    // takes its slow path: a batch whose persons are all in order already is written without one.
    const text = JSON.stringify([batch], batch.every(inOrder) ? undefined : sortedKeys, 2);
    yield Buffer.from(`${from === 0 ? '' : ','}${text.slice(BATCH_OPEN.length, -BATCH_CLOSE.length)}`);
  }
  yield Buffer.from(`${persons.length === 0 ? '' : '\n  ]'}${frame.slice(at + marker.length)}\n`);
}

export function personKey(r: Pick<PersonRow, 'unitCode' | 'name' | 'role' | 'period'>): string {
  return `${r.unitCode}|${r.name}|${r.role}|${r.period?.from ?? ''}`;
}

/**
 * The status of each item of a unit, as the record keeps them, keyed by the item's code in the checklist's order: a
 * copy of one object with the checklist's codes (made once for each checklist), each code then given its status. For a
 * national year's 11 000 persons (issue #38): Object.fromEntries of the pairs took 50-64 ms and 2.4 MB; assigning the
 * codes one by one to an empty object 37-47 ms and 17.8 MB; this 9-27 ms and 2.4 MB. Every code is the copy's own key
 * before its status is assigned, so that a code "__proto__" is given its status, not taken for the prototype.
 */
function itemStatuses(): (items: readonly ItemResult[]) => Readonly<Record<string, string | null>> {
  let codes: readonly string[] = [];
  let blank: Readonly<Record<string, null>> = {};
  return (items) => {
    if (items.length !== codes.length || items.some((result, at) => result.item.code !== codes[at])) {
      codes = items.map((result) => result.item.code);
      blank = Object.fromEntries(codes.map((code) => [code, null]));
    }
    const statuses: Record<string, string | null> = { ...blank };
    for (const result of items) statuses[result.item.code] = result.status;
    return statuses;
  };
}

/** The record of a run. */
export function historyRecord(
  year: number,
  rows: readonly PersonRow[],
  policy: Policy,
  files: readonly InputFile[],
  toolVersion: string,
): HistoryRecord {
  const itemStatusesOf = itemStatuses();
  return {
    format: 'ict-eval/lich-su@1',
    year,
    regulation: policy.regulation.id,
    toolVersion,
    inputs: files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    policy: { ...policy.parameters },
    // A person and their facts with their keys in the canonical order already, so that the text is written from them
    // as they are (sortedKeys copies only an object out of order): 11 000 of each in a national record.
    persons: rows.map((r) => ({
      citations: [...r.citations],
      facts: {
        bottom: r.bottom,
        bottomPrevious: r.bottomPrevious,
        items: itemStatusesOf(r.evaluation.unit.assessment.items),
        rank: r.rank,
        reviewDemanded: r.reviewDemanded,
        score: r.score,
        slow: r.slow,
        top: r.top,
        violatedSections: [...r.violatedSections],
      },
      key: personKey(r),
      name: r.name,
      rating: r.rating,
      reviewReasons: [...r.reviewReasons],
      rewards: [...r.rewards],
      role: r.role,
      sanction: r.sanction,
      unitCode: r.unitCode,
      unitName: r.unitName,
    })),
  };
}

/** One fact that differs between two records: what, before, after (in words). */
export interface FactChange {
  readonly what: string;
  readonly from: string;
  readonly to: string;
}

export interface PersonChange {
  readonly key: string;
  readonly name: string;
  readonly unitCode: string;
  readonly unitName: string;
  /** The outcome before and after; null when the person is in one record only. */
  readonly from: Outcome | null;
  readonly to: Outcome | null;
  readonly facts: readonly FactChange[];
}

export interface Outcome {
  readonly rating: string;
  readonly rewards: readonly string[];
  readonly sanction: string | null;
}

export interface HistoryDiff {
  readonly from: string;
  readonly to: string;
  readonly inputs: readonly FactChange[];
  readonly policy: readonly FactChange[];
  readonly persons: readonly PersonChange[];
}

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return yesNo(value, 'vi');
  if (typeof value === 'number') return decimal(value, 'vi');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

const itemText = (status: string | null | undefined): string =>
  status === null || status === undefined
    ? 'chưa đánh giá'
    : ((STATUS_LABELS as Record<string, { vi: string } | undefined>)[status]?.vi ?? status);

/** The facts of a person that differ between two records, in words. */
function factChanges(a: PersonFacts, b: PersonFacts): FactChange[] {
  const changes: FactChange[] = [];
  const codes = [...new Set([...Object.keys(a.items), ...Object.keys(b.items)])].sort(compareCodes);
  for (const code of codes)
    if (a.items[code] !== b.items[code])
      changes.push({ what: `tiêu chí ${code}`, from: itemText(a.items[code]), to: itemText(b.items[code]) });
  const plain: [keyof PersonFacts, string][] = [
    ['score', 'điểm ICT Index'],
    ['rank', 'hạng trong khối'],
    ['top', 'nhóm cao nhất'],
    ['bottom', 'nhóm thấp nhất năm nay'],
    ['bottomPrevious', 'nhóm thấp nhất năm trước'],
    ['slow', 'chậm triển khai kết luận'],
    ['reviewDemanded', 'cấp trên yêu cầu kiểm điểm'],
  ];
  for (const [key, what] of plain)
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      changes.push({ what, from: shown(a[key]), to: shown(b[key]) });
  return changes;
}

/** `1.10` after `1.9`: item codes by their numbers. */
function compareCodes(a: string, b: string): number {
  const [x1 = 0, x2 = 0] = a.split('.').map(Number);
  const [y1 = 0, y2 = 0] = b.split('.').map(Number);
  return x1 - y1 || x2 - y2;
}

const outcome = (p: PersonRecord): Outcome => ({ rating: p.rating, rewards: p.rewards, sanction: p.sanction });
const sameOutcome = (a: Outcome, b: Outcome) =>
  a.rating === b.rating && a.sanction === b.sanction && JSON.stringify(a.rewards) === JSON.stringify(b.rewards);

/**
 * What changed from record `a` to record `b`: the input files and policy parameters that differ, and each person
 * whose rating, reward or sanction changed (or who is in one record only), with the facts of theirs that changed.
 */
export function diffRecords(a: HistoryRecord, b: HistoryRecord, names: { from: string; to: string }): HistoryDiff {
  const inputs: FactChange[] = [];
  const before = new Map(a.inputs.map((f) => [f.path, f.sha256]));
  const after = new Map(b.inputs.map((f) => [f.path, f.sha256]));
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = before.get(path);
    const y = after.get(path);
    if (x !== y)
      inputs.push({
        what: path,
        from: x === undefined ? '—' : x.slice(0, 12),
        to: y === undefined ? '—' : y.slice(0, 12),
      });
  }
  const policy: FactChange[] = [];
  for (const key of [...new Set([...Object.keys(a.policy), ...Object.keys(b.policy)])].sort())
    if (JSON.stringify(a.policy[key]) !== JSON.stringify(b.policy[key]))
      policy.push({ what: key, from: JSON.stringify(a.policy[key]), to: JSON.stringify(b.policy[key]) });
  const persons: PersonChange[] = [];
  const old = new Map(a.persons.map((p) => [p.key, p]));
  const now = new Map(b.persons.map((p) => [p.key, p]));
  for (const p of b.persons) {
    const q = old.get(p.key);
    if (q !== undefined && sameOutcome(outcome(q), outcome(p))) continue;
    persons.push({
      key: p.key,
      name: p.name,
      unitCode: p.unitCode,
      unitName: p.unitName,
      from: q === undefined ? null : outcome(q),
      to: outcome(p),
      facts: q === undefined ? [] : factChanges(q.facts, p.facts),
    });
  }
  for (const q of a.persons)
    if (!now.has(q.key))
      persons.push({
        key: q.key,
        name: q.name,
        unitCode: q.unitCode,
        unitName: q.unitName,
        from: outcome(q),
        to: null,
        facts: [],
      });
  return { from: names.from, to: names.to, inputs, policy, persons };
}

/** An outcome in words: "Không hoàn thành nhiệm vụ; xử lý: Phê bình". */
export function outcomeText(o: Outcome | null): string {
  if (o === null) return '(không có trong lần này)';
  const rating = (RATING_LABELS as Record<string, { vi: string } | undefined>)[o.rating]?.vi ?? o.rating;
  const rewards = o.rewards.map((w) => (REWARD_LABELS as Record<string, { vi: string } | undefined>)[w]?.vi ?? w);
  const sanction =
    o.sanction === null
      ? ''
      : ((SANCTION_LABELS as Record<string, { vi: string } | undefined>)[o.sanction]?.vi ?? o.sanction);
  return [
    rating,
    ...(rewards.length > 0 ? [`khen thưởng: ${rewards.join(', ')}`] : []),
    ...(sanction === '' ? [] : [`xử lý: ${sanction}`]),
  ].join('; ');
}

const ITEM = 'tiêu chí ';
/** Items changed alike beyond this many are counted, with the first and last codes, not listed. */
const MANY_ITEMS = 6;

/** The facts that changed, in one line: "tiêu chí 1.1: Đạt → Không đạt; điểm ICT Index: 0,71 → 0,69". */
export function factsText(facts: readonly FactChange[]): string {
  // Items that changed alike are said once: "tiêu chí 1.1, 2.3: Đạt → Không đạt", or for many (a unit's report that
  // came, every item from "chưa đánh giá") "22 tiêu chí (1.1 … 4.3): chưa đánh giá → Đạt" — never 22 lines for one cause.
  const groups = new Map<string, { codes: string[]; from: string; to: string }>();
  const parts: (string | { codes: string[]; from: string; to: string })[] = [];
  for (const f of facts) {
    const code = f.what.startsWith(ITEM) ? f.what.slice(ITEM.length) : undefined;
    if (code === undefined) {
      parts.push(`${f.what}: ${f.from} → ${f.to}`);
      continue;
    }
    const key = `${f.from}\u0000${f.to}`;
    const group = groups.get(key);
    if (group !== undefined) group.codes.push(code);
    else {
      const made = { codes: [code], from: f.from, to: f.to };
      groups.set(key, made);
      parts.push(made);
    }
  }
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const { codes, from, to } = part;
      const which =
        codes.length <= MANY_ITEMS
          ? `${ITEM}${codes.join(', ')}`
          : `${codes.length} tiêu chí (${codes[0] ?? ''} … ${codes.at(-1) ?? ''})`;
      return `${which}: ${from} → ${to}`;
    })
    .join('; ');
}

/** The "Thay đổi" sheet: what changed since the previous record of the year. */
export function changesSheet(diff: HistoryDiff): TableSheet {
  const rows: CellValue[][] = diff.persons.map((p) => [
    p.name,
    `${p.unitName} (${p.unitCode})`,
    outcomeText(p.from),
    outcomeText(p.to),
    factsText(p.facts) || (p.from === null || p.to === null ? '' : 'tham số hoặc quy tắc khác (xem dưới)'),
  ]);
  const notes = [
    ...diff.inputs.map((f) => `Tệp ${f.what}: ${f.from} → ${f.to} (SHA-256)`),
    ...diff.policy.map((f) => `Tham số ${f.what}: ${f.from} → ${f.to}`),
  ];
  return {
    kind: 'table',
    name: 'Thay đổi',
    title: 'Thay đổi so với lần đánh giá trước',
    subtitle: `Lần trước: lich-su/${diff.from}.json; lần này: lich-su/${diff.to}.json`,
    columns: [
      { header: 'Họ và tên', width: 22 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Kết quả lần trước', width: 34 },
      { header: 'Kết quả lần này', width: 34 },
      { header: 'Sự việc thay đổi', width: 50 },
    ],
    rows,
    emptyText: 'Không người nào thay đổi kết quả.',
    totals: notes,
  };
}
