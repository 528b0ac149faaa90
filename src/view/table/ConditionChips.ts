/**
 * The agreed conditions as small chips (a tick icon and the short title) flowing in a box; when
 * they do not all fit, the last chip says "+N more" (the full list is the region's text).
 */
import Phaser from 'phaser';
import { iconKey } from '../theme/assets.ts';
import { OKABE_ITO } from '../theme/palette.ts';
import { COLOURS, RADIUS, SPACE } from '../theme.ts';
import type { UiContext } from '../ui/context.ts';
import { svgImage } from '../ui/svg-image.ts';
import { fittedText } from '../ui/text-pool.ts';
import type { Rect } from './layout.ts';

export class ConditionChips extends Phaser.GameObjects.Container {
  constructor(ui: UiContext, r: Rect, titles: string[], fullText: string, group: string) {
    super(ui.scene, 0, 0);
    const scene = ui.scene;
    const theme = ui.theme;
    const heading = scene.add.text(
      r.x,
      r.y,
      `Agreed conditions (${titles.length})`,
      theme.text('small', { bold: true }),
    );
    this.add(heading);
    let y = heading.y + heading.height + SPACE.xs;
    if (titles.length === 0) {
      this.add(
        scene.add.text(r.x, y, 'None yet.', theme.text('small', { color: COLOURS.textMuted })),
      );
    }
    const iconSize = theme.font.size.small;
    const chipH = theme.font.size.small * 1.35 + 8;
    let x = r.x;
    for (let i = 0; i < titles.length; i++) {
      const more = titles.length - i;
      const lastRow = y + 2 * (chipH + SPACE.xs) > r.y + r.height;
      // The same chips come back after every change of the conditions: their fitted texts are
      // handed back by the text pool instead of being measured and drawn again.
      const label = fittedText(
        scene,
        0,
        0,
        titles[i] ?? '',
        theme.text('small', { wrap: r.width - iconSize - 24 }),
        1,
      );
      let w = label.width + iconSize + 20;
      if (x + w > r.x + r.width && x > r.x) {
        x = r.x;
        y += chipH + SPACE.xs;
      }
      if (lastRow && x === r.x && y + chipH > r.y + r.height - chipH) {
        // No room for the rest: one summary chip.
        label.setText(`+${more} more`);
        w = label.width + 16;
        this.chip(label, x, y, w, chipH, false);
        break;
      }
      if (y + chipH > r.y + r.height) {
        label.destroy();
        break;
      }
      this.chip(label, x, y, w, chipH, true);
      x += w + SPACE.xs;
    }
    const control = ui.a11y.registerControl({
      id: 'table.agreed',
      label: `Agreed conditions: ${titles.length}`,
      role: 'text',
      rect: r,
      text: fullText,
      group,
      owner: ui.owner,
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => control.remove());
    scene.add.existing(this);
  }

  private chip(
    label: Phaser.GameObjects.Text,
    x: number,
    y: number,
    w: number,
    h: number,
    icon: boolean,
  ): void {
    const scene = this.scene;
    const g = scene.add.graphics();
    g.fillStyle(COLOURS.surfaceRaised, 1);
    g.fillRoundedRect(x, y, w, h, RADIUS.s);
    g.lineStyle(1, OKABE_ITO.bluishGreen.hex, 1);
    g.strokeRoundedRect(x, y, w, h, RADIUS.s);
    this.add(g);
    const size = label.height * 0.75;
    if (icon) {
      const i = svgImage(scene, x + 6 + size / 2, y + h / 2, iconKey('support'), size);
      i.setTint(OKABE_ITO.bluishGreen.hex);
      this.add(i);
      label.setPosition(x + 12 + size, y + (h - label.height) / 2);
    } else {
      label.setPosition(x + 8, y + (h - label.height) / 2);
    }
    this.add(label);
  }
}
