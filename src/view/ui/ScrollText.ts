/**
 * ScrollText: a long text in a fixed box that scrolls — mouse wheel, drag (touch), and keyboard
 * (arrows, Page Up/Down, Home/End) on its DOM twin, a focusable region that also holds the whole
 * text so a screen reader can read it all, whatever is scrolled into view.
 *
 * Only the lines in view are drawn: the text is wrapped once (paragraph by paragraph, and a
 * paragraph seen before is not wrapped again), and the Text shows the lines the box can show
 * from the scroll position on. A game log grows with every move, and drawing all of it again on
 * each one took longer as the game went on (a canvas thousands of pixels tall, every line
 * filled again); this way a move costs the same at the end of a game as at its start, and a
 * text can be of any length. Clipping the partly visible lines at the box's edges uses the
 * Text's crop rectangle (works in WebGL and Canvas; Phaser 4 masks are WebGL-only filters).
 */
import Phaser from 'phaser';
import type { ControlHandle, TextBlock } from '../a11y/layer.ts';
import { COLOURS, RADIUS, SPACE } from '../theme.ts';
import type { UiContext } from './context.ts';
import { wrapLines } from './text-fit.ts';

/** How Phaser splits a text into lines (Text#splitRegExp). */
const LINE_BREAK = /(?:\r\n|\r|\n)/;

export interface ScrollTextOptions {
  id: string;
  /** Accessible name of the region, e.g. "Game log". */
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  fontRole?: 'small' | 'body';
  color?: string;
  /** a11y group/section the region goes in. */
  group?: string;
  /** Its paragraphs are entries of a list for screen readers (a game log). */
  list?: boolean;
  /** The same content as headings, paragraphs and list items, for screen readers. */
  blocks?: readonly TextBlock[];
}

export class ScrollText extends Phaser.GameObjects.Container {
  private readonly ui: UiContext;
  private readonly content: Phaser.GameObjects.Text;
  private readonly bar: Phaser.GameObjects.Graphics;
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly control: ControlHandle;
  private readonly view: { x: number; y: number; width: number; height: number };
  private scrollY = 0;
  /** The whole text, wrapped to the box. */
  private lines: string[] = [];
  /** Wrapped lines by paragraph, for the paragraphs of the current text. */
  private wrapped = new Map<string, string[]>();
  /** The line each paragraph of the current text starts on. */
  private paragraphStarts: number[] = [];
  /** The first line the Text shows now, and how many (−1: not drawn yet). */
  private shown = { first: -1, count: 0 };
  private focused = false;
  private dragFrom: number | null = null;

  constructor(ui: UiContext, options: ScrollTextOptions) {
    super(ui.scene, 0, 0);
    this.ui = ui;
    const pad = SPACE.m;
    this.view = {
      x: options.x + pad,
      y: options.y + pad,
      width: options.width - 2 * pad - 10,
      height: options.height - 2 * pad,
    };
    this.frame = ui.scene.add.graphics();
    this.content = ui.scene.add.text(this.view.x, this.view.y, '', {
      ...ui.theme.text(options.fontRole ?? 'body', { wrap: this.view.width, color: options.color }),
      // As wide as the box whatever the lines shown: its canvas keeps its size as the text
      // scrolls or grows, and is drawn again rather than made again.
      fixedWidth: this.view.width,
    });
    this.wrap(options.text);
    this.bar = ui.scene.add.graphics();
    this.add([this.frame, this.content, this.bar]);

    const hit = ui.scene.add.zone(options.x, options.y, options.width, options.height).setOrigin(0);
    hit.setInteractive();
    hit.on(
      Phaser.Input.Events.GAMEOBJECT_POINTER_WHEEL,
      (_p: Phaser.Input.Pointer, _dx: number, dy: number) => this.scrollBy(dy),
    );
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, (p: Phaser.Input.Pointer) => {
      this.dragFrom = p.worldY;
    });
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      if (this.dragFrom === null || !p.isDown) return;
      // World coordinates: the camera may zoom (render scale), pointer.y is in canvas pixels.
      this.scrollBy(this.dragFrom - p.worldY);
      this.dragFrom = p.worldY;
    });
    const stopDrag = () => {
      this.dragFrom = null;
    };
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, stopDrag);
    hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, stopDrag);
    this.add(hit);

    this.control = ui.a11y.registerControl({
      id: options.id,
      label: options.label,
      role: 'text',
      rect: { x: options.x, y: options.y, width: options.width, height: options.height },
      text: options.text,
      list: options.list,
      blocks: options.blocks,
      group: options.group,
      owner: ui.owner,
      onKey: (key) => this.onKey(key),
      onFocusChange: (focused) => {
        this.focused = focused;
        this.drawFrame(options);
      },
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.control.remove());
    this.drawFrame(options);
    this.apply();
    ui.scene.add.existing(this);
  }

  /** A new accessible name (the box now holds something else, or the same thing renamed). */
  setLabel(label: string): this {
    this.control.update({ label });
    return this;
  }

  /**
   * New text, shown from its start, from where it was scrolled to, or at its end (a log that
   * grows: drawn once, at the end, not first at the start).
   */
  setText(text: string, scroll: 'start' | 'keep' | 'end' = 'start'): this {
    this.wrap(text);
    this.control.update({ text });
    this.scrollY =
      scroll === 'end'
        ? this.maxScroll()
        : scroll === 'keep'
          ? Math.min(this.scrollY, this.maxScroll())
          : 0;
    this.shown.first = -1;
    this.apply();
    return this;
  }

  /** Wraps `text` into `lines`, reusing the lines of paragraphs wrapped before. */
  private wrap(text: string): void {
    const before = this.wrapped;
    const now = new Map<string, string[]>();
    const lines: string[] = [];
    const starts: number[] = [];
    for (const paragraph of text.split(LINE_BREAK)) {
      starts.push(lines.length);
      let wrapped = now.get(paragraph) ?? before.get(paragraph);
      // A word longer than the box (a source's web address) is broken inside.
      if (!wrapped) wrapped = wrapLines(this.content, paragraph).lines;
      now.set(paragraph, wrapped);
      for (const line of wrapped) lines.push(line);
    }
    this.wrapped = now;
    this.lines = lines;
    this.paragraphStarts = starts;
  }

  /** A line's height plus the spacing to the next (as Phaser lays lines out: GetTextSize). */
  private lineStep(): number {
    return this.lineHeight() + this.content.lineSpacing;
  }

  private lineHeight(): number {
    const style = this.content.style;
    return style.getTextMetrics().fontSize + style.strokeThickness;
  }

  /** The height of the whole text, were it drawn in one piece. */
  private fullHeight(): number {
    const n = this.lines.length;
    const pad = this.content.padding;
    return (
      n * this.lineHeight() +
      Math.max(0, n - 1) * this.content.lineSpacing +
      (pad.top ?? 0) +
      (pad.bottom ?? 0)
    );
  }

  /** Scrolls so the end of the text is in view (e.g. a log that grows). */
  scrollToEnd(): this {
    this.scrollY = this.maxScroll();
    this.apply();
    return this;
  }

  /**
   * Scrolls so the text's `index`th paragraph (counted from 0, a paragraph being a line of the
   * text given, however it wraps) is at the top of the box, or as near as the end allows.
   */
  scrollToParagraph(index: number): this {
    const line = this.paragraphStarts[index] ?? 0;
    this.scrollY = Math.min(line * this.lineStep(), this.maxScroll());
    this.apply();
    return this;
  }

  scrollBy(dy: number): void {
    this.scrollY = Phaser.Math.Clamp(this.scrollY + dy, 0, this.maxScroll());
    this.apply();
  }

  private maxScroll(): number {
    return Math.max(0, this.fullHeight() - this.view.height);
  }

  private onKey(key: string): boolean {
    const line = this.ui.theme.font.size.body * 1.5;
    const page = this.view.height - line;
    const moves: Record<string, number> = {
      ArrowDown: line,
      ArrowUp: -line,
      PageDown: page,
      PageUp: -page,
      ' ': page,
      Home: -Number.MAX_SAFE_INTEGER,
      End: Number.MAX_SAFE_INTEGER,
    };
    const dy = moves[key];
    if (dy === undefined) return false;
    this.scrollBy(dy);
    return true;
  }

  private apply(): void {
    // The lines from the one at the top of the box, and one more for a part-scrolled line.
    const step = this.lineStep();
    const first = Math.max(0, Math.floor(this.scrollY / step));
    const count = Math.ceil(this.view.height / step) + 1;
    if (first !== this.shown.first || count !== this.shown.count) {
      this.content.setText(this.lines.slice(first, first + count).join('\n'));
      this.shown = { first, count };
    }
    // How far into the first line shown the box's top is.
    const into = this.scrollY - first * step;
    const res = this.content.style.resolution || 1;
    // Phaser draws a crop at its offset in texels (the crop's x/y are not divided by the
    // texture's resolution, in either renderer), so at resolution 2 the text moves up twice as far.
    this.content.setY(this.view.y - into * res);
    this.content.setCrop(0, into * res, this.content.width * res, this.view.height * res);
    const g = this.bar;
    g.clear();
    const max = this.maxScroll();
    if (max <= 0) return;
    const trackX = this.view.x + this.view.width + 4;
    const thumbH = Math.max(24, (this.view.height * this.view.height) / this.fullHeight());
    const thumbY = this.view.y + (this.scrollY / max) * (this.view.height - thumbH);
    g.fillStyle(COLOURS.surfaceRaised, 1);
    g.fillRoundedRect(trackX, this.view.y, 6, this.view.height, 3);
    g.fillStyle(COLOURS.borderStrong, 1);
    g.fillRoundedRect(trackX, thumbY, 6, thumbH, 3);
  }

  private drawFrame(o: ScrollTextOptions): void {
    const g = this.frame;
    g.clear();
    g.fillStyle(COLOURS.surface, 1);
    g.fillRoundedRect(o.x, o.y, o.width, o.height, RADIUS.m);
    g.lineStyle(this.focused ? 3 : 1, this.focused ? COLOURS.focus : COLOURS.border, 1);
    g.strokeRoundedRect(o.x, o.y, o.width, o.height, RADIUS.m);
  }
}
