/**
 * Where the parts of the negotiation table go on the 1280×720 design space: meters and balance
 * on the left, the table with its seats in the centre and the card tray under it, the event
 * ticker and the log on the right. Numbers only (no Phaser), so a layout can be checked in node.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TableLayout {
  left: Rect;
  table: Rect;
  tray: Rect;
  right: Rect;
}

const GAP = 16;

export function tableLayout(
  width: number,
  height: number,
  top: number,
  factor: number,
): TableLayout {
  const y = top + 8;
  const bottom = height - 12;
  const leftW = factor > 1.2 ? 288 : 272;
  const rightW = factor > 1.2 ? 312 : 320;
  const left: Rect = { x: GAP, y, width: leftW, height: bottom - y };
  const right: Rect = { x: width - GAP - rightW, y, width: rightW, height: bottom - y };
  const cx = left.x + leftW + GAP;
  const cw = right.x - GAP - cx;
  const tableH = Math.round(250 + (factor - 1) * 40);
  const table: Rect = { x: cx, y, width: cw, height: tableH };
  const tray: Rect = { x: cx, y: y + tableH + 8, width: cw, height: bottom - (y + tableH + 8) };
  return { left, table, tray, right };
}
