/**
 * GameScene: the base of the in-game screens (briefing, table, decision, aftermath, debrief).
 * It redraws the screen whenever the session publishes a new `game` (every accepted move, pause,
 * hand-off), and takes care of what every game screen shares:
 *
 * - the top bar: round, phase, whose turn (person or bot), Pause/Resume, Quit (the turn and
 *   round timers are on the table itself);
 * - the pass-and-play hand-off screen, shown INSTEAD of the screen while `store.handoff` is
 *   set, so nothing private is drawn until "I am <role>" is pressed;
 * - the paused overlay, with the time the stopped timers have left (Escape pauses; Escape
 *   again resumes).
 *
 * A subclass implements `renderGame(layer, game)` and draws with `this.add`/widgets into
 * `layer` (a Container that is destroyed and rebuilt on each update). Keep control ids stable
 * across redraws (e.g. "table.support") so keyboard focus stays put.
 */
import type Phaser from 'phaser';
import { describeNewEntries, possessive, roleLabel } from '../../app/announce.ts';
import { PHASE_NAMES } from '../../app/phase-words.ts';
import type { GameView, Handoff } from '../../store/types.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { Panel } from '../ui/Panel.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import { addSettingsPanel } from '../ui/SettingsPanel.ts';
import { setTextFit } from '../ui/text-fit.ts';
import { fittedText } from '../ui/text-pool.ts';
import { AppScene } from './AppScene.ts';

export const TOP_BAR_HEIGHT = 64;
/** The a11y section of the paused screen (and of the settings opened from it). */
const PAUSED = 'paused.main';
/**
 * How long "I am …" ignores presses after its hand-off screen comes up: a double or quick
 * second press meant for the move before would otherwise show the next player's private view
 * to the one still holding the device.
 */
const HANDOFF_ARMING_MS = 800;

export abstract class GameScene extends AppScene {
  protected build(): void {
    // A scene object serves every game: a hand-off first drawn in an earlier game (the same
    // role, reason and step) would otherwise come up armed at once.
    this.handoffShown = null;
    this.watch(
      (s) => s.game,
      () => this.rerender(),
    );
    this.onEscape(() => {
      const game = this.state.game;
      // The hand-off screen has no pause: there Escape would stop the game out of sight.
      if (!game || game.over || this.state.handoff) return;
      if (!game.paused && this.closeOverlay()) return;
      if (this.settingsOpen) this.toggleSettings(false);
      else if (game.paused) this.app.session.resume();
      else this.app.session.pause();
    });
    this.rerender();
  }

  /**
   * What the screen has open in full (`drawFullText`), the control that opened it (the focus
   * goes back there) and the role whose view it was opened in: the next person at a shared
   * device gets the screen itself, not what the last one opened.
   */
  private fullView: { kind: string; opener: string; viewer: string | null } | null = null;

  /** The kind of full view open now, if any. */
  protected get fullViewKind(): string | null {
    return this.fullView?.kind ?? null;
  }

  /**
   * The full view to draw for `game`: none once another person holds the device or `gone` says
   * what it shows has left the screen (it is closed then).
   */
  protected fullViewFor(game: GameView, gone: (kind: string) => boolean): string | null {
    const open = this.fullView;
    if (open && (open.viewer !== (game.view.me?.role ?? null) || gone(open.kind))) {
      this.fullView = null;
    }
    return this.fullViewKind;
  }

  /** Opens a full view (drawn by the screen) and gives the focus to its words, `textId`. */
  protected openFullView(kind: string, opener: string, textId: string): void {
    this.fullView = { kind, opener, viewer: this.state.game?.view.me?.role ?? null };
    this.rerender();
    this.app.a11y.focus(textId);
  }

  /** Closes the full view, and gives the focus back to what opened it. */
  protected closeFullView(): void {
    const open = this.fullView;
    if (!open) return;
    this.fullView = null;
    this.rerender();
    this.app.a11y.focus(open.opener);
  }

  /** Escape closes an open full view before it pauses: returns whether there was one. */
  private closeOverlay(): boolean {
    if (!this.fullView) return false;
    this.closeFullView();
    return true;
  }

  /** A heading across `r` at `y`; cut to `maxLines` lines with "…" when given. Returns the y under it. */
  protected heading(
    layer: Phaser.GameObjects.Container,
    r: { x: number; width: number },
    y: number,
    text: string,
    maxLines?: number,
  ): number {
    // As wide as its box (fixedWidth): a text reused for other words keeps its canvas's size.
    const style = {
      ...this.theme.text('label', { bold: true, wrap: r.width }),
      fixedWidth: r.width,
    };
    const t =
      maxLines === undefined
        ? this.add.text(r.x, y, text, style)
        : fittedText(this, r.x, y, text, style, maxLines);
    layer.add(t);
    return y + t.height + SPACE.s;
  }

  /** The scrolling text of the open full view (`drawFullText`), kept while it stays open. */
  private fullText: ScrollText | null = null;

  /**
   * What a screen had to cut to fit, shown in full in `r` instead of what is there (so nothing
   * of it can be reached underneath): a one-line heading, the text in a scrolling box, and a
   * Back button (Escape too: `closeOverlay`). The box is kept while the same view stays open
   * (`o.view`), so new words after a move do not scroll it back to the start. `o.id` names the
   * box; Back is `${o.id}.back`. Returns the y of the Back button's row (room beside it).
   */
  protected drawFullText(
    layer: Phaser.GameObjects.Container,
    r: { x: number; y: number; width: number; height: number },
    o: {
      id: string;
      /** What is shown (a new one starts at the top; the same one keeps its scroll). */
      view: string;
      title: string;
      text: string;
      group?: string;
      back: string;
      onBack: () => void;
      /** A short Back button, to keep most of its row free (for a clock). */
      narrowBack?: boolean;
      /** The paragraph (line of `text`) a new view starts at: the part asked for. */
      startAt?: number;
    },
  ): { buttonY: number } {
    const y = this.heading(layer, r, r.y, o.title, 1);
    const buttonY = r.y + r.height - 52;
    const built = this.part(layer, o.id, [o.view, r.x, y, r.width, buttonY], (part) => {
      this.fullText = new ScrollText(this.ui, {
        id: o.id,
        label: o.title,
        group: o.group,
        x: r.x,
        y,
        width: r.width,
        height: buttonY - SPACE.s - y,
        text: o.text,
      });
      if (o.startAt) this.fullText.scrollToParagraph(o.startAt);
      part.add(this.fullText);
    });
    if (!built) this.fullText?.setText(o.text, 'keep').setLabel(o.title);
    // Beside a clock, "Back" alone (the accessible name keeps the whole label).
    const grow = Math.max(1, this.theme.font.factor);
    const buttonW = Math.min(r.width, Math.round((o.narrowBack ? 120 : 320) * grow));
    layer.add(
      new Button(this.ui, {
        id: `${o.id}.back`,
        group: o.group,
        x: r.x,
        y: buttonY,
        width: buttonW,
        height: 48,
        label: o.narrowBack ? 'Back' : o.back,
        ariaLabel: o.narrowBack ? o.back : undefined,
        icon: 'icon:back',
        description: 'Escape also goes back.',
        onClick: o.onBack,
      }),
    );
    return { buttonY };
  }

  /** Draws the phase-specific part of the screen below the top bar. */
  protected abstract renderGame(layer: Phaser.GameObjects.Container, game: GameView): void;

  /** The top bar's status line (kept with the bar) and the words it was fitted from. */
  private status: Phaser.GameObjects.Text | null = null;
  private statusWords = '';

  /** The settings are open over the paused game (kept when a change restarts the scene). */
  private settingsOpen = false;
  /** The hand-off on show and when it came up (see HANDOFF_ARMING_MS). */
  private handoffShown: { key: string; at: number } | null = null;

  private toggleSettings(open: boolean): void {
    this.settingsOpen = open;
    this.rerender();
    this.app.a11y.focus(open ? 'settings.done' : 'paused.settings');
  }

  /** Whether this screen shows the top bar (the debrief has its own header). */
  protected showTopBar = true;

  /** Redraws the whole screen from the store (also for scene-local changes, e.g. a page). */
  protected rerender(): void {
    const { game, handoff } = this.state;
    if (!game) return;
    if (!game.paused) this.settingsOpen = false;
    this.redraw((layer) => {
      if (handoff) {
        this.drawHandoff(layer, game, handoff);
        return;
      }
      if (this.showTopBar) this.drawTopBar(layer, game);
      // Paused: only the overlay, so no control of the game underneath can be reached.
      if (game.paused) this.drawPaused(layer, game);
      else this.renderGame(layer, game);
    });
  }

  private drawTopBar(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width } = this.area;
    const v = game.view;
    const parts = [game.scenario.title.text];
    if (v.round > 0) parts.push(`Round ${v.round} of ${v.roundsTotal}`);
    parts.push(PHASE_NAMES[game.phase]);
    // Stances are declared by all at once (the bots in turn): the person asked comes first.
    const asked = game.phase === 'stances' && game.choices ? game.choices.role : null;
    if (asked) {
      parts.push(`${roleLabel(game.scenario, asked)} to act (person)`);
    } else if (game.acting.role) {
      const who = roleLabel(game.scenario, game.acting.role);
      parts.push(
        `${who} to act (${game.acting.seat === 'human' ? 'person' : `bot, ${game.acting.seat}`})`,
      );
    }
    // Buttons grow with the text size; the status line gets what is left, on one line.
    const grow = Math.max(1, this.theme.font.factor);
    const quitW = Math.round(150 * grow);
    const pauseW = Math.round(140 * grow);
    const quitX = width - SPACE.l - quitW;
    const pauseX = quitX - SPACE.s - pauseW;
    // The bar and its buttons only change with pause and the end of the game: kept between
    // moves (the status line under them changes with every move).
    const { paused, over } = game;
    this.part(
      layer,
      'game.top-bar',
      [paused, over],
      (part) => {
        const g = this.add.graphics();
        g.fillStyle(COLOURS.surface, 1);
        g.fillRect(0, 0, width, TOP_BAR_HEIGHT);
        part.add(g);
        if (!over) {
          part.add(
            new Button(this.ui, {
              id: 'game.pause',
              x: pauseX,
              y: 8,
              width: pauseW,
              label: paused ? 'Resume' : 'Pause',
              icon: paused ? 'icon:play' : 'icon:pause',
              onClick: () => (paused ? this.app.session.resume() : this.app.session.pause()),
            }),
          );
        }
        part.add(
          new Button(this.ui, {
            id: 'game.quit',
            x: quitX,
            y: 8,
            width: quitW,
            label: 'Quit to title',
            description: 'The game is saved; Continue on the title screen picks it up again.',
            variant: 'quiet',
            onClick: () => this.app.session.leave(),
          }),
        );
        // The turn and round timers are on the table itself (the only screen where they run).
        // The status line is kept with the bar; its words change with every move.
        this.status = this.add.text(
          SPACE.l,
          SPACE.m,
          '',
          // Its canvas keeps its size (the bar's width) as the words change.
          {
            ...this.theme.text('body', { wrap: (over ? quitX : pauseX) - SPACE.l - SPACE.m }),
            fixedWidth: (over ? quitX : pauseX) - SPACE.l - SPACE.m,
          },
        );
        this.statusWords = '';
        part.add(this.status);
      },
      { x: 0, y: 0, width, height: TOP_BAR_HEIGHT },
      // Nothing hangs below the bar (its buttons' focus rings end above its edge): frames drawn
      // only for the meters just under it leave it out.
      0,
    );
    const words = parts.join(' · ');
    if (this.status && words !== this.statusWords) {
      setTextFit(this.status, words, 1);
      this.statusWords = words;
    }
  }

  private drawHandoff(layer: Phaser.GameObjects.Container, game: GameView, handoff: Handoff): void {
    const { width, height } = this.area;
    // When this hand-off first came up (a redraw of the same one keeps it).
    const key = `${handoff.role}|${handoff.why}|${game.step}`;
    if (this.handoffShown?.key !== key) this.handoffShown = { key, at: this.time.now };
    const shownAt = this.handoffShown.at;
    const panelW = 720;
    const panel = new Panel(this.ui, {
      x: (width - panelW) / 2,
      y: 120,
      width: panelW,
      // Room for both buttons at any text size (they grow with it).
      height: 440,
      title: `Pass the device to ${handoff.roleName}`,
    });
    layer.add(panel);
    const role = game.scenario.roles.find((r) => r.id === handoff.role);
    const text =
      handoff.why === 'briefing'
        ? `${role?.name.text ?? handoff.roleName} reads their private brief next. Everyone else, look away.`
        : `It is ${possessive(handoff.roleName)} move. Their private information is hidden until they confirm it is them.`;
    const left = (width - panelW) / 2 + SPACE.l;
    const intro = this.add.text(
      left,
      panel.contentY + SPACE.m,
      text,
      this.theme.text('body', { wrap: panelW - 2 * SPACE.l }),
    );
    layer.add(intro);
    const buttonY = height / 2 + 40;
    // What just happened (public: the log), so the table sees whether the package passed while
    // the device changes hands, and the next player knows what they come back to.
    const { log, packages } = game.view;
    const lately =
      handoff.why === 'briefing'
        ? []
        : describeNewEntries(game.scenario, log, log.length - 3, packages);
    if (lately.length > 0) {
      const style = this.theme.text('small', {
        wrap: panelW - 2 * SPACE.l,
        color: COLOURS.textMuted,
      });
      const lineH = Math.ceil(this.theme.font.size.small * 1.35);
      const y = intro.y + intro.height + SPACE.m + lineH;
      const lines = Math.floor((buttonY - SPACE.m - y) / lineH);
      if (lines >= 1) {
        layer.add(this.add.text(left, y - lineH, 'Just now:', style));
        const recent = this.add.text(left, y, '', style);
        // The latest last, as in the log; when they do not all fit, the older ones give way
        // (a cut joins lines, so only the newest alone is ever cut).
        for (let n = lately.length; n >= 1; n--) {
          const cut = setTextFit(recent, lately.slice(-n).join('\n'), lines);
          if (!cut) break;
        }
        layer.add(recent);
      }
    }
    // A second press meant for the screen before (Enter twice on Pass, a double tap) is not the
    // next player saying who they are: "I am …" waits a moment before it can be pressed.
    const wait = HANDOFF_ARMING_MS - (this.time.now - shownAt);
    const confirm = new Button(this.ui, {
      id: 'handoff.confirm',
      autofocus: true,
      x: (width - 360) / 2,
      y: buttonY,
      width: 360,
      label: `I am ${handoff.roleName}`,
      variant: 'primary',
      disabled: wait > 0,
      disabledReason: 'Ready in a moment.',
      // The screen's words, for a screen reader on the button (the moves were announced too).
      description: [text, ...(lately.length > 0 ? ['Just now:', ...lately] : [])].join(' '),
      onClick: () => this.app.session.confirmHandoff(),
    });
    layer.add(confirm);
    if (wait > 0) {
      this.time.delayedCall(wait, () => {
        if (!confirm.active) return;
        confirm.setDisabled(false);
        this.app.invalidate();
      });
    }
    layer.add(
      new Button(this.ui, {
        id: 'game.quit',
        x: (width - 360) / 2,
        y: confirm.bottom + SPACE.s,
        width: 360,
        label: 'Quit to title',
        variant: 'quiet',
        onClick: () => this.app.session.leave(),
      }),
    );
  }

  private drawPaused(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.area;
    this.section(PAUSED, 'Paused', 'registration');
    if (this.settingsOpen) {
      addSettingsPanel(this.ui, layer, {
        x: 80,
        y: TOP_BAR_HEIGHT + SPACE.l,
        width: width - 160,
        maxBottom: height - SPACE.l,
        group: PAUSED,
        settings: this.state.settings,
        onChange: (patch) => this.state.updateSettings(patch),
        onDone: () => this.toggleSettings(false),
      });
      return;
    }
    layer.add(
      this.add.text(width / 2, height / 2 - 60, 'Paused', this.theme.text('h1')).setOrigin(0.5),
    );
    // The timers stand still while paused: say how much each has left.
    const frozen = game.timers.frozen;
    const clock = (ms: number | null) => {
      if (ms === null) return null;
      const s = Math.ceil(ms / 1000);
      return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    };
    const parts = [
      clock(frozen?.turnMs ?? null) && `turn ${clock(frozen?.turnMs ?? null)}`,
      clock(frozen?.roundMs ?? null) && `round ${clock(frozen?.roundMs ?? null)}`,
    ].filter(Boolean);
    const clockLine =
      parts.length > 0 ? `The clock is stopped. Time left: ${parts.join(' · ')}. ` : '';
    // What to do from here, for a class that finds the game stopped.
    const words = `${clockLine}Resume (or Escape) goes on where the game stopped; Settings change the text size, projector mode, motion, the bots' pace and sound; Quit to title keeps the game saved for later.`;
    const buttonH = Math.max(48, Math.round(this.theme.font.size.body * 1.35 + 16));
    layer.add(
      this.add
        .text(
          width / 2,
          height / 2 + 2 * buttonH + SPACE.s + SPACE.l,
          words,
          this.theme.text('body', {
            color: COLOURS.textMuted,
            align: 'center',
            wrap: width - 160,
          }),
        )
        .setOrigin(0.5, 0),
    );
    layer.add(
      new Button(this.ui, {
        id: 'paused.resume',
        autofocus: true,
        description: clockLine.trim() || undefined,
        x: (width - 280) / 2,
        y: height / 2,
        width: 280,
        label: 'Resume',
        icon: 'icon:play',
        variant: 'primary',
        group: PAUSED,
        onClick: () => this.app.session.resume(),
      }),
    );
    layer.add(
      new Button(this.ui, {
        id: 'paused.settings',
        x: (width - 280) / 2,
        y: height / 2 + buttonH + SPACE.s,
        width: 280,
        label: 'Settings',
        icon: 'icon:settings',
        group: PAUSED,
        onClick: () => this.toggleSettings(true),
      }),
    );
  }
}
