import type { Policy } from '../../rules/policy.js';
import { type Ranking, previousPlace, previousPlaceText } from '../../rules/ranking.js';
import { blockLabel, bottomGroupName, decimal, percent, topGroupName } from '../content/labels.js';
import { textTable } from './terminal.js';
import type { Screen } from './terminal.js';

/** One table per ranking scope, under a line with N, k and k' and the groups' shares. */
export function rankingTables(
  context: Screen,
  policy: Policy,
  ranking: Ranking,
  previous: Ranking | null,
  names: ReadonlyMap<string, string>,
  previousCodes: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  const { lang, chalk } = context;
  const vi = lang === 'vi';
  const previousOf = new Map((previous?.ranked ?? []).map((r) => [r.unitCode, r]));
  const topShare = percent(policy.parameters.topShare, lang);
  const bottomShare = percent(policy.parameters.bottomShare, lang);
  const out: string[] = [];
  for (const group of ranking.groups) {
    out.push(
      chalk.bold(
        `${blockLabel(policy, group.scope, lang)}: N = ${group.n}, k = ${group.topSize} (${vi ? `nhóm ${topShare}` : `top ${topShare}`}), k' = ${group.bottomSize} (${vi ? `nhóm ${bottomShare}` : `bottom ${bottomShare}`})`,
      ),
    );
    const rows = ranking.ranked
      .filter((r) => r.scope === group.scope)
      .map((r) => {
        const before = previousPlace(r.unitCode, previousCodes.get(r.unitCode) ?? [], previousOf);
        return [
          String(r.rank),
          r.unitCode,
          names.get(r.unitCode) ?? '',
          decimal(r.score, context.lang),
          [r.top ? topGroupName(policy, lang) : '', r.bottom ? bottomGroupName(policy, lang) : '']
            .filter((g) => g !== '')
            .join(', '),
          ...(previous === null
            ? []
            : [
                before.rank === null && before.status !== 'merged' ? '—' : previousPlaceText(before, lang),
                before.rank === null
                  ? before.status === 'new'
                    ? vi
                      ? 'mới'
                      : 'new'
                    : ''
                  : movement(before.rank - r.rank),
              ]),
        ];
      });
    const headers = [
      vi ? 'Hạng' : 'Rank',
      vi ? 'Mã' : 'Code',
      vi ? 'Đơn vị' : 'Unit',
      vi ? 'Điểm' : 'Score',
      vi ? 'Nhóm' : 'Group',
      ...(previous === null ? [] : [vi ? 'Hạng trước' : 'Prev.', '±']),
    ];
    out.push(
      textTable(headers, rows, {
        width: context.width,
        paint: (row, _col, text) => (row < 0 ? chalk.bold(text) : text),
      }),
      '',
    );
  }
  return out.join('\n');
}

export function movement(delta: number): string {
  if (delta > 0) return `▲${delta}`;
  if (delta < 0) return `▼${-delta}`;
  return '=';
}
