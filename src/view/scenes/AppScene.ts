/**
 * AppScene: the base of every screen. It gives a scene the app's services and the three habits
 * every screen needs, so a scene file is only about what it shows:
 *
 *   class MyScene extends AppScene {
 *     constructor(app: AppServices) { super('My', app); }
 *     protected build(): void {                       // called from create()
 *       new Button(this.ui, { id: 'my.go', …, onClick: () => this.app.session.continue() });
 *       this.watch((s) => s.game, (game) => this.render(game), { now: true });
 *       this.onEscape(() => this.app.store.getState().setScreen('title'));
 *     }
 *   }
 *
 * - READ the store with `this.state` (a snapshot) or `this.watch(selector, listener)` — a
 *   subscription that ends by itself on SHUTDOWN (no leaks across scene restarts).
 * - ACT through `this.app.session` (game moves) or store actions (`this.state.setScreen(…)`,
 *   `this.state.updateSettings(…)`); never hold or send to the XState actor directly.
 * - REGISTER controls by using the ui/ widgets with `this.ui` (or `this.app.a11y` directly with
 *   `owner: this.scene.key`); all of a scene's DOM controls are removed on SHUTDOWN.
 * - `this.theme` holds sizes/colours/durations for the current settings. The router restarts
 *   the scene when text size or projector mode change, so read the theme in build().
 * - For parts that change with the game, draw into `this.dynamic` via `this.redraw(() => …)`:
 *   it destroys the old layer (and its DOM twins) and builds a new one; a focused control whose
 *   id is stable keeps the keyboard focus, and a text made again just as it was is handed back
 *   rather than drawn again (ui/text-pool.ts). Wrap a costly part that changes less often in
 *   `this.part(layer, key, deps, build)`: it is rebuilt only when its deps change.
 */
import Phaser from 'phaser';
import type { Session } from '../../app/session.ts';
import type { AppStoreApi } from '../../store/app-store.ts';
import type { AppState } from '../../store/types.ts';
import type { A11yLayer } from '../a11y/layer.ts';
import { GAME_HEIGHT, GAME_WIDTH } from '../render-scale.ts';
import { COLOURS, type Theme, themeFor } from '../theme.ts';
import type { Region } from '../tween-region.ts';
import type { UiContext } from '../ui/context.ts';
import { TextPool } from '../ui/text-pool.ts';

/**
 * What a scene's `init(data)` may receive: `{ restarted: true }` when the router restarts it
 * for a settings change (text size, projector) — keep transient UI state (an open dialog, the
 * current tab) then; a plain start gets no data.
 */
export interface SceneData {
  restarted?: boolean;
}

/** What main.ts hands every scene. */
export interface AppServices {
  store: AppStoreApi;
  session: Session;
  a11y: A11yLayer;
  /** Called by the Preload scene once assets are in: the router starts following the store. */
  ready(): void;
  /** `?fast=1`: tests want no waiting (bots move at once; tweens may be skipped). */
  fast: boolean;
  /**
   * The canvas is this many times 1280×720 (1–2, see render-scale.ts): cameras zoom by it and
   * texts are rasterised at it, so scenes keep laying out in 1280×720. It changes when the
   * window settles at a new size (rescale.ts), and the running scenes then start again.
   */
  renderScale: number;
  /**
   * The picture changed by other means than the store, a tween or the user (a scene's own
   * timer): draw it. Frames are skipped while nothing changes (src/view/render-gate.ts).
   */
  invalidate(): void;
}

export abstract class AppScene extends Phaser.Scene {
  protected readonly app: AppServices;
  protected theme!: Theme;
  protected ui!: UiContext;
  /** The layer `redraw` rebuilds. */
  protected dynamic!: Phaser.GameObjects.Container;
  private cleanups: (() => void)[] = [];
  /** Texts a redraw hands back unchanged instead of making them again (one per scene). */
  private texts: TextPool | null = null;
  /** The parts of the layer `part` keeps between redraws, by key. */
  private parts = new Map<
    string,
    {
      container: Phaser.GameObjects.Container;
      deps: unknown[];
      used: boolean;
      area?: PartArea;
      margin: number;
    }
  >();

  constructor(key: string, app: AppServices) {
    super({ key });
    this.app = app;
  }

  /** The design space every scene lays out in (1280×720), whatever the canvas size. */
  protected get area(): { width: number; height: number } {
    return { width: GAME_WIDTH, height: GAME_HEIGHT };
  }

  /** The store's state right now (a snapshot: do not keep it). */
  protected get state(): AppState {
    return this.app.store.getState();
  }

  create(): void {
    const key = this.scene.key;
    this.cleanups = [];
    this.parts = new Map();
    this.texts ??= new TextPool(this);
    const s = this.state;
    this.theme = themeFor(s.settings, s.systemReducedMotion, this.app.renderScale);
    this.ui = { scene: this, a11y: this.app.a11y, theme: this.theme, owner: key };
    const camera = this.cameras.main;
    camera.setBackgroundColor(COLOURS.background);
    if (this.app.renderScale !== 1) {
      camera.setZoom(this.app.renderScale).centerOn(GAME_WIDTH / 2, GAME_HEIGHT / 2);
    }
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
    this.dynamic = this.add.container(0, 0);
    this.build();
    this.state.setActiveScene(key);
  }

  /** Draw the screen. Called once per start (and again after a restart). */
  protected abstract build(): void;

  /**
   * Subscribes to a slice of the store for the life of this scene. `now: true` calls the
   * listener at once with the current value. Slices are compared with Object.is unless `equal`
   * is given.
   */
  protected watch<T>(
    selector: (state: AppState) => T,
    listener: (value: T, previous: T) => void,
    options: { now?: boolean; equal?: (a: T, b: T) => boolean } = {},
  ): void {
    const unsubscribe = this.app.store.subscribe(selector, listener, {
      equalityFn: options.equal,
      fireImmediately: options.now ?? false,
    });
    this.cleanups.push(unsubscribe);
  }

  /**
   * Registers an a11y section (a labelled group) and returns its id: register a screen's
   * sections first, in reading order, and give widgets `group`/`parent: id`. Tab order then
   * follows the sections, and inside a section the reading order of the controls' positions
   * (top to bottom, left to right), even when a part of the screen is redrawn later. With
   * several columns pass 'registration' and register in the order Tab should follow.
   */
  protected section(
    id: string,
    label: string,
    order: 'visual' | 'registration' = 'visual',
  ): string {
    this.app.a11y.registerGroup({ id, label, role: 'group', order, owner: this.scene.key });
    return id;
  }

  /**
   * `section` for each of `list`, in order, at once: a screen redrawn with the same sections
   * then leaves their DOM alone (see A11yLayer.registerGroups).
   */
  protected sections(list: readonly { id: string; label: string }[]): void {
    this.app.a11y.registerGroups(
      list.map(({ id, label }) => ({
        id,
        label,
        role: 'group' as const,
        order: 'visual' as const,
        owner: this.scene.key,
      })),
    );
  }

  /** Escape runs `handler` while this scene is up (newest scene handler wins). */
  protected onEscape(handler: () => void): void {
    this.cleanups.push(this.app.a11y.pushEscape(handler));
  }

  /** Runs `fn` on SHUTDOWN (DOM listeners, timers…). */
  protected addCleanup(fn: () => void): void {
    this.cleanups.push(fn);
  }

  /**
   * Rebuilds the dynamic layer: destroys what is in it (widgets remove their DOM twins), then
   * runs `draw`, which adds objects with `this.dynamic.add(…)`.
   */
  protected redraw(draw: (layer: Phaser.GameObjects.Container) => void): void {
    // Parts stay in the layer (`part` moves the ones still wanted to the top, in drawing order).
    const kept = new Set<Phaser.GameObjects.GameObject>();
    for (const p of this.parts.values()) {
      p.used = false;
      kept.add(p.container);
    }
    const texts = this.texts;
    for (const child of [...this.dynamic.list]) {
      if (kept.has(child)) continue;
      texts?.collect(child);
      child.destroy();
    }
    draw(this.dynamic);
    for (const [key, p] of this.parts) {
      if (p.used) continue;
      p.container.destroy();
      this.parts.delete(key);
    }
    texts?.release();
  }

  /**
   * Inside `redraw`: adds to `layer` a part that is built again only when one of `deps` changed
   * (compared with Object.is), else the one built last time, untouched — its objects, running
   * tweens and DOM twins (and so the keyboard focus) stay. Rebuilding all of a busy screen on
   * every store change costs long frames on a Chromebook (each Text is a canvas to allocate and
   * rasterise). `deps` must hold everything `build` reads that can change; a part not asked for
   * in a redraw is destroyed. Returns whether it was built (false: kept).
   */
  protected part(
    layer: Phaser.GameObjects.Container,
    key: string,
    deps: readonly unknown[],
    build: (part: Phaser.GameObjects.Container) => void,
    /**
     * The rectangle the part draws in, all of it (see `hideOutside`), or a function that says
     * it once the part is built; none: anywhere.
     */
    area?: PartArea,
    /** How far outside `area` it may draw (focus rings, labels hanging over an edge). */
    margin = PART_MARGIN,
  ): boolean {
    const kept = this.parts.get(key);
    if (
      kept?.container.active &&
      kept.deps.length === deps.length &&
      kept.deps.every((d, i) => Object.is(d, deps[i]))
    ) {
      kept.used = true;
      kept.area = area;
      kept.margin = margin;
      if (kept.container.parentContainer === layer) layer.bringToTop(kept.container);
      else layer.add(kept.container);
      return false;
    }
    if (kept) {
      this.texts?.collect(kept.container);
      kept.container.destroy();
    }
    const container = this.add.container(0, 0);
    this.parts.set(key, { container, deps: [...deps], used: true, area, margin });
    build(container);
    layer.add(container);
    return true;
  }

  /**
   * For a frame drawn only inside `region` (render-gate.ts: only tweens moved, and only there):
   * hides, for that frame's drawing, the parts whose area lies wholly outside it — their pixels
   * are kept from the last frame anyway, and walking them cost most of such a frame. Returns the
   * function that shows them again. A part with no area is always drawn.
   */
  hideOutside(region: Region): () => void {
    const hidden: Phaser.GameObjects.Container[] = [];
    for (const p of this.parts.values()) {
      if (!p.area || !p.container.visible) continue;
      const area = typeof p.area === 'function' ? p.area() : p.area;
      if (overlaps(area, region, p.margin)) continue;
      p.container.visible = false;
      hidden.push(p.container);
    }
    return () => {
      for (const c of hidden) c.visible = true;
    };
  }

  private teardown(): void {
    for (const fn of this.cleanups.splice(0)) fn();
    // Texts put aside by the pool are on no list the scene destroys.
    this.texts?.clear();
    this.app.a11y.removeOwner(this.scene.key);
    if (this.state.activeScene === this.scene.key) this.state.setActiveScene(null);
  }
}

/** Where a part draws: a rectangle, or a function giving it (read when a frame needs it). */
export type PartArea = Region | (() => Region);

/** How far outside its area a part may draw, unless it says (focus rings, labels over an edge). */
const PART_MARGIN = 8;

/** Whether `a`, grown by `margin` on every side, and `b` overlap. */
function overlaps(a: Region, b: Region, margin: number): boolean {
  return (
    a.x - margin < b.x + b.width &&
    b.x < a.x + a.width + margin &&
    a.y - margin < b.y + b.height &&
    b.y < a.y + a.height + margin
  );
}
