/**
 * Table: the negotiation table (GAME.md §7). Left: the three meters with their healthy bands,
 * the balance triangle and the agreed conditions. Centre: the table seen from above with one
 * seat per role (the decision-maker at the head), the round/turn indicator and timer on it, and
 * under it the card tray — the event card, the acting person's assurance cards (tick up to
 * three, then Propose, or Pass), the package on the table with Support / Oppose / amendments, and
 * the round end. Right: the event ticker and the log of causes.
 *
 * The layer is rebuilt on every game change, except the left column and the event ticker: they
 * are kept until what they show changes (`part`), as most moves change neither; the log keeps
 * its box and gets the new text. The meters and the balance dot tween from the values shown
 * last (0 ms under reduced motion). Widgets live in src/view/table/.
 *
 * What is cut to fit opens in full over the centre, in place of the seats and the tray: the
 * agreed conditions' box, the package's cards and the balance's "?" (`details`, drawn with
 * GameScene.drawFullText; Escape or Back returns).
 */
import type Phaser from 'phaser';
import {
  describeLogEntry,
  ended,
  metersAfterEach,
  possessive,
  roleLabel,
} from '../../app/announce.ts';
import { PHASE_NAMES } from '../../app/phase-words.ts';
import type { LogKind } from '../../rules/types.ts';
import { METER_IDS } from '../../scenario/schema.ts';
import type { GameView } from '../../store/types.ts';
import type { ControlHandle } from '../a11y/layer.ts';
import { showToast } from '../dom/toast.ts';
import { AssuranceCard, type AssuranceCardOptions } from '../table/AssuranceCard.ts';
import { BalanceTriangle } from '../table/BalanceTriangle.ts';
import { ConditionChips } from '../table/ConditionChips.ts';
import { EventTicker } from '../table/EventTicker.ts';
import { type Rect, tableLayout } from '../table/layout.ts';
import { MeterBar } from '../table/MeterBar.ts';
import { type SeatState, SeatsView } from '../table/Seats.ts';
import { STATUS, TEXT } from '../theme/palette.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { OpenArea } from '../ui/OpenArea.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import { setTextFit } from '../ui/text-fit.ts';
import { fittedText } from '../ui/text-pool.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';
import {
  agreedDetails,
  agreedText,
  assuranceDetails,
  assuranceTitle,
  balanceDetails,
  cardsInFull,
  logText,
  metersText,
  packageDetails,
  pendingText,
  rankedAmendments,
  viewersRedLine,
  worthToViewer,
} from './game-text.ts';

const ACTIONS = 'table.actions';
/** Log entries that are someone's move at the table (not what followed from one). */
const MOVE_KINDS: ReadonlySet<LogKind> = new Set([
  'proposed',
  'amended',
  'response',
  'passed',
  'timeout',
]);
const INFO = 'table.info';
/** From this many seconds left the clock says time is nearly up. */
const LOW_SECONDS = 10;
/**
 * What the details view shows over the centre (the seats and the tray), and the control that
 * opens it (the focus goes back there).
 */
type DetailsKind = 'agreed' | 'package' | 'balance' | 'cards';
const DETAILS_OPENER: Record<DetailsKind, string> = {
  agreed: 'table.agreed',
  package: 'table.pending',
  balance: 'table.balance-info',
  cards: 'table.cards-info',
};

export class TableScene extends GameScene {
  private picked: string[] = [];
  /** The turn `picked` belongs to: the step, and the role when it is proposing. */
  private pickedAt = '';
  private page = 0;
  private proposeButton: Button | null = null;
  /**
   * Under the cards to tick, in `lines` lines: what the card pointed at (or focused) promises,
   * else `hint`, what the ticks have come to ("Ticked 2 of 3", or why Propose is not open).
   */
  private note: { text: Phaser.GameObjects.Text; lines: number; hint: string } | null = null;
  /** The card whose promise the note shows (null: it shows the hint). */
  private noteCard: string | null = null;
  private cards = new Map<string, AssuranceCard>();
  /** How many log entries the table has seen (−1: none yet), to show a timeout once. */
  private logSeen = -1;
  /** The kept meter bars, the meters they were last given, and the y under them. */
  private meterBars: MeterBar[] = [];
  private metersShown: GameView['view']['meters'] | null = null;
  private metersBottom = 0;
  /** The meters' screen-reader twin (a text). */
  private metersControl: ControlHandle | null = null;
  /** The y under the kept balance triangle. */
  private balanceBottom = 0;
  /** The kept balance triangle (a part). */
  private triangle: BalanceTriangle | null = null;
  private clock: Phaser.GameObjects.Text | null = null;
  /** The kept game log. */
  private log: ScrollText | null = null;
  /** The kept seats (a part), moved on by every redraw, and their screen-reader twin. */
  private seatsView: SeatsView | null = null;
  private seatsControl: ControlHandle | null = null;
  /** The kept package on the table (a part): its answers line, screen-reader twin and bottom. */
  private onTable: {
    answers: Phaser.GameObjects.Text;
    control: OpenArea;
    bottom: number;
  } | null = null;
  /** Where the package on the table shows each of its cards (each card a part). */
  private packageCards: { id: string; area: Rect }[] = [];
  /** The kept "Waiting for …" line (a part). */
  private waiting: Phaser.GameObjects.Text | null = null;
  /** Height of the kept event ticker (the log goes under it). */
  private tickerHeight = 0;

  constructor(app: AppServices) {
    super('Table', app);
  }

  protected override build(): void {
    this.metersShown = null;
    this.triangle = null;
    // The log this start finds is not news (a restored or another game's log).
    this.logSeen = -1;
    // A game continued, or another one, is told its last seconds again.
    this.warned = { turn: '', round: -1 };
    super.build();
    this.time.addEvent({ delay: 500, loop: true, callback: () => this.tickClock() });
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    this.showTimeout(game);
    // A new turn starts with nothing ticked, unless the person had ticked cards on it before
    // a reload (the session keeps them until the move is made).
    const c = game.choices;
    const turn = c?.kind === 'propose' ? `${game.step}|${c.role}` : `${game.step}`;
    if (turn !== this.pickedAt) {
      this.picked =
        c?.kind === 'propose'
          ? this.app.session.rememberedTicks(c.role).filter((id) => c.proposable.includes(id))
          : [];
      this.page = 0;
      this.pickedAt = turn;
      this.lastShown = null;
    }
    this.proposeButton = null;
    this.note = null;
    this.noteCard = null;
    this.cards.clear();
    this.clock = null;
    const { width, height } = this.area;
    const L = tableLayout(width, height, TOP_BAR_HEIGHT, this.theme.font.factor);
    this.sections([
      { id: ACTIONS, label: 'Your move' },
      { id: INFO, label: 'The table' },
    ]);

    const details = this.detailsShown(game);
    this.drawLeft(layer, game, L.left);
    if (details) {
      const bottom = L.tray.y + L.tray.height;
      this.drawDetails(layer, game, details, { ...L.table, height: bottom - L.table.y });
      this.drawRight(layer, game, L.right);
      this.tickClock();
      return;
    }
    this.drawSeats(layer, game, L.table);
    this.drawRight(layer, game, L.right);
    switch (game.phase) {
      case 'event':
        this.drawEvent(layer, game, L.tray);
        break;
      case 'roundEnd':
        this.drawRoundEnd(layer, game, L.tray);
        break;
      case 'negotiation':
        this.drawNegotiation(layer, game, L.tray);
        break;
      default:
        // The stances and what follows are another screen, still on its way (a slow
        // connection): say so, and offer no move of the table's for a choice it does not make.
        layer.add(
          this.add.text(L.tray.x, L.tray.y, 'Loading the next screen…', {
            ...this.theme.text('body', { color: COLOURS.textMuted, wrap: L.tray.width }),
          }),
        );
    }
    this.tickClock();
  }

  /**
   * A turn or a round that ran out of time is said on screen too (screen readers hear it from
   * the session): a player saw their ticks vanish and the turn move on, and nothing said why.
   */
  private showTimeout(game: GameView): void {
    const { log } = game.view;
    const from = this.logSeen;
    this.logSeen = log.length;
    if (from < 0 || log.length <= from) return;
    const after = metersAfterEach(game.scenario, log);
    for (let i = log.length - 1; i >= from; i--) {
      const entry = log[i];
      const meters = after[i];
      if (entry?.kind !== 'timeout' || !meters) continue;
      const words = describeLogEntry(game.scenario, entry, meters);
      if (words) showToast(document.body, words, this.state.settings);
      return;
    }
  }

  // ── A list in full over the centre ──────────────────────────────────────────────────────

  /** The details view to draw now: closed once what it shows has left the table. */
  private detailsShown(game: GameView): DetailsKind | null {
    return this.fullViewFor(
      game,
      (kind) =>
        (kind === 'package' && !game.view.pending) ||
        (kind === 'agreed' && game.view.agreed.length === 0) ||
        (kind === 'cards' && game.choices?.kind !== 'propose'),
    ) as DetailsKind | null;
  }

  private openDetails(kind: DetailsKind): void {
    // The words asked for, first: a screen reader reads them; arrows scroll; Escape goes back.
    this.openFullView(kind, DETAILS_OPENER[kind], 'table.details');
  }

  /**
   * The agreed conditions, the package on the table or the balance's rule in full, in the room
   * of the seats and the tray: each card's whole title, who delivers it, its worth to the viewer
   * and what it promises.
   */
  private drawDetails(
    layer: Phaser.GameObjects.Container,
    game: GameView,
    kind: DetailsKind,
    r: Rect,
  ): void {
    const p = game.view.pending;
    // The hand in full starts at the card last pointed at (or the page's first).
    const hand = game.choices?.kind === 'propose' ? game.choices.proposable : [];
    const cards = kind === 'cards' ? cardsInFull(game, hand) : null;
    const title =
      kind === 'agreed'
        ? `Agreed conditions (${game.view.agreed.length})`
        : kind === 'balance'
          ? `How the balance of ${Math.round(game.view.balance)} is scored`
          : kind === 'cards'
            ? `Your cards in full (${hand.length})`
            : `Package ${p?.number ?? ''} from ${roleLabel(game.scenario, p?.proposer ?? '')}${p?.amendedBy ? `, amended by ${roleLabel(game.scenario, p.amendedBy)}` : ''}`;
    const text =
      kind === 'agreed'
        ? agreedDetails(game)
        : kind === 'balance'
          ? balanceDetails(game)
          : cards
            ? cards.text
            : packageDetails(game);
    const startCard = this.cardsAsked;
    // A turn or round timer keeps running while the person reads: its clock stays in view,
    // beside Back.
    const { turnSeconds, roundSeconds } = game.timers;
    const timed = turnSeconds !== null || roundSeconds !== null;
    const row = this.drawFullText(layer, r, {
      id: 'table.details',
      // The hand in full is a view of its own for each card it starts at.
      view: cards && startCard ? `${kind}:${startCard}` : kind,
      startAt: cards && startCard ? cards.starts.get(startCard) : undefined,
      title,
      text,
      group: ACTIONS,
      back: 'Back to the table',
      onBack: () => this.closeFullView(),
      narrowBack: timed,
    });
    if (timed) {
      this.clock = this.add
        .text(r.x + r.width, row.buttonY + 24, '', this.theme.text('small', { bold: true }))
        .setOrigin(1, 0.5);
      layer.add(this.clock);
    }
  }

  // ── Left: meters, balance, agreed conditions ─────────────────────────────────────────────

  private drawLeft(layer: Phaser.GameObjects.Container, game: GameView, r: Rect): void {
    const { scenario, view } = game;
    // The bars are kept for the game and move on in place; the triangle and the conditions are
    // kept until what they show changes (most moves change none of it). The rules keep
    // `meters` and `agreed` the same objects until they change.
    this.part(
      layer,
      'table.meters',
      [scenario, r.x, r.y, r.width],
      (part) => {
        this.meterBars = [];
        let y = r.y;
        for (const m of METER_IDS) {
          const bar = new MeterBar(this.ui, {
            x: r.x,
            y,
            width: r.width,
            meter: m,
            name: scenario.meters[m].name.text,
            names: METER_IDS.map((id) => scenario.meters[id].name.text),
            value: view.meters[m],
            band: scenario.meters[m].band,
          });
          part.add(bar);
          this.meterBars.push(bar);
          y += bar.heightPx + SPACE.s;
        }
        this.metersBottom = y;
        // The meters' values, bands and states as text: for a screen reader and a search of
        // the page (the live region says each change as it happens).
        const control = this.app.a11y.registerControl({
          id: 'table.meters',
          label: 'Meters',
          role: 'text',
          rect: { x: r.x, y: r.y, width: r.width, height: y - r.y },
          text: metersText(game),
          group: INFO,
          owner: this.scene.key,
        });
        part.once('destroy', () => control.remove());
        this.metersControl = control;
      },
      // Each part of the column says where it ends: frames drawn only for the meters' and the
      // balance's tweens then leave out the conditions under them.
      () => ({ x: r.x, y: r.y, width: r.width, height: this.metersBottom - r.y }),
    );
    // A change shows its "+4" labels until the next change of the game.
    METER_IDS.forEach((m, i) => {
      const bar = this.meterBars[i];
      if (bar && view.meters !== this.metersShown) bar.setValue(view.meters[m]);
      else bar?.dropFlash();
    });
    if (view.meters !== this.metersShown) this.metersControl?.update({ text: metersText(game) });
    this.metersShown = view.meters;
    const y = this.metersBottom + SPACE.xs;
    // Kept while the rule's box stays open or shut; a change of the meters moves it on.
    const infoOpen = this.fullViewKind === 'balance';
    const deps = [scenario, infoOpen, r.x, y, r.width];
    const built = this.part(
      layer,
      'table.balance',
      deps,
      (part) => {
        const triangle = new BalanceTriangle(this.ui, {
          x: r.x,
          y,
          width: r.width,
          scenario,
          meters: view.meters,
          balance: view.balance,
          previous: this.triangle?.weights ?? null,
          infoOpen,
          group: INFO,
          onInfo: () => (infoOpen ? this.closeFullView() : this.openDetails('balance')),
        });
        part.add(triangle);
        this.triangle = triangle;
        this.balanceBottom = y + triangle.heightPx + SPACE.s;
      },
      () => ({ x: r.x, y, width: r.width, height: this.balanceBottom - y }),
    );
    if (!built) this.triangle?.setBalance(view.meters, view.balance);
    const chipsY = this.balanceBottom;
    this.part(
      layer,
      'table.agreed',
      [scenario, view.agreed, r.x, chipsY, r.width, r.y + r.height],
      (part) => {
        part.add(
          new ConditionChips(
            this.ui,
            { x: r.x, y: chipsY, width: r.width, height: r.y + r.height - chipsY },
            view.agreed.map((a) => assuranceTitle(game, a.id)),
            agreedText(game),
            INFO,
            () => this.openDetails('agreed'),
          ),
        );
      },
      { x: r.x, y: chipsY, width: r.width, height: r.y + r.height - chipsY },
    );
  }

  // ── Centre: the seats ───────────────────────────────────────────────────────────────────

  private drawSeats(layer: Phaser.GameObjects.Container, game: GameView, r: Rect): void {
    const { scenario, view } = game;
    const p = view.pending;
    const negotiating = game.phase === 'negotiation';
    // One bubble, while negotiating: the reason for the last move of the round, when a bot made
    // it (the rest are in the log). A person's move, or none yet, shows none: a bot's older
    // reason would then read as the news (it was still up at the round end, or after a
    // person's answer had rejected the package it was about).
    const lastMove = negotiating
      ? [...view.log].reverse().find((e) => e.round === view.round && MOVE_KINDS.has(e.kind))
      : undefined;
    const latest =
      lastMove?.reason && lastMove.actor && game.seats[lastMove.actor] !== 'human'
        ? lastMove
        : undefined;
    const seats: SeatState[] = scenario.roles.map((role) => {
      const bot = game.seats[role.id] !== 'human';
      let answer: SeatState['answer'] = null;
      if (p && negotiating) {
        if (p.responses[role.id]) answer = p.responses[role.id] as 'support' | 'oppose';
        else if (role.id === p.sponsor) answer = p.amendedBy ? 'amender' : 'proposer';
        else if (p.awaiting.includes(role.id)) answer = 'waiting';
      }
      const reason = bot && latest?.actor === role.id ? (latest.reason ?? null) : null;
      return {
        role,
        head: role.id === scenario.decider,
        bot,
        you: game.viewer === role.id && !bot,
        acting: negotiating && game.acting.role === role.id,
        answer,
        reason,
      };
    });
    const round =
      view.round > 0
        ? `Round ${view.round} of ${view.roundsTotal} · ${PHASE_NAMES[game.phase]}`
        : PHASE_NAMES[game.phase];
    let turn = '';
    if (game.phase === 'event') turn = 'A new event';
    else if (game.phase === 'roundEnd') turn = 'The round is over';
    else if (game.acting.role) {
      const who = roleLabel(scenario, game.acting.role);
      const mine = game.choices !== null && game.choices.role === game.acting.role;
      turn = p
        ? `${mine ? `Your answer, ${who}` : `${who} answers`}`
        : `${mine ? `Your turn, ${who}` : `${possessive(who)} turn`}`;
    }
    const timed = game.timers.turnSeconds !== null || game.timers.roundSeconds !== null;
    // Kept while the same people sit at the same table; each move only moves it on.
    const faces = seats.map((s) => `${s.role.id}:${s.head}:${s.bot}:${s.you}`).join(' ');
    this.part(
      layer,
      'table.seats',
      [scenario, r.x, r.y, r.width, r.height, faces],
      (part) => {
        const view = new SeatsView(this.ui, r, seats);
        part.add(view);
        this.seatsView = view;
        this.seatsControl = null;
        view.once('destroy', () => {
          this.seatsControl?.remove();
          this.seatsControl = null;
          if (this.seatsView === view) this.seatsView = null;
        });
      },
      r,
    );
    const v = this.seatsView;
    if (!v) return;
    v.setSeats(seats, { round, turn, timed });
    this.clock = v.timer;
    const describe = seats
      .map((s) => {
        const bits = [
          `${s.role.shortName.text}${s.head ? ' (decision-maker)' : ''}: ${s.bot ? 'bot' : 'person'}`,
        ];
        if (s.acting) bits.push('to act now');
        if (s.answer === 'support') bits.push('supports the package');
        if (s.answer === 'oppose') bits.push('opposes the package');
        if (s.answer === 'waiting' && !s.acting) bits.push('still to answer');
        if (s.answer === 'proposer') bits.push('proposed the package');
        if (s.answer === 'amender') bits.push('amended the package');
        if (s.reason) bits.push(`said: ${s.reason}`);
        return bits.join(', ');
      })
      .join('. ');
    const label = `Seats. ${round}. ${turn}`;
    const text = `${describe}.`;
    // While others play, the table is where the keyboard focus goes when the person's last
    // control goes away (not the top bar's Pause, which a second Enter would press).
    const autofocus = !game.choices;
    if (this.seatsControl) {
      this.seatsControl.update({ label, text, autofocus });
      return;
    }
    this.seatsControl = this.app.a11y.registerControl({
      id: 'table.seats',
      label,
      role: 'text',
      rect: r,
      text,
      group: INFO,
      owner: this.scene.key,
      autofocus,
    });
  }

  private tickClock(): void {
    const text = this.clock;
    const game = this.state.game;
    if (!text?.active || !game) return;
    const { turnSeconds, turnStartedAt, roundSeconds, roundStartedAt } = game.timers;
    const secondsLeft = (total: number | null, start: number | null) =>
      total === null || start === null
        ? null
        : Math.max(0, Math.ceil(total - (Date.now() - start) / 1000));
    const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    const running = game.phase === 'negotiation' && !game.paused;
    const turn = running ? secondsLeft(turnSeconds, turnStartedAt) : null;
    const round = running ? secondsLeft(roundSeconds, roundStartedAt) : null;
    const parts: string[] = [];
    if (turn !== null) parts.push(`Turn ${clock(turn)}`);
    if (round !== null) parts.push(`Round ${clock(round)}`);
    // The last seconds in words and the warning colour (a class at the back of the room sees
    // time running out, not only the numbers), and said once to a screen reader.
    const lowTurn = turn !== null && turn <= LOW_SECONDS;
    const lowRound = round !== null && round <= LOW_SECONDS;
    const low = lowTurn || lowRound;
    // Short enough for one line at any text size: the clock is never wrapped.
    const shown =
      parts.length === 2
        ? `${low ? 'Nearly up' : 'Left'}: ${parts.join(' · ')}`
        : parts.length === 1
          ? `${low ? 'Nearly up' : 'Time left'}: ${parts[0]}`
          : '';
    if (shown === text.text) return;
    const colour = low ? STATUS.warning.css : TEXT.primary.css;
    if (text.style.color !== colour) text.setColor(colour);
    text.setText(shown);
    const who = game.acting.seat === 'human' ? game.acting.role : null;
    if (lowTurn && who && this.warned.turn !== `${game.step}|${who}`) {
      this.warned.turn = `${game.step}|${who}`;
      this.state.announce(`${roleLabel(game.scenario, who)}: ${turn} seconds left.`, 'assertive');
    }
    if (lowRound && this.warned.round !== game.view.round) {
      this.warned.round = game.view.round;
      this.state.announce(`Round ${game.view.round}: ${round} seconds left.`, 'assertive');
    }
    this.app.invalidate();
  }

  /** The turn (step and person) and the round whose last seconds were said (tickClock). */
  private warned: { turn: string; round: number } = { turn: '', round: -1 };

  // ── Right: ticker and log ───────────────────────────────────────────────────────────────

  private drawRight(layer: Phaser.GameObjects.Container, game: GameView, r: Rect): void {
    const { scenario, view } = game;
    // The ticker changes once a round: kept between moves (its height with it).
    this.part(
      layer,
      'table.ticker',
      [scenario, view.currentEvent, view.round],
      (part) => {
        const ticker = new EventTicker(this.ui, r, scenario, view.currentEvent, view.round, INFO);
        part.add(ticker);
        this.tickerHeight = ticker.heightPx;
      },
      r,
    );
    const y = r.y + this.tickerHeight + SPACE.s;
    // The log grows with every move: the same box gets the new text (scrolled to the end, as a
    // new box would be) instead of a new frame, hit zone and DOM twin each time.
    const text = logText(game);
    const built = this.part(
      layer,
      'table.log',
      [y],
      (part) => {
        this.log = new ScrollText(this.ui, {
          id: 'table.log',
          label: 'Game log',
          group: INFO,
          x: r.x,
          y,
          width: r.width,
          height: r.y + r.height - y,
          text,
          fontRole: 'small',
          list: true,
        }).scrollToEnd();
        part.add(this.log);
      },
      r,
    );
    if (!built) this.log?.setText(text, 'end');
  }

  // ── The tray ────────────────────────────────────────────────────────────────────────────

  private paragraph(
    layer: Phaser.GameObjects.Container,
    r: Rect,
    y: number,
    text: string,
    color?: string,
  ): number {
    const t = this.add.text(r.x, y, text, {
      ...this.theme.text('small', { wrap: r.width, color }),
      fixedWidth: r.width,
    });
    layer.add(t);
    return y + t.height + SPACE.s;
  }

  private continueButton(
    layer: Phaser.GameObjects.Container,
    game: GameView,
    r: Rect,
    label: string,
  ): void {
    if (game.waiting !== 'continue') return;
    const w = Math.min(r.width, Math.round(260 * Math.max(1, this.theme.font.factor * 0.9)));
    layer.add(
      new Button(this.ui, {
        id: 'table.continue',
        autofocus: true,
        group: ACTIONS,
        x: r.x + r.width - w,
        y: r.y + r.height - 56,
        width: w,
        label,
        icon: 'icon:next',
        variant: 'primary',
        onClick: () => this.app.session.continue(),
      }),
    );
  }

  private drawEvent(layer: Phaser.GameObjects.Container, game: GameView, r: Rect): void {
    const v = game.view;
    const event = game.scenario.events.find((e) => e.id === v.currentEvent);
    let y = this.heading(
      layer,
      r,
      r.y,
      `Round ${v.round}: ${event ? event.title.text : 'a quiet week'}`,
    );
    let effects = '';
    let index = v.log.length - 1;
    while (index >= 0 && v.log[index]?.kind !== 'event') index--;
    const entry = v.log[index];
    const after = metersAfterEach(game.scenario, v.log)[index];
    if (entry && after) effects = describeLogEntry(game.scenario, entry, after) ?? '';
    // "Round 1. Event: <title>. Trust down 2 to 43…": the heading already names the event.
    if (event) {
      const head = ended(event.title.text);
      const named = effects.indexOf(head);
      if (named >= 0) effects = effects.slice(named + head.length).trim();
    }
    // What changed first (full width), then the event's text down to the button row. The
    // changes give way to three lines of the story at large text (the log has them in full).
    const lineH = Math.ceil(this.theme.font.size.small * 1.35);
    const storyRoom = event ? 3 * lineH + 2 * SPACE.m + 4 + SPACE.s : 0;
    const effectLines = Math.min(
      3,
      Math.floor((r.y + r.height - 56 - SPACE.s - storyRoom - y) / lineH),
    );
    if (effects && effectLines >= 1) {
      const style = this.theme.text('small', { wrap: r.width, bold: true });
      const t = fittedText(this, r.x, y, effects, style, effectLines);
      layer.add(t);
      y += t.height + SPACE.s;
    }
    if (event) {
      // As tall as the text needs (a short event leaves no empty box), at most down to the
      // button row; ScrollText pads by SPACE.m and keeps 10 px for its scroll bar.
      const probe = this.add.text(
        0,
        0,
        event.text.text,
        this.theme.text('small', { wrap: r.width - 2 * SPACE.m - 10 }),
      );
      const needed = probe.height + 2 * SPACE.m + 4;
      probe.destroy();
      const h = Math.max(80, Math.min(needed, r.y + r.height - 56 - SPACE.s - y));
      layer.add(
        new ScrollText(this.ui, {
          id: 'table.event',
          label: `Event: ${event.title.text}`,
          group: INFO,
          x: r.x,
          y,
          width: r.width,
          height: h,
          text: event.text.text,
          fontRole: 'small',
        }),
      );
    }
    this.continueButton(layer, game, r, 'To the negotiation');
  }

  private drawRoundEnd(layer: Phaser.GameObjects.Container, game: GameView, r: Rect): void {
    const v = game.view;
    let y = this.heading(layer, r, r.y, `Round ${v.round} of ${v.roundsTotal} is over`);
    const landed = v.log.filter((e) => e.round === v.round && e.kind === 'delayed-effect');
    y = this.paragraph(
      layer,
      r,
      y,
      landed.length > 0
        ? `Promises that took effect: ${landed.map((e) => assuranceTitle(game, e.subjects[0] ?? '')).join(', ')}.`
        : 'No delayed promises took effect this round.',
    );
    // The round's packages, one line each, in the space above the button.
    const packages = v.packages.filter((p) => p.round === v.round);
    const word = { agreed: '✔ Agreed', rejected: '✘ Rejected', withdrawn: 'Withdrawn' } as const;
    const lines =
      packages.length > 0
        ? packages.map(
            (p) =>
              `${word[p.outcome]}: package ${p.number} from ${roleLabel(game.scenario, p.proposer)}${p.amendedBy ? `, amended by ${roleLabel(game.scenario, p.amendedBy)}` : ''} — ${p.assurances.map((id) => assuranceTitle(game, id)).join(', ')}`,
          )
        : ['No package was put on the table this round.'];
    y += SPACE.xs;
    const bottom = r.y + r.height - 56 - SPACE.s;
    y = this.heading(layer, r, y, 'This round at the table');
    // One line a package at least; when not all fit, the last line says how many more there
    // were (large text), never leaving them out unsaid.
    const lineH = Math.ceil(this.theme.font.size.small * 1.35);
    const row = lineH + SPACE.xs;
    const rows = Math.max(1, Math.floor((bottom - y + SPACE.xs) / row));
    let shown = lines;
    if (lines.length > rows) {
      const more = lines.length - (rows - 1);
      shown = [
        ...lines.slice(0, rows - 1),
        `…and ${more} more package${more > 1 ? 's' : ''}: see the log`,
      ];
    }
    const style = this.theme.text('small', { wrap: r.width });
    for (const [i, line] of shown.entries()) {
      // Two lines for a package when the ones after it still have one each.
      const room = bottom - y - (shown.length - 1 - i) * row;
      const maxLines = Math.min(2, Math.floor(room / lineH));
      if (maxLines < 1) break;
      const t = fittedText(this, r.x, y, line, style, maxLines);
      layer.add(t);
      y += t.height + SPACE.xs;
    }
    this.continueButton(layer, game, r, v.round >= v.roundsTotal ? 'To the stances' : 'Next round');
  }

  /**
   * The package on the table: a heading, its cards, the answers so far and what each promise
   * means. Kept while the package and the room it has stay the same (others answering change
   * only the answers line and the screen-reader text). Returns the y under it.
   */
  private drawPackage(
    layer: Phaser.GameObjects.Container,
    game: GameView,
    r: Rect,
    p: NonNullable<GameView['view']['pending']>,
  ): number {
    const choices = game.choices;
    const respond = choices?.kind === 'respond';
    // The room under the summaries: the answer buttons and amendments for a person answering,
    // else the "Waiting for …" line.
    const textH = Math.ceil(this.theme.font.size.small * 1.35);
    const amendRoom = respond && choices.amendments.length > 0 ? this.amendRowHeight() : 0;
    const waitRoom = choices ? 0 : textH + SPACE.s;
    const worths = p.assurances.map((id) => worthToViewer(game, id));
    const deps = [
      game.scenario,
      p.number,
      p.proposer,
      p.amendedBy,
      p.assurances.join(' '),
      worths.join(' '),
      respond,
      amendRoom,
      waitRoom,
      r.x,
      r.y,
      r.width,
      r.height,
    ];
    this.part(
      layer,
      'table.package',
      deps,
      (part) => {
        const by = `${roleLabel(game.scenario, p.proposer)}${p.amendedBy ? `, amended by ${roleLabel(game.scenario, p.amendedBy)}` : ''}`;
        // One line: a second would push the answer buttons under the swaps at large text
        // sizes (the seats and the screen-reader text say who amended it, too).
        const big = this.theme.font.factor > 1.3;
        let y = this.heading(
          part,
          r,
          r.y,
          `${big ? 'Package' : 'On the table: package'} ${p.number} from ${by}`,
          1,
        );
        const { w, h } = this.cardSize(r);
        const cw = Math.min(w, Math.floor((r.width - 2 * SPACE.s) / 3));
        // Full height, unless the answers line and (for a person answering) the Support / Oppose
        // row would not fit under the cards: then the cards give way, down to three lines.
        const lineH = Math.ceil(this.theme.font.size.small * 1.35) + SPACE.s;
        const below = lineH + (respond ? 52 + SPACE.s : 0) + amendRoom;
        const minH = Math.round(this.theme.font.size.small * 1.35 * 3 + 24);
        const ch = Math.max(minH, Math.min(h, r.y + r.height - below - SPACE.s - y));
        // The cards are parts of their own (below), laid out here.
        this.packageCards = p.assurances.map((id, i) => ({
          id,
          area: { x: r.x + i * (cw + SPACE.s), y, width: cw, height: ch },
        }));
        const cardsY = y;
        y += ch + SPACE.s;
        // One line (the seats show each answer too), given its words on every redraw.
        // The tray's width: its canvas keeps its size as the words change.
        const answers = this.add.text(r.x, y, '', {
          ...this.theme.text('small', { wrap: r.width, color: COLOURS.textMuted }),
          fixedWidth: r.width,
        });
        part.add(answers);
        y += answers.height + SPACE.s;
        // What each promise in the package means (the cards only have room for the titles), in
        // the space left above the answer buttons — or to the bottom while others answer.
        const end = r.y + r.height - (respond ? 52 + SPACE.s : 0);
        y = this.packageSummaries(
          part,
          game,
          p.assurances,
          r,
          y,
          end - amendRoom - waitRoom,
          textH,
        );
        // The cards open the package in full (their titles are cut at large text sizes, and
        // what each promises is under them only when there is room). Removed with the package:
        // on a pass-and-play hand-off it would otherwise still read out the previous player's
        // private values.
        const cardsW = p.assurances.length * (cw + SPACE.s) - SPACE.s;
        const control = new OpenArea(this.ui, {
          id: DETAILS_OPENER.package,
          label: `Package ${p.number} on the table. Read it in full`,
          description: pendingText(game),
          x: r.x,
          y: cardsY,
          width: Math.max(cw, cardsW),
          height: ch,
          group: INFO,
          onOpen: () => this.openDetails('package'),
        });
        part.add(control);
        this.onTable = { answers, control, bottom: y };
      },
      r,
    );
    const kept = this.onTable;
    if (!kept) return r.y;
    // Each card is a part of its own, kept while it stays where it is: an amendment swaps one
    // card of three, and the other two are not made again.
    for (const { id, area } of this.packageCards) {
      const worth = worthToViewer(game, id);
      this.part(
        layer,
        `table.package-card.${id}`,
        [game.scenario, area.x, area.y, area.width, area.height, worth],
        (part) => {
          const card = this.makeCard(game, id, area.x, area.y, { w: area.width, h: area.height });
          if (card) part.add(card);
        },
        area,
      );
    }
    kept.control.describe(pendingText(game));
    const said = Object.entries(p.responses).map(
      ([role, resp]) =>
        `${roleLabel(game.scenario, role)} ${resp === 'support' ? '✔ supports' : '✘ opposes'}`,
    );
    const waiting = p.awaiting.map((ro) => roleLabel(game.scenario, ro));
    const line = [
      said.length > 0 ? said.join(' · ') : 'No answers yet',
      waiting.length > 0 ? `to answer: ${waiting.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' — ');
    // In full if it fits on the line, else counted.
    const { answers } = kept;
    if (answers.getWrappedText(line).length > 1) {
      const yes = Object.values(p.responses).filter((x) => x === 'support').length;
      const no = Object.values(p.responses).length - yes;
      setTextFit(
        answers,
        `${yes} support · ${no} oppose${waiting.length > 0 ? ` — to answer: ${waiting.join(', ')}` : ''}`,
        1,
      );
    } else if (answers.text !== line) {
      answers.setText(line);
    }
    return kept.bottom;
  }

  private cardSize(r: Rect): { cols: number; w: number; h: number } {
    const f = this.theme.font.factor;
    // At most three columns' worth of width per card (190 px): at large text sizes that keeps
    // three cards a row (fewer pages); titles wrap, and a card cuts a long one with "…".
    const cols = Math.max(1, Math.floor((r.width + SPACE.s) / (Math.min(180 * f, 190) + SPACE.s)));
    const w = Math.floor((r.width - (cols - 1) * SPACE.s) / cols);
    const h = Math.round(this.theme.font.size.small * 1.35 * 4 + 28);
    return { cols, w, h };
  }

  private makeCard(
    game: GameView,
    id: string,
    x: number,
    y: number,
    size: { w: number; h: number },
    control?: AssuranceCardOptions['control'],
  ): AssuranceCard | null {
    const a = game.scenario.assurances.find((x2) => x2.id === id);
    if (!a) return null;
    const role = game.scenario.roles.find((ro) => ro.id === a.deliverer);
    return new AssuranceCard(this.ui, {
      x,
      y,
      width: size.w,
      height: size.h,
      assurance: a,
      details: assuranceDetails(game.scenario, a),
      delivererName: role?.shortName.text ?? a.deliverer,
      delivererColour: role?.colour ?? '#888888',
      worth: worthToViewer(game, id),
      redLine: viewersRedLine(game, id),
      control,
    });
  }

  private drawNegotiation(layer: Phaser.GameObjects.Container, game: GameView, r: Rect): void {
    let y = r.y;
    const p = game.view.pending;
    const choices = game.choices;
    if (p) y = this.drawPackage(layer, game, r, p);
    if (!choices) {
      const who = game.acting.role ? roleLabel(game.scenario, game.acting.role) : 'the next player';
      const words = `Waiting for ${who}${game.acting.seat && game.acting.seat !== 'human' ? ' (bot)' : ''}…`;
      // Kept, with new words each move (a bot game shows little else that changes).
      this.part(
        layer,
        'table.waiting',
        [r.x, y, r.width],
        (part) => {
          this.waiting = this.add.text(r.x, y, words, {
            ...this.theme.text('small', { wrap: r.width, color: COLOURS.textMuted }),
            fixedWidth: r.width,
          });
          part.add(this.waiting);
        },
        r,
      );
      this.waiting?.setText(words);
      return;
    }
    if (choices.kind === 'respond') {
      // Support / Oppose sit at the bottom of the tray, where Propose / Pass and Continue are;
      // the amendments fill the space between the package and them.
      const half = (r.width - SPACE.s) / 2;
      const bottomRow = r.y + r.height - 52;
      const support = new Button(this.ui, {
        id: 'table.support',
        autofocus: true,
        group: ACTIONS,
        x: r.x,
        y: bottomRow,
        width: half,
        height: 48,
        label: 'Support',
        icon: 'icon:support',
        variant: 'primary',
        onClick: () =>
          this.app.session.send({ type: 'RESPOND', role: choices.role, response: 'support' }),
      });
      layer.add(support);
      layer.add(
        new Button(this.ui, {
          id: 'table.oppose',
          group: ACTIONS,
          x: r.x + half + SPACE.s,
          y: bottomRow,
          width: half,
          height: 48,
          label: 'Oppose',
          icon: 'icon:oppose',
          onClick: () =>
            this.app.session.send({ type: 'RESPOND', role: choices.role, response: 'oppose' }),
        }),
      );
      if (choices.amendments.length > 0) {
        const incoming = (id: string) => {
          const card = game.scenario.assurances.find((x) => x.id === id);
          return card
            ? `“${card.title.text}” promises: ${assuranceDetails(game.scenario, card)}`
            : undefined;
        };
        // Best for the one answering first, each with what it is worth to them.
        const items = rankedAmendments(game, choices.amendments).map(({ amendment: a, worth }) => ({
          id: `table.amend.${a.remove}.${a.add}`,
          // The swap's worth (what the card in is worth minus the card out, not the card's
          // own worth) and what comes in first: a label cut short at large text keeps them.
          label: `Swap${worth ? ` for ${worth}` : ''}: “${assuranceTitle(game, a.add)}” in, “${assuranceTitle(game, a.remove)}” out`,
          ariaLabel: `Amend: swap “${assuranceTitle(game, a.remove)}” for “${assuranceTitle(game, a.add)}”${worth ? `, a change of ${worth}` : ''}`,
          // What the card coming in promises: it is on no card on the screen.
          description: incoming(a.add),
          onClick: () => this.app.session.send({ type: 'AMEND', role: choices.role, ...a }),
        }));
        // As many rows as the room holds with two lines each (a swap's label mostly needs
        // two), one at least; each label wraps to the lines its share of the room holds (one at
        // least) and is cut with "…" past them: at large text it would run over Support.
        const room = bottomRow - SPACE.s - y;
        const lineH = this.theme.font.size.small * 1.35;
        const perPage = Math.max(1, Math.floor(room / this.amendRowHeight()));
        const pages = Math.max(1, Math.ceil(items.length / perPage));
        const shown = Math.min(perPage, items.length);
        const maxLines = Math.max(1, Math.floor((room / shown - SPACE.xs - SPACE.m) / lineH));
        // With several pages the pager sits beside the first row, not below the rows: a row
        // taller than estimated (a long swap label wraps) can then never run under it.
        const rowW = pages > 1 ? r.width - this.pagerWidth() - SPACE.s : r.width;
        const firstRow = y;
        this.page = Math.min(this.page, pages - 1);
        for (const item of items.slice(this.page * perPage, (this.page + 1) * perPage)) {
          const b = new Button(this.ui, {
            ...item,
            group: ACTIONS,
            x: r.x,
            y,
            width: rowW,
            fontRole: 'small',
            maxLines,
            icon: 'icon:amend',
          });
          layer.add(b);
          y += b.heightPx + SPACE.xs;
        }
        // Added after the rows, so Tab reaches the swaps before the page buttons.
        if (pages > 1) this.pager(layer, r.x + r.width, firstRow, pages);
      }
      return;
    }

    // Propose: cards to tick, then Propose or Pass. The cards have room for their titles; the
    // link beside the heading opens the hand in full (what each promises, its background and
    // sources), at the card last pointed at.
    const me = roleLabel(game.scenario, choices.role);
    const linkW = this.cardsLink(layer, game, r, y);
    y = this.heading(
      layer,
      { x: r.x, width: r.width - linkW },
      y,
      // Large text: one line beside "Cards in full" (the table already says whose turn it
      // is), so a full row of cards keeps its height.
      this.theme.font.factor > 1.2
        ? 'Tick up to 3, then Propose or Pass'
        : `${me}: tick up to three assurances, then Propose — or Pass`,
    );
    const { cols, w, h: fullH } = this.cardSize(r);
    const bottomRow = r.y + r.height - 52;
    const lineH = this.theme.font.size.small * 1.35;
    // The note under the cards has one line at least, and whatever the rows of cards leave.
    const noteH = lineH + SPACE.s;
    // One row at least: at the largest sizes the cards give way (to three lines) to the note.
    const minH = Math.round(lineH * 3 + 24);
    const h = Math.max(minH, Math.min(fullH, bottomRow - noteH - y));
    const rows = Math.max(1, Math.floor((bottomRow - noteH - y + SPACE.s) / (h + SPACE.s)));
    const perPage = cols * rows;
    const ids = choices.proposable;
    const pages = Math.max(1, Math.ceil(ids.length / perPage));
    this.page = Math.min(this.page, pages - 1);
    ids.slice(this.page * perPage, (this.page + 1) * perPage).forEach((id, i) => {
      const x = r.x + (i % cols) * (w + SPACE.s);
      const cy = y + Math.floor(i / cols) * (h + SPACE.s);
      const a = game.scenario.assurances.find((x2) => x2.id === id);
      const deliverer = a ? roleLabel(game.scenario, a.deliverer) : '';
      const worth = worthToViewer(game, id);
      const card = this.makeCard(
        game,
        id,
        x,
        cy,
        { w, h },
        {
          id: `table.pick.${id}`,
          label: `${assuranceTitle(game, id)} — ${deliverer} delivers${worth ? `; ${worth}` : ''}${viewersRedLine(game, id) ? '; your red line' : ''}`,
          group: ACTIONS,
          selected: this.picked.includes(id),
          onToggle: () => this.togglePick(id, game),
          onShow: (shown) => this.showInNote(game, shown ? id : null),
        },
      );
      if (card) {
        layer.add(card);
        this.cards.set(id, card);
      }
    });
    // The note: what the card pointed at (or focused, or tapped) promises — the cards have
    // room only for titles, and their icons need words — else the hint.
    const noteY = y + rows * (h + SPACE.s);
    const text = this.add.text(r.x, noteY, '', {
      ...this.theme.text('small', { wrap: r.width, color: COLOURS.textMuted }),
      fixedWidth: r.width,
    });
    this.note = {
      text,
      lines: Math.max(1, Math.floor((bottomRow - SPACE.xs - noteY) / lineH)),
      hint: '',
    };
    layer.add(text);
    const pagerW = pages > 1 ? this.pagerWidth() + SPACE.s : 0;
    const bw = (r.width - pagerW - SPACE.s) / 2;
    this.proposeButton = new Button(this.ui, {
      id: 'table.propose',
      group: ACTIONS,
      x: r.x,
      y: bottomRow,
      width: bw,
      height: 48,
      label: this.theme.font.factor > 1.3 ? 'Propose' : this.proposeLabel(),
      icon: 'icon:propose',
      variant: 'primary',
      // "Propose 2" on one line in a 48 px button, also at projector size.
      fontRole: this.theme.font.factor > 1.3 ? 'small' : undefined,
      onClick: () =>
        this.app.session.send({
          type: 'PROPOSE',
          role: choices.role,
          assurances: [...this.picked],
        }),
    });
    layer.add(this.proposeButton);
    this.updateProposeButton();
    layer.add(
      new Button(this.ui, {
        id: 'table.pass',
        group: ACTIONS,
        x: r.x + bw + SPACE.s,
        y: bottomRow,
        width: bw,
        height: 48,
        label: 'Pass',
        icon: 'icon:pass',
        fontRole: this.theme.font.factor > 1.3 ? 'small' : undefined,
        onClick: () => this.app.session.send({ type: 'PASS', role: choices.role }),
      }),
    );
    if (pages > 1) this.pager(layer, r.x + r.width, bottomRow, pages);
  }

  /** The card the hand in full starts at (the one last pointed at or focused). */
  private cardsAsked: string | null = null;
  /** The card last pointed at or focused this turn (the note has gone back to its hint). */
  private lastShown: string | null = null;

  /**
   * "Cards in full", right-aligned on the heading's line at `y`: opens the hand in full.
   * Returns the width it takes from the heading (with the gap before it).
   */
  private cardsLink(
    layer: Phaser.GameObjects.Container,
    game: GameView,
    r: Rect,
    y: number,
  ): number {
    const words = this.add
      .text(r.x + r.width, y + 2, 'Cards in full', {
        ...this.theme.text('small', { bold: true, color: TEXT.link.css }),
      })
      .setOrigin(1, 0);
    layer.add(words);
    const width = Math.ceil(words.width);
    // Underlined, as a link is: its colour is not the only sign that it opens something.
    const underline = this.add.graphics();
    underline.lineStyle(1, TEXT.link.hex, 1);
    underline.lineBetween(words.x - width, words.y + words.height, words.x, words.y + words.height);
    layer.add(underline);
    const hand = game.choices?.kind === 'propose' ? game.choices.proposable.length : 0;
    layer.add(
      new OpenArea(this.ui, {
        id: DETAILS_OPENER.cards,
        label: `Your ${hand} cards in full: what each promises, its background and sources`,
        x: words.x - width - SPACE.xs,
        y,
        width: width + 2 * SPACE.xs,
        height: Math.max(24, Math.ceil(words.height) + 4),
        group: ACTIONS,
        onOpen: () => {
          const page = [...this.cards.keys()];
          const last = this.lastShown;
          this.cardsAsked = last && page.includes(last) ? last : (page[0] ?? null);
          this.openDetails('cards');
        },
      }),
    );
    return width + SPACE.m;
  }

  /**
   * "Title: one-line summary" per assurance, each cut to the lines left before `limit` (and to
   * two lines); stops when there is no room for a line. Returns the y after the last one.
   */
  private packageSummaries(
    layer: Phaser.GameObjects.Container,
    game: GameView,
    ids: readonly string[],
    r: Rect,
    y: number,
    limit: number,
    lineH: number,
  ): number {
    // The lines there is room for, shared out (two each at most, the first cards first), so
    // the last card is not the one left without.
    const total = Math.floor((limit - y - ids.length * SPACE.xs) / lineH);
    for (const [i, id] of ids.entries()) {
      const a = game.scenario.assurances.find((x) => x.id === id);
      const share = Math.floor(total / ids.length) + (i < total % ids.length ? 1 : 0);
      const lines = Math.min(2, Math.max(1, share), Math.floor((limit - y) / lineH));
      if (!a || lines < 1) break;
      const style = { ...this.theme.text('small', { wrap: r.width }), fixedWidth: r.width };
      const t = fittedText(this, r.x, y, `${a.title.text}: ${a.summary.text}`, style, lines);
      layer.add(t);
      y += t.height + SPACE.xs;
    }
    return y;
  }

  /**
   * The height of a row of swaps with two lines of label (most need two), with the gap under
   * it: the room the package leaves them (less at large text, where a label gets one line).
   */
  private amendRowHeight(): number {
    return Math.max(48, Math.ceil(2 * this.theme.font.size.small * 1.35) + SPACE.m) + SPACE.xs;
  }

  private pagerWidth(): number {
    return 2 * 52 + SPACE.xs * 2 + Math.round(this.theme.font.size.small * 2.6);
  }

  /** Previous / "2/3" / Next, right-aligned to `right`. */
  private pager(
    layer: Phaser.GameObjects.Container,
    right: number,
    y: number,
    pages: number,
  ): void {
    const move = (delta: number) => {
      this.page = (this.page + delta + pages) % pages;
      this.rerender();
    };
    const x = right - this.pagerWidth();
    layer.add(
      new Button(this.ui, {
        id: 'table.page-prev',
        group: ACTIONS,
        x,
        y,
        width: 52,
        height: 48,
        label: '',
        ariaLabel: `Previous page (page ${this.page + 1} of ${pages})`,
        icon: 'icon:back',
        onClick: () => move(-1),
      }),
    );
    layer.add(
      this.add
        .text(
          x + 52 + (this.pagerWidth() - 104) / 2,
          y + 24,
          `${this.page + 1}/${pages}`,
          this.theme.text('small', { bold: true }),
        )
        .setOrigin(0.5),
    );
    layer.add(
      new Button(this.ui, {
        id: 'table.page-next',
        group: ACTIONS,
        x: right - 52,
        y,
        width: 52,
        height: 48,
        label: '',
        ariaLabel: `Next page (page ${this.page + 1} of ${pages})`,
        icon: 'icon:next',
        onClick: () => move(1),
      }),
    );
  }

  private proposeLabel(): string {
    return this.picked.length === 0 ? 'Propose' : `Propose ${this.picked.length}`;
  }

  private updateProposeButton(): void {
    const button = this.proposeButton;
    if (!button) return;
    const problem =
      this.picked.length === 0
        ? 'Tick one to three assurances first.'
        : this.app.session.packageProblem(this.picked);
    // At projector size the count stays in the hint ("Ticked 2 of 3"): "Propose 2" would wrap.
    button.setLabel(this.theme.font.factor > 1.3 ? 'Propose' : this.proposeLabel());
    button.setDisabled(problem !== null, problem ?? undefined);
    const picked = this.picked.length > 0 ? `Ticked ${this.picked.length} of 3. ` : '';
    this.setHint(`${picked}${problem ?? ''}`);
  }

  /** The note's hint; shown unless the note shows a card's promise. */
  private setHint(words: string): void {
    if (!this.note) return;
    this.note.hint = words;
    if (this.noteCard === null) setTextFit(this.note.text, words, this.note.lines);
  }

  /** The note shows what assurance `id` promises, or the hint again (null). */
  private showInNote(game: GameView, id: string | null): void {
    const note = this.note;
    if (!note?.text.active) return;
    const a = id === null ? undefined : game.scenario.assurances.find((x) => x.id === id);
    this.noteCard = a ? a.id : null;
    if (a) this.lastShown = a.id;
    if (!a) {
      setTextFit(note.text, note.hint, note.lines);
      return;
    }
    // At projector size the count is not on Propose: it stays in view here. The card's title
    // is on the card pointed at (or with the focus ring), unless it was cut there: the line
    // keeps its room for the rest.
    const count =
      this.theme.font.factor > 1.3 && this.picked.length > 0
        ? `Ticked ${this.picked.length} of 3 · `
        : '';
    const title = this.cards.get(a.id)?.titleCut ? `${a.title.text}: ` : '';
    setTextFit(note.text, `${count}${title}${assuranceDetails(game.scenario, a)}`, note.lines);
  }

  private togglePick(id: string, game: GameView): void {
    const i = this.picked.indexOf(id);
    if (i < 0 && this.picked.length >= 3) {
      // Nothing changes: say why, on the screen (the note under the cards) and to a screen
      // reader.
      const full = 'A package holds at most three: untick one first.';
      this.noteCard = null;
      this.setHint(`Ticked 3 of 3. ${full}`);
      this.state.announce(full, 'assertive');
      return;
    }
    if (i >= 0) this.picked.splice(i, 1);
    else this.picked.push(id);
    const choices = game.choices;
    if (choices?.kind === 'propose') this.app.session.rememberTicks(choices.role, this.picked);
    for (const [cid, card] of this.cards) card.setSelected(this.picked.includes(cid));
    this.updateProposeButton();
    // The count in the note (projector size) moves on too.
    if (this.noteCard !== null) this.showInNote(game, this.noteCard);
    const title = assuranceTitle(game, id);
    this.state.announce(
      `${title} ${this.picked.includes(id) ? 'ticked' : 'unticked'}. ${this.proposeLabel()}.`,
    );
  }
}
