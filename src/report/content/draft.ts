import type { LegalContext } from '../../rules/legal.js';
import type { Lang } from './labels.js';
import type { PersonRow } from './model.js';

/**
 * Why a year's outputs are a draft (DỰ THẢO), in one sentence: the persons who cannot be rated yet, and each act the
 * year needs that neither the module nor the configuration gives ("cần văn bản …"); undefined when the year is
 * complete. Every document of the year, the summary line and `--final` use this one sentence.
 */
export function draftReason(
  rows: readonly Pick<PersonRow, 'rating' | 'unitCode'>[],
  legal: Pick<LegalContext, 'needs'>,
  lang: Lang,
): string | undefined {
  const parts: string[] = [];
  const unrated = rows.filter((r) => r.rating === 'thieu-du-lieu');
  if (unrated.length > 0) {
    const units = [...new Set(unrated.map((r) => r.unitCode))].join(', ');
    parts.push(
      lang === 'vi'
        ? `${unrated.length} người chưa đủ dữ liệu để xếp loại: ${units}`
        : `${unrated.length} person(s) lack data to be rated: ${units}`,
    );
  }
  for (const need of legal.needs) parts.push(lang === 'vi' ? need.vi : need.en);
  return parts.length === 0 ? undefined : parts.join('; ');
}
