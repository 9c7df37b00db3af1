import { RATING_LABELS, REWARD_LABELS, SANCTION_LABELS, label } from '../content/labels.js';
import { tableLines } from './terminal.js';
import type { YearRun } from '../content/run.js';
import type { Screen } from './terminal.js';

export function personTable(context: Screen, prepared: YearRun, withSanctions: boolean): Iterable<string> {
  const { lang, chalk } = context;
  const vi = lang === 'vi';
  const headers = [
    'STT',
    vi ? 'Họ và tên' : 'Name',
    vi ? 'Đơn vị' : 'Unit',
    vi ? 'Xếp loại' : 'Rating',
    vi ? 'Khen thưởng' : 'Reward',
    ...(withSanctions ? [vi ? 'Xử lý' : 'Sanction'] : []),
    vi ? 'Căn cứ' : 'Basis',
  ];
  const rows = prepared.rows.map((r, i) => [
    String(i + 1),
    r.name,
    r.unitName,
    label(RATING_LABELS, r.rating, lang),
    r.rewards.map((w) => label(REWARD_LABELS, w, lang)).join('; '),
    ...(withSanctions ? [r.sanction === null ? '' : label(SANCTION_LABELS, r.sanction, lang)] : []),
    [...r.ratingCitations, ...r.sanctionCitations].join('; '),
  ]);
  const ratingColumn = 3;
  return tableLines(headers, rows, {
    width: context.width,
    // Rewards and citations go under the person's row on a narrow terminal.
    stack: [4, headers.length - 1],
    paint: (row, col, text) => {
      if (row < 0) return chalk.bold(text);
      if (col !== ratingColumn) return text;
      const rating = prepared.rows[row]?.rating;
      if (rating === 'xuat-sac') return chalk.green(text);
      if (rating === 'khong-hoan-thanh') return chalk.red(text);
      if (rating === 'thieu-du-lieu') return chalk.yellow(text);
      return text;
    },
  });
}
