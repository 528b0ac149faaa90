/**
 * Button: a rounded rectangle with a label and an optional icon, drawn on the canvas and mirrored
 * by a real DOM control in the accessibility layer (same id, label and handler).
 *
 *   new Button(this.ui, { id: 'title.start', x, y, width: 240, label: 'Start', onClick })
 *
 * States: hover, pressed (while the pointer is down), focused (keyboard focus on the DOM twin:
 * a yellow ring), disabled (hatched, dashed outline and "unavailable" in the accessible
 * description — never colour alone), and selected (for checkbox/switch/radio/tab roles: a
 * tick or a filled dot, plus a stronger outline). (x, y) is the top-left corner in game
 * coordinates; the height grows to fit a wrapped label (at least 48 px, a comfortable touch
 * target). Destroying the button (or its scene shutting down) removes its DOM twin.
 */
import Phaser from 'phaser';
import type { ControlHandle, ControlRole } from '../a11y/layer.ts';
import { COLOURS, RADIUS, SPACE } from '../theme.ts';
import type { UiContext } from './context.ts';
import { focusRing, hatch, tick } from './draw.ts';
import { svgImage } from './svg-image.ts';
import { setTextFit } from './text-fit.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

export interface ButtonOptions {
  id: string;
  x: number;
  y: number;
  width: number;
  /** Fixed height; by default it fits the label (minimum 48). */
  height?: number;
  label: string;
  /** Accessible name when it should differ from the visible label. */
  ariaLabel?: string;
  /** Extra words for screen readers (and the reason when disabled). */
  description?: string;
  /** Texture key of an icon drawn left of the label (skipped if the texture is missing). */
  icon?: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  /** Why it is disabled: read by screen readers. */
  disabledReason?: string;
  /** Role of the DOM twin: 'checkbox' | 'switch' | 'radio' | 'tab' make it a two-state control. */
  role?: Exclude<ControlRole, 'textbox' | 'text'>;
  selected?: boolean;
  /** a11y group id (radio groups, tab lists). */
  group?: string;
  fontRole?: 'small' | 'body' | 'label' | 'h3';
  /**
   * At most this many lines of label, the last cut with "…" (a row with little room); the
   * accessible name keeps all of it.
   */
  maxLines?: number;
  align?: 'center' | 'left';
  /** The screen's main action: takes the keyboard focus when the screen changes under it. */
  autofocus?: boolean;
  onClick: () => void;
}

const MIN_HEIGHT = 48;

export class Button extends Phaser.GameObjects.Container {
  readonly id: string;
  private readonly ui: UiContext;
  private opts: ButtonOptions;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  private readonly icon: Phaser.GameObjects.Image | null;
  private readonly control: ControlHandle;
  private hovered = false;
  private readonly indicatorSize: number;
  private down = false;
  private focused = false;
  readonly widthPx: number;
  readonly heightPx: number;

  constructor(ui: UiContext, options: ButtonOptions) {
    super(ui.scene, 0, 0);
    this.ui = ui;
    this.opts = { ...options };
    this.id = options.id;
    const { theme } = ui;
    const w = options.width;
    const indicatorScale = Math.max(1, theme.font.factor * 0.85);
    this.indicatorSize = Math.round(18 * indicatorScale);
    // The gap before the label grows with the text, or a large label touches its box.
    const indicator = this.hasIndicator() ? this.indicatorSize + Math.round(8 * indicatorScale) : 0;
    const iconSize = theme.font.size[options.fontRole ?? 'label'] + 8;
    const hasIcon = options.icon !== undefined && ui.scene.textures.exists(options.icon);
    const left = SPACE.m + indicator + (hasIcon ? iconSize + SPACE.s : 0);
    const textWidth = Math.max(20, w - left - SPACE.m);
    const align = options.align ?? (indicator || hasIcon ? 'left' : 'center');

    this.text = ui.scene.add.text(0, 0, options.label, {
      ...theme.text(options.fontRole ?? 'label', {
        wrap: textWidth,
        align,
        color: this.textColour(),
        bold: options.variant === 'primary',
      }),
    });
    if (options.maxLines !== undefined) setTextFit(this.text, options.label, options.maxLines);
    const h = Math.max(options.height ?? 0, MIN_HEIGHT, Math.ceil(this.text.height + SPACE.m));
    this.widthPx = w;
    this.heightPx = h;
    this.text.setOrigin(align === 'center' ? 0.5 : 0, 0.5);
    this.text.setPosition(align === 'center' ? (left - SPACE.m) / 2 : -w / 2 + left, 0);

    this.bg = ui.scene.add.graphics();
    this.add(this.bg);
    if (hasIcon && options.icon) {
      // An icon with no label (the pager's arrows) sits in the middle, no larger than the
      // button holds: at large text sizes it ran over the edge of a narrow button.
      const alone = options.label === '' && !indicator;
      const size = alone ? Math.min(iconSize, w - 2 * SPACE.s, h - 2 * SPACE.s) : iconSize;
      const x = alone ? 0 : -w / 2 + SPACE.m + indicator + iconSize / 2;
      this.icon = svgImage(ui.scene, x, 0, options.icon, size);
      this.add(this.icon);
    } else {
      this.icon = null;
    }
    this.add(this.text);

    this.setPosition(options.x + w / 2, options.y + h / 2);
    this.setSize(w, h);
    this.setInteractive({ useHandCursor: true });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => this.setHover(true));
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => {
      this.down = false;
      this.setHover(false);
    });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, () => {
      if (this.opts.disabled) return;
      this.down = true;
      this.redraw();
    });
    this.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => {
      const wasDown = this.down;
      this.down = false;
      this.redraw();
      if (wasDown) this.activate();
    });

    this.control = ui.a11y.registerControl({
      id: options.id,
      label: this.accessibleName(),
      role: options.role ?? 'button',
      rect: { x: options.x, y: options.y, width: w, height: h },
      disabled: options.disabled,
      pressed: this.isTwoState() ? (options.selected ?? false) : undefined,
      group: options.group,
      description: this.description(),
      owner: ui.owner,
      autofocus: options.autofocus,
      onActivate: () => this.activate(),
      onFocusChange: (focused) => {
        this.focused = focused;
        this.redraw();
      },
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.control.remove());
    ui.scene.add.existing(this);
    this.redraw();
  }

  /** Top-left corner and bottom edge in game coordinates (for flow layouts). */
  get left(): number {
    return this.x - this.widthPx / 2;
  }

  get top(): number {
    return this.y - this.heightPx / 2;
  }

  get bottom(): number {
    return this.y + this.heightPx / 2;
  }

  /** Moves the button (top-left corner) and its DOM twin. */
  place(x: number, y: number): this {
    this.setPosition(x + this.widthPx / 2, y + this.heightPx / 2);
    this.control.update({ rect: { x, y, width: this.widthPx, height: this.heightPx } });
    return this;
  }

  setLabel(label: string): this {
    this.opts.label = label;
    if (this.opts.maxLines !== undefined) setTextFit(this.text, label, this.opts.maxLines);
    else this.text.setText(label);
    this.control.update({ label: this.accessibleName() });
    return this;
  }

  setDisabled(disabled: boolean, reason?: string): this {
    this.opts.disabled = disabled;
    this.opts.disabledReason = reason;
    this.text.setColor(this.textColour());
    this.control.update({ disabled, description: this.description() });
    this.redraw();
    return this;
  }

  setSelected(selected: boolean): this {
    this.opts.selected = selected;
    this.control.update({ pressed: this.isTwoState() ? selected : undefined });
    this.redraw();
    return this;
  }

  get selected(): boolean {
    return this.opts.selected ?? false;
  }

  get disabled(): boolean {
    return this.opts.disabled ?? false;
  }

  /** Moves keyboard focus to this button's DOM twin. */
  focusControl(): void {
    this.control.focus();
  }

  private activate(): void {
    if (this.opts.disabled || !this.active) return;
    const d = this.ui.theme.motion.fast;
    if (d > 0) {
      this.scene.tweens.add({ targets: this, scale: 0.96, duration: d / 2, yoyo: true });
    }
    this.opts.onClick();
  }

  private setHover(hovered: boolean): void {
    this.hovered = hovered && !this.opts.disabled;
    this.redraw();
  }

  private isTwoState(): boolean {
    const role = this.opts.role ?? 'button';
    return role !== 'button';
  }

  private hasIndicator(): boolean {
    const role = this.opts.role ?? 'button';
    return role === 'checkbox' || role === 'switch' || role === 'radio';
  }

  private accessibleName(): string {
    return this.opts.ariaLabel ?? this.opts.label;
  }

  private description(): string | undefined {
    const parts = [
      this.opts.description,
      this.opts.disabled ? this.opts.disabledReason : undefined,
    ];
    const text = parts.filter(Boolean).join(' ');
    return text || undefined;
  }

  private textColour(): string {
    if (this.opts.disabled) return COLOURS.textMuted;
    if (this.opts.variant === 'danger') return COLOURS.textOnLight;
    return COLOURS.text;
  }

  private fill(): number {
    if (this.opts.disabled) return COLOURS.surface;
    const variant = this.opts.variant ?? 'secondary';
    if (variant === 'primary') return this.hovered ? COLOURS.primaryHover : COLOURS.primary;
    if (variant === 'danger') return this.hovered ? 0xe77a2e : COLOURS.danger;
    if (this.opts.selected) return COLOURS.surfaceHover;
    if (variant === 'quiet') return this.hovered ? COLOURS.surfaceRaised : COLOURS.background;
    return this.hovered ? COLOURS.surfaceHover : COLOURS.surfaceRaised;
  }

  private redraw(): void {
    const g = this.bg;
    const w = this.widthPx;
    const h = this.heightPx;
    const x = -w / 2;
    const y = -h / 2;
    const r = RADIUS.m;
    g.clear();
    if (this.focused) focusRing(g, x, y, w, h, r);
    g.fillStyle(this.fill(), 1);
    g.fillRoundedRect(x, y, w, h, r);
    if (this.down) {
      g.fillStyle(0x000000, 0.25);
      g.fillRoundedRect(x, y, w, h, r);
    }
    if (this.opts.disabled) {
      hatch(g, x + 2, y + 2, w - 4, h - 4, COLOURS.borderStrong, 0.22);
      this.dashedOutline(g, x, y, w, h);
    } else {
      const strong = this.opts.selected || this.hovered;
      g.lineStyle(this.opts.selected ? 3 : 2, strong ? COLOURS.borderStrong : COLOURS.border, 1);
      g.strokeRoundedRect(x, y, w, h, r);
    }
    if (this.hasIndicator()) this.drawIndicator(g, x + SPACE.m, 0);
    this.text.setAlpha(this.opts.disabled ? 0.85 : 1);
    this.icon?.setAlpha(this.opts.disabled ? 0.5 : 1);
  }

  private drawIndicator(g: Phaser.GameObjects.Graphics, left: number, cy: number): void {
    const size = this.indicatorSize;
    const colour = this.opts.disabled ? COLOURS.border : COLOURS.borderStrong;
    const on = this.opts.selected ?? false;
    if ((this.opts.role ?? 'button') === 'radio') {
      g.lineStyle(2, colour, 1);
      g.strokeCircle(left + size / 2, cy, size / 2);
      if (on) {
        g.fillStyle(COLOURS.focus, 1);
        g.fillCircle(left + size / 2, cy, size / 4);
      }
      return;
    }
    g.lineStyle(2, colour, 1);
    g.strokeRoundedRect(left, cy - size / 2, size, size, 4);
    if (on) {
      g.fillStyle(COLOURS.focus, 1);
      g.fillRoundedRect(left + 2, cy - size / 2 + 2, size - 4, size - 4, 3);
      tick(g, left, cy - size / 2, size, 0x000000);
    }
  }

  private dashedOutline(
    g: Phaser.GameObjects.Graphics,
    x: number,
    y: number,
    w: number,
    h: number,
  ): void {
    g.lineStyle(2, COLOURS.border, 1);
    const dash = 8;
    const gap = 6;
    for (let px = x + RADIUS.m; px < x + w - RADIUS.m; px += dash + gap) {
      const end = Math.min(px + dash, x + w - RADIUS.m);
      g.lineBetween(px, y, end, y);
      g.lineBetween(px, y + h, end, y + h);
    }
    for (let py = y + RADIUS.m; py < y + h - RADIUS.m; py += dash + gap) {
      const end = Math.min(py + dash, y + h - RADIUS.m);
      g.lineBetween(x, py, x, end);
      g.lineBetween(x + w, py, x + w, end);
    }
  }
}
