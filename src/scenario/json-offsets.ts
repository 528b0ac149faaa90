/**
 * Offsets into the source text: where a problem's line and column are computed, and the compact
 * storage that lets a 50 MB file keep a few integers per value instead of an object per value.
 */

export const BOM = 0xfeff;

/** 1-based line and column for offsets into one text. A leading BOM takes no column. */
export class LineIndex {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  at(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    // max(1, …): offset 0 of a file that starts with a BOM sits before the first column.
    return { line: low + 1, column: Math.max(1, offset - (starts[low] ?? 0) + 1) };
  }

  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const { text } = this;
    const starts = new Growable();
    starts.push(text.charCodeAt(0) === BOM ? 1 : 0);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n, \n and a lone \r each end a line, as editors count them.
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
    }
    this.starts = starts.done();
    return this.starts;
  }
}

/** A growable Int32Array: positions for millions of values without millions of objects. */
export class Growable {
  private data = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Moves entries [from, length) to the end of `target` and drops them here. */
  moveTail(from: number, target: Growable): void {
    const count = this.length - from;
    target.reserve(count);
    target.data.set(this.data.subarray(from, this.length), target.length);
    target.length += count;
    this.length = from;
  }

  done(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    const bigger = new Int32Array(Math.max(this.data.length * 2, this.length + extra));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
}
