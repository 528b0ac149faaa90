/** Looking up where a value sits in the source by its JSON path, from the blocks the parser built. */
import type { PathSegment } from './codes.ts';
import type { LineIndex } from './json-offsets.ts';
import { scanString } from './json-scan.ts';

export interface SourceLocation {
  line: number;
  column: number;
  /** false when the path does not exist in the source and this is its nearest existing ancestor. */
  exact: boolean;
}

/** Maps JSON paths (as Zod reports them) back to the source text. */
export interface SourcePositions {
  /** Where the value at `path` starts, or its nearest existing ancestor (e.g. for a missing key). */
  locate(path: readonly PathSegment[]): SourceLocation;
  /** Where the key of the last segment starts, for problems about the key itself. */
  locateKey(path: readonly PathSegment[]): SourceLocation;
}

/*
 * Position blocks. When a container closes, its direct children's entries (contiguous on the
 * pending stack, because each child's own children were flushed when it closed) move into `blocks`
 * as: header = count * 2 + kind, then per child [valueOffset, childBlock] for arrays or
 * [keyOffset, valueOffset, childBlock] for objects. childBlock is -1 for primitives.
 */
export const ARRAY = 0;
export const OBJECT = 1;

export class JsonPositions implements SourcePositions {
  private readonly keyMaps = new Map<number, Map<string, number>>();

  constructor(
    private readonly text: string,
    private readonly blocks: Int32Array,
    private readonly rootOffset: number,
    private readonly rootBlock: number,
    private readonly lines: LineIndex,
  ) {}

  locate(path: readonly PathSegment[]): SourceLocation {
    const hit = this.find(path);
    return { ...this.lines.at(hit.valueOffset), exact: hit.depth === path.length };
  }

  locateKey(path: readonly PathSegment[]): SourceLocation {
    const hit = this.find(path);
    const exact = hit.depth === path.length;
    const offset = exact && hit.keyOffset >= 0 ? hit.keyOffset : hit.valueOffset;
    return { ...this.lines.at(offset), exact };
  }

  private find(path: readonly PathSegment[]) {
    let block = this.rootBlock;
    let valueOffset = this.rootOffset;
    let keyOffset = -1;
    let depth = 0;
    for (; depth < path.length && block >= 0; depth++) {
      const header = this.blocks[block] ?? 0;
      const count = header >> 1;
      const segment = path[depth];
      let entry: number;
      if ((header & 1) === ARRAY) {
        if (!isIndexBelow(segment, count)) break;
        entry = block + 1 + segment * 2;
        keyOffset = -1;
      } else {
        const index = typeof segment === 'string' ? this.memberIndex(block, count, segment) : -1;
        if (index < 0) break;
        entry = block + 1 + index * 3;
        keyOffset = this.blocks[entry] ?? 0;
        entry++;
      }
      valueOffset = this.blocks[entry] ?? 0;
      block = this.blocks[entry + 1] ?? -1;
    }
    return { valueOffset, keyOffset, depth };
  }

  /** Keys are read back from the text; large objects get a map built once, on first lookup. */
  private memberIndex(block: number, count: number, key: string): number {
    const keyAt = (i: number) => readKey(this.text, this.blocks[block + 1 + i * 3] ?? 0);
    if (count <= 8) {
      for (let i = 0; i < count; i++) if (keyAt(i) === key) return i;
      return -1;
    }
    let map = this.keyMaps.get(block);
    if (!map) {
      map = new Map();
      for (let i = 0; i < count; i++) map.set(keyAt(i), i);
      this.keyMaps.set(block, map);
    }
    return map.get(key) ?? -1;
  }
}

function isIndexBelow(segment: PathSegment | undefined, count: number): segment is number {
  return (
    typeof segment === 'number' && Number.isInteger(segment) && segment >= 0 && segment < count
  );
}

function readKey(text: string, offset: number): string {
  const scanned = scanString(text, offset);
  return scanned.ok ? scanned.value : '';
}
