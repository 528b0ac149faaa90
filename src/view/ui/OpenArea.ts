/**
 * OpenArea: a part of the canvas that opens in full when clicked, tapped or activated from the
 * keyboard — a box whose words are cut to fit (the agreed conditions' chips, the cards of the
 * package on the table). It draws nothing at rest over what it covers; pointing at it shows an
 * outline and a hand cursor, and its DOM twin (a button) gives it a name, the keyboard focus
 * and a focus ring.
 */
import Phaser from 'phaser';
import type { ControlHandle } from '../a11y/layer.ts';
import { COLOURS, RADIUS } from '../theme.ts';
import type { UiContext } from './context.ts';
import { focusRing } from './draw.ts';

export interface OpenAreaOptions {
  id: string;
  /** The accessible name: what opens ("Agreed conditions: 7, read them in full"). */
  label: string;
  /** Extra words for screen readers (what the box holds). */
  description?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  group?: string;
  onOpen: () => void;
}

export class OpenArea extends Phaser.GameObjects.Container {
  private readonly outline: Phaser.GameObjects.Graphics;
  private readonly control: ControlHandle;
  private readonly o: OpenAreaOptions;
  private hovered = false;
  private focused = false;

  constructor(ui: UiContext, o: OpenAreaOptions) {
    super(ui.scene, 0, 0);
    this.o = o;
    this.outline = ui.scene.add.graphics();
    const hit = ui.scene.add
      .zone(o.x, o.y, o.width, o.height)
      .setOrigin(0)
      .setInteractive({ useHandCursor: true });
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => this.setHovered(true));
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => this.setHovered(false));
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => o.onOpen());
    this.add([this.outline, hit]);
    this.control = ui.a11y.registerControl({
      id: o.id,
      label: o.label,
      description: o.description,
      role: 'button',
      rect: { x: o.x, y: o.y, width: o.width, height: o.height },
      group: o.group,
      owner: ui.owner,
      onActivate: () => o.onOpen(),
      onFocusChange: (focused) => {
        this.focused = focused;
        this.draw();
      },
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.control.remove());
    ui.scene.add.existing(this);
  }

  /** New words for screen readers (what the box holds now). */
  describe(description: string): void {
    this.control.update({ description });
  }

  private setHovered(hovered: boolean): void {
    this.hovered = hovered;
    this.draw();
  }

  private draw(): void {
    const { x, y, width, height } = this.o;
    const g = this.outline;
    g.clear();
    if (this.focused) focusRing(g, x, y, width, height, RADIUS.s);
    else if (this.hovered) {
      g.lineStyle(2, COLOURS.borderStrong, 1);
      g.strokeRoundedRect(x - 3, y - 3, width + 6, height + 6, RADIUS.s + 3);
    }
  }
}
