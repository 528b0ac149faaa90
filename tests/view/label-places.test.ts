import { describe, expect, it } from 'vitest';
import {
  type Box,
  choosePlaces,
  clashOf,
  type LabelPlace,
} from '../../src/view/table/label-places.ts';

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });
const at = (name: string, b: Box, clash = 0): LabelPlace<string> => ({
  place: name,
  box: b,
  clash,
});

describe('choosePlaces: the seats’ labels are placed together', () => {
  it('keeps every seat’s first place when none of them meet', () => {
    const chosen = choosePlaces([
      [at('a-right', box(0, 0, 10, 10)), at('a-left', box(20, 0, 30, 10))],
      [at('b-right', box(40, 0, 50, 10)), at('b-compact', box(40, 0, 45, 10))],
    ]);
    expect(chosen).toEqual([0, 0]);
  });

  it('moves an earlier seat off its first place when a later seat has no clear place', () => {
    // The right-hand seat (placed first) prefers its full tag, which covers the only place the
    // bottom seat has; its icon-only tag leaves room. One by one, the bottom seat would clash.
    const right = [at('full', box(100, 50, 200, 70)), at('compact', box(170, 50, 200, 70))];
    const bottom = [at('right', box(120, 55, 160, 75))];
    expect(choosePlaces([right, bottom])).toEqual([1, 0]);
  });

  it('takes the least clash when no combination is clear, counting clashes off the table', () => {
    const chosen = choosePlaces([
      [at('on-other', box(0, 0, 10, 10)), at('off-table', box(0, 0, 10, 10), 30)],
      [at('only', box(5, 5, 15, 15))],
    ]);
    // 25 px² of overlap is less than 30 px² off the table.
    expect(chosen).toEqual([0, 0]);
  });

  it('prefers the first seat’s preference between equal choices, and skips a seat with none', () => {
    const chosen = choosePlaces([
      [at('a1', box(0, 0, 10, 10)), at('a2', box(50, 0, 60, 10))],
      [],
      [at('c1', box(0, 0, 10, 10)), at('c2', box(50, 0, 60, 10))],
    ]);
    expect(chosen).toEqual([0, -1, 1]);
  });
});

describe('clashOf', () => {
  it('counts what is off the area and what is on others', () => {
    const area = box(0, 0, 100, 100);
    expect(clashOf(box(90, 0, 110, 10), area, [])).toBe(100);
    expect(clashOf(box(0, 0, 10, 10), area, [box(5, 5, 20, 20), box(0, 0, 2, 2)])).toBe(29);
  });
});
