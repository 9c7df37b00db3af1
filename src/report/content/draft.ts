import type { LegalContext } from '../../rules/legal.js';
import type { Lang } from './labels.js';
import type { PersonRow } from './model.js';

/** The units named in the draft line; the others are counted (a national year may have hundreds). */
const NAMED = 10;

/**
 * Why a year's outputs are a draft (DỰ THẢO), in one sentence: the persons who cannot be rated yet, and each act the
 * year needs that neither the module nor the configuration gives ("cần văn bản …"); undefined when the year is
 * complete. Every document of the year, the summary line and `--final` use this one sentence.
 */
export function draftReason(
  rows: readonly Pick<PersonRow, 'rating' | 'unitCode' | 'unitName'>[],
  legal: Pick<LegalContext, 'needs'>,
  lang: Lang,
): string | undefined {
  const parts: string[] = [];
  const unrated = rows.filter((r) => r.rating === 'thieu-du-lieu');
  if (unrated.length > 0) {
    // The units' names, as whoever reads the line knows them (issue #36: not their codes), at most NAMED of them.
    const names = [...new Set(unrated.map((r) => r.unitName || r.unitCode))];
    const more = names.length - NAMED;
    const units =
      more > 0
        ? `${names.slice(0, NAMED).join(', ')} ${lang === 'vi' ? `và ${more} đơn vị khác` : `and ${more} other units`}`
        : names.join(', ');
    parts.push(
      lang === 'vi'
        ? `${unrated.length} người chưa đủ dữ liệu để xếp loại: ${units}`
        : `${unrated.length} person(s) lack data to be rated: ${units}`,
    );
  }
  for (const need of legal.needs) parts.push(lang === 'vi' ? need.vi : need.en);
  return parts.length === 0 ? undefined : parts.join('; ');
}
