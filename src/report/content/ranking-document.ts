import { formatCitation } from '../../rules/citation.js';
import { type Ranking, previousPlace, previousPlaceText } from '../../rules/ranking.js';
import { blockLabel, bottomGroupName, percent, topGroupName } from './labels.js';
import type { CellValue, Document } from './document.js';
import { type RunInfo, basisSheet, warningsSheet, indexLine, smallGroupNote } from './sheets.js';

/** The ranking workbook of `ict-eval rank`: Xếp hạng, Nhóm, Căn cứ và tham số. */
export function rankingDocument(
  ranking: Ranking,
  previous: Ranking | null,
  components: ReadonlyMap<string, readonly { name: string; value: number | string | null }[]>,
  names: ReadonlyMap<string, string>,
  info: RunInfo,
  previousCodes: ReadonlyMap<string, readonly string[]> = new Map(),
): Document {
  const sheets: Document['sheets'][number][] = [];
  const { policy } = info;
  const topPercent = percent(policy.parameters.topShare, 'vi');
  const bottomPercent = percent(policy.parameters.bottomShare, 'vi');
  const previousOf = new Map((previous?.ranked ?? []).map((r) => [r.unitCode, r]));
  const componentNames = [...new Set([...components.values()].flatMap((list) => list.map((c) => c.name)))];
  const rows: CellValue[][] = ranking.ranked.map((r) => {
    const before = previousPlace(r.unitCode, previousCodes.get(r.unitCode) ?? [], previousOf);
    const group =
      [r.top ? topGroupName(policy, 'vi') : '', r.bottom ? bottomGroupName(policy, 'vi') : '']
        .filter((g) => g !== '')
        .join(' và ') || '—';
    const own = components.get(r.unitCode) ?? [];
    return [
      r.unitCode,
      names.get(r.unitCode) ?? '',
      blockLabel(policy, r.block, 'vi'),
      r.score,
      r.rank,
      group,
      r.rated ? 'Có' : 'Không (không có trong danh sách đơn vị)',
      ...(previous === null
        ? []
        : [
            before.rank ?? (before.status === 'new' ? null : previousPlaceText(before, 'vi')),
            before.rank === null ? (before.status === 'new' ? 'Mới' : '') : before.rank - r.rank,
          ]),
      ...componentNames.map((name) => own.find((c) => c.name === name)?.value ?? null),
    ];
  });
  for (const u of ranking.unranked)
    rows.push([
      u.unitCode,
      names.get(u.unitCode) ?? '',
      blockLabel(policy, u.block, 'vi'),
      null,
      null,
      u.reason === 'not-in-index' ? `Không xếp hạng ${policy.index.name}` : 'Không xếp hạng (không có điểm)',
      u.rated ? 'Có' : 'Không (không có trong danh sách đơn vị)',
      ...(previous === null ? [] : [null, null]),
      ...componentNames.map(() => null),
    ]);
  sheets.push({
    kind: 'table',
    name: 'Xếp hạng',
    title: `Xếp hạng ${policy.index.name}`,
    subtitle: indexLine(info),
    columns: [
      { header: 'Mã đơn vị', width: 10 },
      { header: 'Tên đơn vị', width: 30 },
      { header: 'Khối', width: 16 },
      { header: `Điểm ${policy.index.name}`, width: 11 },
      { header: 'Hạng', width: 7 },
      { header: 'Nhóm', width: 18 },
      { header: 'Được xếp loại', width: 14 },
      ...(previous === null
        ? []
        : [
            { header: 'Hạng năm trước', width: 9 },
            { header: 'Thay đổi (+ là tăng hạng)', width: 12 },
          ]),
      ...componentNames.map((name) => ({ header: name, width: 14 })),
    ],
    rows,
  });
  sheets.push({
    kind: 'table',
    name: 'Nhóm',
    title: `Quy mô nhóm ${topGroupName(policy, 'vi')} và ${bottomGroupName(policy, 'vi')}`,
    columns: [
      { header: 'Phạm vi xếp hạng', width: 26 },
      { header: 'Số đơn vị xếp hạng (N)', width: 14 },
      { header: `k (nhóm ${topPercent})`, width: 12 },
      { header: `k' (nhóm ${bottomPercent})`, width: 12 },
      { header: `Số đơn vị nhóm ${topPercent}`, width: 12 },
      { header: `Số đơn vị nhóm ${bottomPercent}`, width: 12 },
      { header: 'Thứ hạng theo', width: 16 },
      { header: 'Căn cứ', width: 30 },
      { header: 'Ghi chú', width: 30 },
    ],
    rows: ranking.groups.map((g) => [
      blockLabel(policy, g.scope, 'vi'),
      g.n,
      g.topSize,
      g.bottomSize,
      g.topCount,
      g.bottomCount,
      g.source === 'official' ? 'Hạng chính thức' : 'Điểm',
      ranking.citations.map((c) => formatCitation(c)).join('; '),
      smallGroupNote(g, policy),
    ]),
  });
  sheets.push(warningsSheet(info), basisSheet(info));
  return { block: info.block, sheets };
}
