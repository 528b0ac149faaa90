/**
 * Panel: a rounded surface with an optional heading, to group content. Decorative only (no DOM
 * twin): put Buttons and ScrollTexts on top of it. (x, y) is the top-left in game coordinates.
 */
import Phaser from 'phaser';
import { COLOURS, RADIUS, SPACE } from '../theme.ts';
import type { UiContext } from './context.ts';

export interface PanelOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  title?: string;
  /** A coloured strip on the left (e.g. a role's colour); shape and text still carry meaning. */
  accent?: number;
  raised?: boolean;
}

export class Panel extends Phaser.GameObjects.Container {
  readonly bg: Phaser.GameObjects.Graphics;
  readonly title: Phaser.GameObjects.Text | null;
  /** Where content starts below the heading, in game coordinates. */
  readonly contentY: number;

  constructor(ui: UiContext, options: PanelOptions) {
    super(ui.scene, options.x, options.y);
    const { width, height } = options;
    this.bg = ui.scene.add.graphics();
    this.bg.fillStyle(options.raised ? COLOURS.surfaceRaised : COLOURS.surface, 1);
    this.bg.fillRoundedRect(0, 0, width, height, RADIUS.l);
    this.bg.lineStyle(1, COLOURS.border, 1);
    this.bg.strokeRoundedRect(0, 0, width, height, RADIUS.l);
    if (options.accent !== undefined) {
      this.bg.fillStyle(options.accent, 1);
      this.bg.fillRect(0, RADIUS.l, 6, height - 2 * RADIUS.l);
    }
    this.add(this.bg);
    if (options.title) {
      this.title = ui.scene.add.text(
        SPACE.l,
        SPACE.m,
        options.title,
        ui.theme.text('h3', { wrap: width - 2 * SPACE.l }),
      );
      this.add(this.title);
      this.contentY = options.y + SPACE.m + this.title.height + SPACE.s;
    } else {
      this.title = null;
      this.contentY = options.y + SPACE.m;
    }
    ui.scene.add.existing(this);
  }
}
