/**
 * Pieces gathered as they come into groups whose lengths add up to `size` or more (the last group may be smaller; an
 * empty remainder is not given): each group is one trip to a stream, to zlib or to a file. Used for text sent to the
 * terminal (writePieces, terminal.ts) and for bytes deflated or written a megabyte at a time (joinedPieces, zip.ts).
 */
export function* gathered<T extends { readonly length: number }>(pieces: Iterable<T>, size: number): Generator<T[]> {
  let group: T[] = [];
  let length = 0;
  for (const piece of pieces) {
    group.push(piece);
    length += piece.length;
    if (length < size) continue;
    yield group;
    group = [];
    length = 0;
  }
  if (length > 0) yield group;
}
