/**
 * Texts kept across a redraw, so a screen rebuilt after a game move does not rasterise again
 * the texts it shows unchanged.
 *
 * A Phaser Text is a canvas of its own: creating one allocates the canvas, measures and wraps
 * the words and draws them, which is most of what a table redraw costs (two dozen texts a move,
 * a few milliseconds each on a Chromebook, most of them the same as before: names, headings,
 * card titles). When a layer is rebuilt, `collect` takes its texts out before it is destroyed;
 * then `scene.add.text(x, y, text, style)` during the rebuild hands back one that shows exactly
 * that text in exactly the style a new one would get, reset to a new one's placement (position,
 * origin, scale, alpha, visibility, rotation, depth). Failing that, a kept text of the same
 * style gets the new words (a new size and raster, but no new canvas, texture or style, and
 * one fewer to destroy). What is not taken is put aside by `release`: the last `COLD_LIMIT`
 * texts put aside can still be handed back in later redraws (a game shows the same card titles
 * and summaries again and again, a few moves apart); older ones are destroyed, and `clear`
 * destroys them all when the scene shuts down.
 *
 * Only a plain text is kept: one whose style, spacing and padding are what its config made
 * (so a text fitted or restyled after creation is not), with no listeners, tweens, input, data,
 * mask, filters, blend mode, scroll factor, flip or name of its own. Anything else is destroyed
 * as before. New texts are made with their font's metrics (`makeText`), not measured again.
 */
import Phaser from 'phaser';
import { setTextFit } from './text-fit.ts';

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;

/** What a text looks like, its words and place aside: its style, spacing and padding. */
function looks(t: Phaser.GameObjects.Text): string | null {
  const style = t.style as Phaser.GameObjects.TextStyle & { wordWrapCallback?: unknown };
  if (style.wordWrapCallback) return null;
  const json = style.toJSON() as Record<string, unknown>;
  delete json.metrics;
  const p = t.padding;
  return `${JSON.stringify(json)}|${t.lineSpacing}|${t.letterSpacing}|${p.left},${p.top},${p.right},${p.bottom}`;
}

/** The config's key, or null when a config cannot be compared (functions in it). */
function configKey(style: TextStyle | undefined): string | null {
  let plain = true;
  const json = JSON.stringify(style ?? {}, (_key, value) => {
    if (typeof value === 'function') plain = false;
    return value;
  });
  return plain ? json : null;
}

interface Made {
  /** `looks` right after it was made (and fitted): a kept text must still look so. */
  looks: string;
  /** Listeners a new text has of its own (Phaser's), so extra ones can be told apart. */
  listeners: number;
  /** A fitted text: the key it is kept under, and the words the fitting left it with. */
  fit?: { key: string; words: string };
}

/**
 * Font metrics by font: Phaser measures them for every new Text (a canvas from the pool, the
 * font set, a test string measured), the same few fonts again and again. A config may carry
 * them (TextStyle: `metrics`), which Phaser then uses as they are: these are Phaser's own
 * measurements of the first text made in that font (the fonts are loaded before any text).
 */
const fontMetrics = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();

function fontKey(style: TextStyle | undefined): string {
  return JSON.stringify([
    style?.fontStyle,
    style?.fontSize,
    style?.fontFamily,
    style?.font,
    style?.testString,
  ]);
}

/**
 * `create(x, y, text, style)` with the font's metrics given, when they are known, and drawn
 * once. Phaser's Text constructor draws the text for its words, then again for each of its
 * padding, line spacing and letter spacing (a new size each time, so a new canvas): the theme's
 * styles all have line spacing. While the constructor runs, drawing waits; the text is drawn
 * once when it is complete.
 */
function makeText(
  create: Phaser.GameObjects.GameObjectFactory['text'],
  x: number,
  y: number,
  text: string | string[],
  style: TextStyle | undefined,
  /** false: the caller gives it its words (and so draws it) at once. */
  draw = true,
): Phaser.GameObjects.Text {
  const key = style?.metrics ? null : fontKey(style);
  const known = key === null ? undefined : fontMetrics.get(key);
  const made = constructedUndrawn(() =>
    create(x, y, text, known ? { ...style, metrics: known } : style),
  );
  if (key !== null && !known) fontMetrics.set(key, made.style.getTextMetrics());
  if (draw) made.updateText();
  return made;
}

/** Runs `construct` with `Text#updateText` doing nothing (the caller draws the text after). */
function constructedUndrawn(construct: () => Phaser.GameObjects.Text): Phaser.GameObjects.Text {
  const proto = Phaser.GameObjects.Text.prototype;
  const draw = proto.updateText;
  proto.updateText = function (this: Phaser.GameObjects.Text) {
    return this;
  };
  try {
    return construct();
  } finally {
    proto.updateText = draw;
  }
}

/** How many texts no redraw asked for are kept aside for later ones (about 100 KB each at most). */
const COLD_LIMIT = 40;

/** The pool of each scene that has one (for `fittedText`, which widgets call with a scene). */
const pools = new WeakMap<Phaser.Scene, TextPool>();

/**
 * `scene.add.text(x, y, '', style)` then `setTextFit(t, text, maxLines)`, handed back from the
 * scene's pool when the same text was fitted the same way in the layer being rebuilt.
 */
export function fittedText(
  scene: Phaser.Scene,
  x: number,
  y: number,
  text: string,
  style: TextStyle,
  maxLines: number,
): Phaser.GameObjects.Text {
  const pool = pools.get(scene);
  if (pool) return pool.fitted(x, y, text, style, maxLines);
  const t = scene.add.text(x, y, '', style);
  setTextFit(t, text, maxLines);
  return t;
}

export class TextPool {
  private readonly scene: Phaser.Scene;
  private readonly create: Phaser.GameObjects.GameObjectFactory['text'];
  /** What a new text of each config looks like (its words aside), learned at first creation. */
  private readonly configs = new Map<string, string>();
  private readonly made = new WeakMap<Phaser.GameObjects.Text, Made>();
  /** Kept texts by `words + looks` (a fitted one: by what it was fitted from). */
  private readonly kept = new Map<string, Phaser.GameObjects.Text[]>();
  /** The same texts by how they look, whatever their words, with the key each is kept under. */
  private readonly spares = new Map<string, Map<Phaser.GameObjects.Text, string>>();
  /** Texts put aside by earlier redraws, oldest first, with the key each is kept under. */
  private readonly cold = new Map<Phaser.GameObjects.Text, string>();

  /** Takes over `scene.add.text` for this scene. */
  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.create = scene.add.text.bind(scene.add);
    scene.add.text = (x, y, text, style) => this.text(x, y, text, style);
    pools.set(scene, this);
  }

  /** See `fittedText`. */
  fitted(
    x: number,
    y: number,
    text: string,
    style: TextStyle,
    maxLines: number,
  ): Phaser.GameObjects.Text {
    const config = configKey(style);
    const key = config === null ? null : `fit\u0000${maxLines}\u0000${text}\u0000${config}`;
    const reused = key === null ? null : this.take(key, x, y);
    if (reused) return reused;
    const fresh = config === null ? undefined : this.configs.get(config);
    const spare = fresh === undefined ? null : this.takeSpare(fresh, x, y);
    const t = spare ?? makeText(this.create, x, y, '', style, false);
    if (!spare) {
      const look = looks(t);
      if (config !== null && look !== null) this.configs.set(config, look);
    }
    setTextFit(t, text, maxLines);
    // A new text is drawn by getting its words; one left empty, here.
    if (!spare && t.text === '') t.updateText();
    const look = looks(t);
    if (key !== null && look !== null) {
      this.made.set(t, {
        looks: look,
        listeners: this.made.get(t)?.listeners ?? this.listenerTotal(t),
        fit: { key, words: t.text },
      });
    } else {
      this.made.delete(t);
    }
    return t;
  }

  private text(
    x: number,
    y: number,
    text: string | string[],
    style?: TextStyle,
  ): Phaser.GameObjects.Text {
    const config = configKey(style);
    const words = Array.isArray(text) ? text.join('\n') : text;
    const look = config === null ? undefined : this.configs.get(config);
    const reused = look === undefined ? null : this.take(`${words}\u0000${look}`, x, y);
    if (reused) return reused;
    // Another text of this look: new words on its canvas rather than a new Text.
    const spare = look === undefined ? null : this.takeSpare(look, x, y);
    if (spare && look !== undefined) {
      spare.setText(text);
      const listeners = this.made.get(spare)?.listeners ?? this.listenerTotal(spare);
      this.made.set(spare, { looks: look, listeners });
      return spare;
    }
    const made = makeText(this.create, x, y, text, style);
    const full = looks(made);
    if (config !== null && full !== null) {
      const look = full;
      this.configs.set(config, look);
      this.made.set(made, { looks: look, listeners: this.listenerTotal(made) });
    }
    return made;
  }

  /** A kept text filed under `key`, placed as a new one would be; null when there is none. */
  private take(key: string, x: number, y: number): Phaser.GameObjects.Text | null {
    const list = this.kept.get(key);
    let t = list?.pop();
    // One destroyed by its old owner while kept is of no use.
    while (t && !t.scene) t = list?.pop();
    if (!t) return this.takeCold(key, x, y);
    const look = this.made.get(t)?.looks;
    if (look !== undefined) this.spares.get(look)?.delete(t);
    return this.place(t, x, y);
  }

  /** A text put aside under `key` by an earlier redraw, placed; null when there is none. */
  private takeCold(key: string, x: number, y: number): Phaser.GameObjects.Text | null {
    for (const [t, k] of this.cold) {
      if (k !== key) continue;
      this.cold.delete(t);
      return this.place(t, x, y);
    }
    return null;
  }

  /**
   * Any text that looks like `look` (its words aside), placed; null when there is none. The
   * oldest put aside go first: the texts this redraw collected are the likeliest to be asked
   * for again with their words.
   */
  private takeSpare(look: string, x: number, y: number): Phaser.GameObjects.Text | null {
    for (const [t] of this.cold) {
      if (this.made.get(t)?.looks !== look) continue;
      this.cold.delete(t);
      return this.place(t, x, y);
    }
    const spares = this.spares.get(look);
    if (!spares) return null;
    for (const [t, key] of spares) {
      spares.delete(t);
      const list = this.kept.get(key);
      const i = list?.indexOf(t) ?? -1;
      if (i >= 0) list?.splice(i, 1);
      if (t.scene) return this.place(t, x, y);
    }
    return null;
  }

  /** Back on the display list where a new text would be, as a new one would be. */
  private place(t: Phaser.GameObjects.Text, x: number, y: number): Phaser.GameObjects.Text {
    t.addToDisplayList();
    return t
      .setPosition(x, y)
      .setOrigin(0, 0)
      .setScale(1)
      .setAlpha(1)
      .setVisible(true)
      .setRotation(0)
      .setDepth(0);
  }

  /** Takes the plain texts out of `object` (before it is destroyed), to be handed back. */
  collect(object: Phaser.GameObjects.GameObject): void {
    if (object instanceof Phaser.GameObjects.Container) {
      for (const child of [...object.list]) this.collect(child);
    } else if (object instanceof Phaser.GameObjects.Text) {
      this.keep(object);
    }
  }

  /** Puts aside the texts collected and not handed back (destroying the oldest put aside). */
  release(): void {
    for (const [key, list] of this.kept) for (const t of list) this.cold.set(t, key);
    this.kept.clear();
    this.spares.clear();
    for (const [t] of this.cold) {
      if (this.cold.size <= COLD_LIMIT && t.scene) continue;
      this.cold.delete(t);
      t.destroy();
    }
  }

  /** Destroys every text put aside (the scene is shutting down). */
  clear(): void {
    for (const [t] of this.cold) t.destroy();
    this.cold.clear();
  }

  private keep(t: Phaser.GameObjects.Text): void {
    const made = this.made.get(t);
    if (!made || !t.scene || t.input || t.data || t.mask || this.scene.tweens.isTweening(t)) return;
    if ((t as { filters?: unknown }).filters || t.blendMode !== Phaser.BlendModes.NORMAL) return;
    if (t.scrollFactorX !== 1 || t.scrollFactorY !== 1 || t.flipX || t.flipY || t.name) return;
    const look = looks(t);
    if (look !== made.looks || (made.fit && t.text !== made.fit.words)) return;
    const parent = t.parentContainer;
    if (parent) {
      parent.remove(t);
      // Phaser's Container.remove leaves its own destroy listener on the child.
      t.off(
        Phaser.GameObjects.Events.DESTROY,
        (parent as unknown as Listening).onChildDestroyed,
        parent,
      );
    }
    if (this.listenerTotal(t) !== made.listeners) {
      // Someone listens to this text (a destroy handler…): it must be destroyed as before.
      t.destroy();
      return;
    }
    t.removeFromDisplayList();
    const key = made.fit?.key ?? `${t.text}\u0000${look}`;
    const list = this.kept.get(key);
    if (list) list.push(t);
    else this.kept.set(key, [t]);
    const spares = this.spares.get(look);
    if (spares) spares.set(t, key);
    else this.spares.set(look, new Map([[t, key]]));
  }

  private listenerTotal(t: Phaser.GameObjects.Text): number {
    let n = 0;
    for (const name of t.eventNames()) n += t.listenerCount(name);
    return n;
  }
}

interface Listening {
  onChildDestroyed: (...args: unknown[]) => void;
}
