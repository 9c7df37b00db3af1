/**
 * A reference to a provision of the regulation attached to QĐ 358/2013/QĐ-UBND
 * ("Quy định"), or of the decision itself. Every outcome the rules return carries
 * at least one, so that an explanation is assembled from data, never re-typed.
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
}

/**
 * A legal basis outside the regulation's own articles: the document that applies it to a block the
 * regulation does not name (a configured block, e.g. communes after 1/7/2025), cited as written.
 */
export interface DocumentBasis {
  readonly document: string;
}

export type Citation = Provision | DocumentBasis;

/** Builds a citation: `cite(17, 1, 'b')` is Điều 17 khoản 1 điểm b. */
export function cite(article: number, clause?: number, point?: string): Provision {
  return {
    article,
    ...(clause === undefined ? {} : { clause }),
    ...(point === undefined ? {} : { point }),
  };
}

/** The opening paragraph of a clause, e.g. Điều 17 khoản 1 (đoạn đầu). */
export function citeOpening(article: number, clause: number): Provision {
  return { article, clause, part: 'đoạn đầu' };
}

/** `Điều 17 khoản 1 điểm b`: the short form used in tables and in `--json` `citations`. */
export function formatCitation(citation: Citation): string {
  if ('document' in citation) return citation.document;
  let text = `Điều ${citation.article}`;
  if (citation.clause !== undefined) text += ` khoản ${citation.clause}`;
  if (citation.point !== undefined) text += ` điểm ${citation.point}`;
  if (citation.part !== undefined) text += ` (${citation.part})`;
  return text;
}

/** `Điều 17 khoản 1 điểm b, QĐ 358/2013/QĐ-UBND`: the form rules.md requires in every printed decision. */
export function formatFullCitation(citation: Citation, decision: string): string {
  return `${formatCitation(citation)}, ${decision}`;
}

/** True when two citations name the same provision. */
export function sameCitation(a: Citation, b: Citation): boolean {
  return formatCitation(a) === formatCitation(b);
}
