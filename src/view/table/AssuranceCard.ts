/**
 * An assurance card: a strip and the name of its deliverer in the deliverer's colour, the title,
 * the viewer's private worth ("+3 to you") and icons for a delay ("in 2 rounds") and for
 * verification ("audited"). A selectable card is a checkbox (DOM twin, tick box, focus ring);
 * a card of the package on the table is a picture only (the package is read out as text).
 */
import Phaser from 'phaser';
import type { Assurance } from '../../scenario/schema.ts';
import type { ControlHandle } from '../a11y/layer.ts';
import { iconKey } from '../theme/assets.ts';
import { colour, legibleOn, OKABE_ITO, SURFACE, TEXT } from '../theme/palette.ts';
import { COLOURS, RADIUS, SPACE } from '../theme.ts';
import type { UiContext } from '../ui/context.ts';
import { focusRing, tick } from '../ui/draw.ts';
import { svgImage } from '../ui/svg-image.ts';
import { fittedText } from '../ui/text-pool.ts';

export interface AssuranceCardOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  assurance: Assurance;
  /** What it promises, in words (the description of its screen-reader twin). */
  details: string;
  delivererName: string;
  delivererColour: string;
  /** "+3 to you", or "" when the viewer's worth is unknown. */
  worth: string;
  /** Selectable: a checkbox with this a11y id. */
  control?: {
    id: string;
    label: string;
    group: string;
    selected: boolean;
    onToggle: () => void;
    /** The card is pointed at or focused (true), or no longer (false). */
    onShow?: (shown: boolean) => void;
  };
  /** The viewer said they would never accept this card: its worth line says so. */
  redLine?: boolean;
}

export class AssuranceCard extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly o: AssuranceCardOptions;
  private selected: boolean;
  private focused = false;
  private hovered = false;
  private readonly handle: ControlHandle | null;
  private readonly box: number;
  /** The title did not fit the card and ends with "…". */
  readonly titleCut: boolean;

  constructor(ui: UiContext, o: AssuranceCardOptions) {
    super(ui.scene, 0, 0);
    const scene = ui.scene;
    const theme = ui.theme;
    this.o = o;
    this.selected = o.control?.selected ?? false;
    const pad = SPACE.s + 2;
    this.bg = scene.add.graphics();
    this.add(this.bg);
    const box = o.control ? Math.round(theme.font.size.small + 4) : 0;
    this.box = box;
    const innerW = o.width - 2 * pad;
    const titleW = innerW - (box ? box + SPACE.s : 0);
    // Texts as wide as the card's inner box (fixedWidth): a text reused for other words then
    // keeps its canvas's size and is drawn again, not made again.
    const whoStyle = {
      ...theme.text('small', {
        wrap: titleW,
        color: legibleOn(o.delivererColour, SURFACE.raised).css,
      }),
      fixedWidth: titleW,
    };
    const delivers = `${o.delivererName} delivers`;
    let who = fittedText(scene, o.x + pad, o.y + pad + 4, delivers, whoStyle, 1);
    // A narrow card (three a row at a large text size) names the deliverer alone.
    if (who.text !== delivers) {
      who.destroy();
      who = fittedText(scene, o.x + pad, o.y + pad + 4, o.delivererName, whoStyle, 1);
    }
    const titleY = who.y + who.height + 2;
    const bottomLine = theme.font.size.small * 1.4;
    const lineH = theme.font.size.small * 1.35;
    const titleLines = Math.max(
      1,
      Math.floor((o.height - (titleY - o.y) - pad - bottomLine) / lineH),
    );
    const title = fittedText(
      scene,
      o.x + pad,
      titleY,
      o.assurance.title.text,
      { ...theme.text('small', { bold: true, wrap: innerW }), fixedWidth: innerW },
      titleLines,
    );
    this.add([who, title]);
    this.titleCut = title.text !== o.assurance.title.text;

    // Bottom line: worth on the left; delay and audit icons on the right.
    const by = o.y + o.height - pad - bottomLine / 2;
    let worthText: Phaser.GameObjects.Text | null = null;
    if (o.worth) {
      const warn = o.worth.startsWith('−') || o.redLine;
      const worth = scene.add
        .text(
          o.x + pad,
          by,
          o.redLine ? `${o.worth} · red line` : o.worth,
          theme.text('small', {
            bold: true,
            color: warn ? '#ffb38a' : legibleOn(OKABE_ITO.bluishGreen, SURFACE.raised).css,
          }),
        )
        .setOrigin(0, 0.5);
      this.add(worth);
      worthText = worth;
    }
    const iconSize = theme.font.size.small + 2;
    let ix = o.x + o.width - pad;
    const marks: { icon: 'delay' | 'audit'; word: string }[] = [];
    if (o.assurance.verification) marks.push({ icon: 'audit', word: 'audited' });
    if (o.assurance.delay > 0) marks.push({ icon: 'delay', word: `+${o.assurance.delay}` });
    for (const m of marks) {
      if (m.icon === 'delay') {
        const t = scene.add
          .text(ix, by, m.word, theme.text('small', { color: COLOURS.textMuted }))
          .setOrigin(1, 0.5);
        this.add(t);
        ix -= t.width + 2;
      }
      const img = svgImage(scene, ix - iconSize / 2, by, iconKey(m.icon), iconSize);
      img.setTint(TEXT.secondary.hex);
      this.add(img);
      ix -= iconSize + SPACE.s;
    }
    // A narrow card at large text: "+5 to you" would run under the icons; the number stays.
    if (worthText && worthText.x + worthText.width > ix + SPACE.s - 4) {
      worthText.setText(worthText.text.replace(/ to you( · red line)?$/, '$1'));
    }
    this.setSize(o.width, o.height);
    if (o.control) {
      const c = o.control;
      const zone = scene.add
        .zone(o.x, o.y, o.width, o.height)
        .setOrigin(0)
        .setInteractive({ useHandCursor: true });
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => {
        c.onShow?.(true);
        this.hovered = true;
        this.redraw();
      });
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, (pointer: Phaser.Input.Pointer) => {
        // A finger lifted is "out" at once: the promise it showed stays (until another card is
        // touched), or a touch player could read a card only while holding it down.
        if (!pointer.wasTouch) c.onShow?.(false);
        this.hovered = false;
        this.redraw();
      });
      zone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => c.onToggle());
      this.add(zone);
      this.handle = ui.a11y.registerControl({
        id: c.id,
        label: c.label,
        role: 'checkbox',
        pressed: c.selected,
        rect: { x: o.x, y: o.y, width: o.width, height: o.height },
        group: c.group,
        description: o.details,
        owner: ui.owner,
        onActivate: () => c.onToggle(),
        onFocusChange: (f) => {
          c.onShow?.(f);
          this.focused = f;
          this.redraw();
        },
      });
      this.once(Phaser.GameObjects.Events.DESTROY, () => this.handle?.remove());
    } else {
      this.handle = null;
    }
    this.redraw();
    scene.add.existing(this);
  }

  setSelected(selected: boolean): void {
    this.selected = selected;
    this.handle?.update({ pressed: selected });
    this.redraw();
  }

  private redraw(): void {
    const { x, y, width: w, height: h } = this.o;
    const g = this.bg;
    g.clear();
    if (this.focused) focusRing(g, x, y, w, h, RADIUS.m);
    g.fillStyle(this.selected || this.hovered ? COLOURS.surfaceHover : COLOURS.surfaceRaised, 1);
    g.fillRoundedRect(x, y, w, h, RADIUS.m);
    g.fillStyle(colour(this.o.delivererColour).hex, 1);
    g.fillRoundedRect(x, y, w, 6, { tl: RADIUS.m, tr: RADIUS.m, bl: 0, br: 0 });
    g.lineStyle(this.selected ? 3 : 1, this.selected ? TEXT.primary.hex : COLOURS.border, 1);
    g.strokeRoundedRect(x, y, w, h, RADIUS.m);
    if (this.o.control) {
      const size = this.box;
      const bx = x + w - SPACE.s - 2 - size;
      const by = y + SPACE.s + 4;
      g.lineStyle(2, COLOURS.borderStrong, 1);
      g.strokeRoundedRect(bx, by, size, size, 4);
      if (this.selected) {
        g.fillStyle(COLOURS.focus, 1);
        g.fillRoundedRect(bx + 2, by + 2, size - 4, size - 4, 3);
        tick(g, bx, by, size, 0x000000);
      }
    }
  }
}
