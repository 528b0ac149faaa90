/**
 * The agreed conditions as small chips (a tick icon and the short title) flowing in a box; when
 * they do not all fit, the last chip says "+N more". The box opens the list in full (`onOpen`):
 * titles cut to fit, the ones behind "+N more", and what each promises.
 */
import Phaser from 'phaser';
import { iconKey } from '../theme/assets.ts';
import { OKABE_ITO } from '../theme/palette.ts';
import { COLOURS, RADIUS, SPACE } from '../theme.ts';
import type { UiContext } from '../ui/context.ts';
import { OpenArea } from '../ui/OpenArea.ts';
import { svgImage } from '../ui/svg-image.ts';
import { fittedText } from '../ui/text-pool.ts';
import { distinctChipWords } from './chip-words.ts';
import type { Rect } from './layout.ts';

export class ConditionChips extends Phaser.GameObjects.Container {
  constructor(
    ui: UiContext,
    r: Rect,
    titles: string[],
    fullText: string,
    group: string,
    onOpen: () => void,
  ) {
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
    const y = heading.y + heading.height + SPACE.xs;
    if (titles.length === 0) {
      this.add(
        scene.add.text(r.x, y, 'None yet.', theme.text('small', { color: COLOURS.textMuted })),
      );
    }
    const iconSize = theme.font.size.small;
    const chipH = theme.font.size.small * 1.35 + 8;
    const bottom = r.y + r.height;
    // The same chips come back after every change of the conditions: their fitted texts are
    // handed back by the text pool instead of being measured and drawn again.
    const fitted = (words: string) =>
      fittedText(scene, 0, 0, words, theme.text('small', { wrap: r.width - iconSize - 24 }), 1);
    const labels = titles.map(fitted);
    // A title cut to words another title starts with tells nothing apart ("Published…" beside
    // "Published DPIA, kept…", on a projector): that chip shows the words after the shared ones.
    const respelt = distinctChipWords(
      titles,
      labels.map((l) => l.text),
    );
    respelt.forEach((words, i) => {
      if (words === null) return;
      labels[i]?.destroy();
      labels[i] = fitted(words);
    });
    // Chips flow in rows; where the next one of width `w` goes after `at`.
    const next = (at: { x: number; y: number } | null, w: number) => {
      if (!at) return { x: r.x, y };
      return at.x + w > r.x + r.width && at.x > r.x ? { x: r.x, y: at.y + chipH + SPACE.xs } : at;
    };
    const places: { x: number; y: number; w: number }[] = [];
    let at: { x: number; y: number } | null = null;
    for (const label of labels) {
      const w = label.width + iconSize + 20;
      const p = next(at, w);
      places.push({ ...p, w });
      at = { x: p.x + w + SPACE.xs, y: p.y };
    }
    // When they do not all fit, the most chips that leave room for a last "+N more" chip.
    let shown = labels.length;
    let more: { x: number; y: number; w: number } | null = null;
    if (places.some((p) => p.y + chipH > bottom)) {
      for (shown = labels.length - 1; shown >= 0; shown--) {
        const label = labels[shown] as Phaser.GameObjects.Text;
        label.setText(`+${labels.length - shown} more`);
        const w = label.width + 16;
        const before = places[shown - 1];
        const p = next(before ? { x: before.x + before.w + SPACE.xs, y: before.y } : null, w);
        if (p.y + chipH <= bottom || shown === 0) {
          more = { ...p, w };
          break;
        }
      }
    }
    let last = y;
    labels.forEach((label, i) => {
      const p = places[i];
      if (i < shown && p) {
        this.chip(label, p.x, p.y, p.w, chipH, true);
        last = p.y + chipH;
      } else if (i === shown && more) {
        this.chip(label, more.x, more.y, more.w, chipH, false);
        last = more.y + chipH;
      } else {
        label.destroy();
      }
    });
    if (titles.length === 0) {
      const control = ui.a11y.registerControl({
        id: 'table.agreed',
        label: 'Agreed conditions: none yet',
        role: 'text',
        rect: r,
        text: fullText,
        group,
        owner: ui.owner,
      });
      this.once(Phaser.GameObjects.Events.DESTROY, () => control.remove());
    } else {
      // The heading and the chips (not the empty room under them) open the list.
      this.add(
        new OpenArea(ui, {
          id: 'table.agreed',
          label: `Agreed conditions: ${titles.length}. Read them in full`,
          description: fullText,
          x: r.x,
          y: r.y,
          width: r.width,
          height: Math.min(bottom, last) - r.y,
          group,
          onOpen,
        }),
      );
    }
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
