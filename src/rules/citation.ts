/**
 * A reference to a provision of a regulation (its attached Quy định), or of the decision that issues
 * it (`of: 'decision'`). Every outcome the rules return carries its citations, so that an explanation
 * is assembled from data, never re-typed.
 */
export interface Provision {
  /** Điều (article) number. */
  readonly article: number;
  /** khoản (clause) number, if the provision is a clause. */
  readonly clause?: number;
  /** điểm (point) letter, if the provision is a point of a clause. */
  readonly point?: string;
  /** A part of the provision that has no number, e.g. "đoạn đầu" (the opening paragraph). */
  readonly part?: 'đoạn đầu';
  /** A paragraph (đoạn) of an article that has no clauses: `đoạn 2 Điều 19`. */
  readonly paragraph?: number;
  /** Set for an article of the decision itself (e.g. its effective date), not of the attached Quy định. */
  readonly of?: 'decision';
}

/**
 * A legal basis outside the regulation's own articles: the document that applies it to a block the
 * regulation does not name (a configured block, e.g. communes after 1/7/2025), cited as written.
 */
export interface DocumentBasis {
  readonly document: string;
}

export type Citation = Provision | DocumentBasis;

export type CitationLang = 'vi' | 'en';

/** Builds a citation: `cite(17, 1, 'b')` is điểm b khoản 1 Điều 17. */
export function cite(article: number, clause?: number, point?: string): Provision {
  return {
    article,
    ...(clause === undefined ? {} : { clause }),
    ...(point === undefined ? {} : { point }),
  };
}

/** The opening paragraph of a clause, e.g. khoản 1 Điều 17 (đoạn đầu). */
export function citeOpening(article: number, clause: number): Provision {
  return { article, clause, part: 'đoạn đầu' };
}

/** A paragraph of an article without clauses: `citeParagraph(19, 2)` is đoạn 2 Điều 19. */
export function citeParagraph(article: number, paragraph: number): Provision {
  return { article, paragraph };
}

/** An article of the decision itself: `Điều 2 của Quyết định`. */
export function citeDecision(article: number): Provision {
  return { article, of: 'decision' };
}

/**
 * The short form, smallest unit first as Vietnamese drafting writes it (rules.md, "Citations"):
 * `điểm b khoản 1 Điều 17`, `khoản 1 Điều 17 (đoạn đầu)`; in English `Art. 17(1)(b)`. Used in tables,
 * in the terminal and in `--json` `citations` (always Vietnamese there).
 */
export function formatCitation(citation: Citation, lang: CitationLang = 'vi'): string {
  if ('document' in citation) return citation.document;
  // A citation is data that does not change, and the same few are cited for each of a year's 11 000 persons: each is
  // written once per language, and every row holds that one string.
  const written = WRITTEN[lang];
  let text = written.get(citation);
  if (text === undefined) {
    text = writeCitation(citation, lang);
    written.set(citation, text);
  }
  return text;
}

const WRITTEN: Record<CitationLang, WeakMap<Provision, string>> = { vi: new WeakMap(), en: new WeakMap() };

function writeCitation(citation: Provision, lang: CitationLang): string {
  if (lang === 'en') {
    let text = `Art. ${citation.article}`;
    if (citation.paragraph !== undefined) text += `, para. ${citation.paragraph}`;
    if (citation.clause !== undefined) text += `(${citation.clause})`;
    if (citation.point !== undefined) text += `(${citation.point})`;
    if (citation.part !== undefined) text += ', opening paragraph';
    if (citation.of === 'decision') text += ' of the Decision';
    return text;
  }
  const parts: string[] = [];
  if (citation.point !== undefined) parts.push(`điểm ${citation.point}`);
  if (citation.clause !== undefined) parts.push(`khoản ${citation.clause}`);
  if (citation.paragraph !== undefined) parts.push(`đoạn ${citation.paragraph}`);
  parts.push(`Điều ${citation.article}`);
  let text = parts.join(' ');
  if (citation.part !== undefined) text += ` (${citation.part})`;
  if (citation.of === 'decision') text += ' của Quyết định';
  return text;
}

/**
 * The full form, for a citation that stands alone (the basis sheet, a sentence): the short form then
 * the instrument — `điểm b khoản 1 Điều 17 Quy định kèm theo Quyết định số 358/2013/QĐ-UBND ngày
 * 30/9/2013 của UBND tỉnh Bắc Ninh`; `Art. 17(1)(b) of the Regulation attached to Decision …`.
 */
export function formatFullCitation(
  citation: Citation,
  reference: CitationReference,
  lang: CitationLang = 'vi',
): string {
  if ('document' in citation) return citation.document;
  const short = formatCitation({ ...citation, of: undefined }, lang);
  if (citation.of === 'decision')
    return lang === 'vi' ? `${short} ${reference.decisionVi}` : `${short} of ${reference.decisionEn}`;
  return lang === 'vi' ? `${short} ${reference.fullVi}` : `${short} of ${reference.fullEn}`;
}

/** True when two citations name the same provision. */
export function sameCitation(a: Citation, b: Citation): boolean {
  return formatCitation(a) === formatCitation(b);
}

/** How a regulation's citations read in full, after the provision (rules.md, "Citations"). */
export interface CitationReference {
  /** `Quy định kèm theo Quyết định số 358/2013/QĐ-UBND ngày 30/9/2013 của UBND tỉnh Bắc Ninh`. */
  readonly fullVi: string;
  /** `the Regulation attached to Decision 358/2013/QĐ-UBND`. */
  readonly fullEn: string;
  /** The decision itself, for its own articles: `Quyết định số 358/2013/QĐ-UBND`. */
  readonly decisionVi: string;
  readonly decisionEn: string;
}
