/**
 * Set-up: two tabs — Players (mode; who sits in each seat: a person or a bot at a level) and
 * Options (the seed, shown and editable so a class can replay the same game; optional timers)
 * — then Start. Every choice is a store action; Start asks the session for a game and the
 * router follows to the briefing. Tabs keep each part on one screen even at the largest text.
 */
import type Phaser from 'phaser';
import { MAX_TABLE_NAME, MODE_NAMES, type Mode, parseSeed, type Seat } from '../../store/setup.ts';
import { COLOURS, hex, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { ChoiceGroup } from '../ui/ChoiceGroup.ts';
import { TextField } from '../ui/TextField.ts';
import { AppScene, type AppServices, type SceneData } from './AppScene.ts';

const LEFT = 48;
const WIDTH = 1280 - 2 * LEFT;
const LABEL_W = 260;

const MODE_OPTIONS: { value: Mode; label: string; description: string }[] = [
  {
    value: 'solo',
    label: MODE_NAMES.solo,
    description: 'You play one role; bots play the others.',
  },
  {
    value: 'pass-and-play',
    label: MODE_NAMES['pass-and-play'],
    description: 'People share this device and hand it over; each sees only their own brief.',
  },
  {
    value: 'projector',
    label: MODE_NAMES.projector,
    description: 'On the projector: everything shown is public; the class argues each move.',
  },
];

const SEAT_OPTIONS: { value: Seat; label: string; description: string }[] = [
  { value: 'human', label: 'Person', description: 'A person plays this role.' },
  { value: 'easy', label: 'Easy', description: 'An easy bot.' },
  { value: 'normal', label: 'Normal', description: 'A normal bot.' },
  { value: 'hard', label: 'Hard', description: 'A hard bot.' },
];

const TURN_TIMERS = [0, 60, 120, 180];
const ROUND_TIMERS = [0, 300, 600, 900];

type Tab = 'players' | 'options';

export class SetupScene extends AppScene {
  private tab: Tab = 'players';
  private contentTop = 0;

  constructor(app: AppServices) {
    super('Setup', app);
  }

  init(data?: SceneData): void {
    if (!data?.restarted) this.tab = 'players';
  }

  protected build(): void {
    const entry = this.state.catalogue.find((e) => e.key === this.state.setup.scenarioKey);
    if (!entry) {
      this.state.setScreen('title');
      return;
    }
    this.onEscape(() => this.state.setScreen('title'));
    const heading = this.add.text(LEFT, 20, `Set up: ${entry.scenario.title.text}`, {
      ...this.theme.text('h2', { wrap: WIDTH }),
    });
    this.section('setup.tabs', 'Set-up');
    // Columns on the options tab: Tab follows registration (seed, then timers).
    this.section('setup.panel', 'Choices', 'registration');
    this.section('setup.actions', 'Start');
    this.app.a11y.registerGroup({
      id: 'setup.tablist',
      label: 'Set-up',
      role: 'tablist',
      parent: 'setup.tabs',
      owner: this.scene.key,
    });
    const tabY = heading.y + heading.height + SPACE.m;
    const tabs: [Tab, string][] = [
      ['players', 'Players'],
      ['options', 'Seed and timers'],
    ];
    let bottom = tabY;
    const tabButtons: Button[] = [];
    tabs.forEach(([tab, label], i) => {
      const button = new Button(this.ui, {
        id: `setup.tab.${tab}`,
        group: 'setup.tablist',
        role: 'tab',
        x: LEFT + i * 320,
        y: tabY,
        width: 304,
        label,
        selected: this.tab === tab,
        onClick: () => {
          this.tab = tab;
          for (const b of tabButtons) b.setSelected(b.id === `setup.tab.${tab}`);
          this.drawPanel();
        },
      });
      tabButtons.push(button);
      bottom = Math.max(bottom, button.bottom);
    });
    this.contentTop = bottom + SPACE.l;
    const line = this.add.graphics();
    line
      .lineStyle(2, COLOURS.border, 1)
      .lineBetween(LEFT, bottom + SPACE.s, LEFT + WIDTH, bottom + SPACE.s);

    this.buildActions();
    // Another tab or window may save a game meanwhile: Start's warning says what it replaces.
    this.watch(
      (s) => {
        const saved = s.savedGameSummary;
        return saved ? `${saved.scenarioTitle}|${saved.round}|${saved.finished}` : '';
      },
      () => this.scene.restart({ restarted: true }),
    );
    this.watch(
      (s) => s.setup,
      (now, before) => {
        // Typing a seed or a table name changes only that: no need to rebuild (and lose the
        // caret).
        const typed = now.seed !== before.seed || now.tableName !== before.tableName;
        if (this.tab === 'options' && typed) return;
        this.drawPanel();
      },
    );
    this.drawPanel();
  }

  private drawPanel(): void {
    this.redraw((layer) =>
      this.tab === 'players' ? this.drawPlayers(layer) : this.drawOptions(layer),
    );
  }

  private drawPlayers(layer: Phaser.GameObjects.Container): void {
    const { setup, catalogue } = this.state;
    const scenario = catalogue.find((e) => e.key === setup.scenarioKey)?.scenario;
    if (!scenario) return;
    const mode = new ChoiceGroup<Mode>(this.ui, {
      id: 'setup.mode',
      label: 'Mode',
      parent: 'setup.panel',
      x: LEFT,
      y: this.contentTop,
      width: WIDTH,
      options: MODE_OPTIONS,
      value: setup.mode,
      onChange: (m) => this.state.setMode(m),
    });
    mode.addTo(layer);
    const help = MODE_OPTIONS.find((o) => o.value === setup.mode)?.description ?? '';
    const helpText = this.add.text(LEFT, mode.bottom + SPACE.s, help, {
      ...this.theme.text('small', { color: COLOURS.textMuted, wrap: WIDTH }),
    });
    layer.add(helpText);

    let y = helpText.y + helpText.height + SPACE.l;
    const seatsLabel = this.add.text(LEFT, y, 'Seats: a person, or a bot (easy, normal or hard)', {
      ...this.theme.text('label', { bold: true, wrap: WIDTH }),
    });
    layer.add(seatsLabel);
    y += seatsLabel.height + SPACE.s;
    for (const role of scenario.roles) {
      const name = role.shortName.text;
      const decider = role.id === scenario.decider ? ' (decides)' : '';
      const swatch = this.add.rectangle(LEFT, y + 14, 16, 16, hex(role.colour)).setOrigin(0);
      const label = this.add.text(LEFT + 24, y + 10, `${name}${decider}`, {
        ...this.theme.text('body', { wrap: LABEL_W - 24 }),
      });
      const seats = new ChoiceGroup<Seat>(this.ui, {
        id: `setup.seat.${role.id}`,
        label: `${name}${decider}: seat`,
        showLabel: false,
        parent: 'setup.panel',
        x: LEFT + LABEL_W,
        y,
        width: WIDTH - LABEL_W,
        options: SEAT_OPTIONS,
        value: setup.seats[role.id] ?? 'normal',
        onChange: (seat) => this.state.setSeat(role.id, seat),
        fontRole: 'small',
      });
      layer.add([swatch, label]);
      seats.addTo(layer);
      y = Math.max(seats.bottom, label.y + label.height) + SPACE.s;
    }
    const people = Object.values(setup.seats).filter((s) => s === 'human').length;
    const who =
      setup.mode === 'solo'
        ? people === 0
          ? 'Nobody plays: you watch the bots.'
          : 'You play the seat marked Person.'
        : `${people} ${people === 1 ? 'person' : 'people'} at this device.`;
    layer.add(this.add.text(LEFT, y, who, this.theme.text('small', { color: COLOURS.textMuted })));
  }

  /**
   * The table's name (optional): in the CSV row and the exported files' names, so a teacher can
   * tell the rows from eight devices apart. It ends above Back and Start (`actionsTop`): at large
   * text its one-line hint gives way first (the field's description says it all anyway).
   */
  private drawTableName(layer: Phaser.GameObjects.Container, top: number, colW: number): void {
    const about = `For example “Table 3”: it goes into the results’ CSV row and file names, so rows from several devices can be told apart (at most ${MAX_TABLE_NAME} characters).`;
    const fieldH = TextField.heightFor(this.theme);
    const limit = this.actionsTop - SPACE.m;
    const title = this.add.text(
      LEFT,
      top,
      'Table name (optional)',
      this.theme.text('label', { bold: true }),
    );
    let y = top + title.height + SPACE.xs;
    const hint = this.add.text(LEFT, y, 'Goes into the CSV row and the file names.', {
      ...this.theme.text('small', { color: COLOURS.textMuted, wrap: colW }),
    });
    if (y + hint.height + SPACE.s + fieldH <= limit) {
      y += hint.height + SPACE.s;
      layer.add(hint);
    } else hint.destroy();
    // Never over Back: a field that still does not fit moves up over its own heading's gap.
    y = Math.min(y, limit - fieldH);
    const field = new TextField(this.ui, {
      id: 'setup.table-name',
      label: 'Table name (optional)',
      description: about,
      group: 'setup.panel',
      maxLength: MAX_TABLE_NAME,
      x: LEFT,
      y,
      width: colW,
      value: this.state.setup.tableName,
      onInput: (text) => this.state.setTableName(text),
    });
    layer.add([title, field]);
  }

  /** Where Back and Start begin (the panels end above it). */
  private actionsTop = 0;

  private drawOptions(layer: Phaser.GameObjects.Container): void {
    const setup = this.state.setup;
    const colW = (WIDTH - SPACE.xl) / 2;
    let y = this.contentTop;
    const title = this.add.text(LEFT, y, 'Seed', this.theme.text('label', { bold: true }));
    y += title.height + SPACE.xs;
    const help = this.add.text(
      LEFT,
      y,
      'The same seed gives the same events and chances: share it so another table plays the same game.',
      {
        ...this.theme.text('small', { color: COLOURS.textMuted, wrap: colW }),
      },
    );
    y += help.height + SPACE.s;
    const error = this.add.text(
      LEFT,
      0,
      '',
      this.theme.text('small', { color: COLOURS.textError, wrap: colW }),
    );
    const field = new TextField(this.ui, {
      id: 'setup.seed',
      label: 'Seed',
      group: 'setup.panel',
      inputMode: 'numeric',
      x: LEFT,
      y,
      width: 260,
      value: String(setup.seed),
      onInput: (text) => {
        const seed = parseSeed(text);
        if (seed !== null) this.state.setSeed(seed);
        error.setText(seed === null ? 'A seed is a whole number from 0 to 4294967295.' : '');
        field.setDescription(seed === null ? 'Not a valid seed.' : undefined);
      },
    });
    const again = new Button(this.ui, {
      id: 'setup.new-seed',
      group: 'setup.panel',
      x: LEFT + 276,
      y,
      width: colW - 276,
      label: 'New seed',
      icon: 'icon:restart',
      onClick: () => {
        this.state.newSeed();
        field.setValue(String(this.state.setup.seed));
        error.setText('');
      },
    });
    error.setY(Math.max(y + field.heightPx, again.bottom) + SPACE.xs);
    layer.add([title, help, field, again, error]);
    // Room for the error's two lines at large text, empty or not (it appears as one types).
    const errorRoom = Math.round(this.theme.font.size.small * 1.35) * 2;
    this.drawTableName(layer, error.y + errorRoom + SPACE.m, colW);

    const x2 = LEFT + colW + SPACE.xl;
    const turn = new ChoiceGroup<number>(this.ui, {
      id: 'setup.turn-timer',
      label: 'Turn timer',
      parent: 'setup.panel',
      x: x2,
      y: this.contentTop,
      width: colW,
      options: TURN_TIMERS.map((t) => ({ value: t, label: t === 0 ? 'Off' : `${t / 60} min` })),
      value: setup.turnSeconds ?? 0,
      onChange: (t) => this.state.setTimers({ turnSeconds: t || null }),
      fontRole: 'small',
    });
    const round = new ChoiceGroup<number>(this.ui, {
      id: 'setup.round-timer',
      label: 'Round timer',
      parent: 'setup.panel',
      x: x2,
      y: turn.bottom + SPACE.l,
      width: colW,
      options: ROUND_TIMERS.map((t) => ({ value: t, label: t === 0 ? 'Off' : `${t / 60} min` })),
      value: setup.roundSeconds ?? 0,
      onChange: (t) => this.state.setTimers({ roundSeconds: t || null }),
      fontRole: 'small',
    });
    turn.addTo(layer);
    round.addTo(layer);
    layer.add(
      this.add.text(
        x2,
        round.bottom + SPACE.s,
        'Turn timer: a role out of time passes, or, asked to answer, counts as opposing. Round timer: the round ends, and a package still being answered is withdrawn.',
        {
          ...this.theme.text('small', { color: COLOURS.textMuted, wrap: colW }),
        },
      ),
    );
  }

  private buildActions(): void {
    const { width, height } = this.area;
    const back = new Button(this.ui, {
      id: 'setup.back',
      group: 'setup.actions',
      x: LEFT,
      y: 0,
      width: 220,
      label: 'Back',
      icon: 'icon:back',
      variant: 'quiet',
      onClick: () => this.state.setScreen('title'),
    });
    // Only one game is saved: say so before Start replaces it, a finished one too (its
    // debrief and exports go with it: a class's results not yet saved).
    const saved = this.state.savedGameSummary;
    const where = !saved
      ? ''
      : saved.finished
        ? 'finished: save its replay or CSV row first'
        : saved.round > 0
          ? `round ${saved.round} of ${saved.roundsTotal}`
          : 'at the briefing';
    const replaces = saved
      ? `Start replaces your saved game (${saved.scenarioTitle}, ${where}).`
      : undefined;
    const start = new Button(this.ui, {
      id: 'setup.start',
      description: replaces,
      autofocus: true,
      group: 'setup.actions',
      x: width - LEFT - 300,
      y: 0,
      width: 300,
      label: 'Start',
      icon: 'icon:play',
      variant: 'primary',
      onClick: () => {
        const result = this.app.session.start();
        if (!result.ok) this.state.announce(result.message, 'assertive');
      },
    });
    const y = height - SPACE.l - Math.max(back.heightPx, start.heightPx);
    this.actionsTop = y;
    back.place(LEFT, y);
    start.place(width - LEFT - 300, y);
    if (replaces) {
      // Beside Start, between the two buttons (above them, it met the seats at large text).
      const room = width - 2 * LEFT - 300 - 220 - 2 * SPACE.m;
      this.add
        .text(
          width - LEFT - 300 - SPACE.m,
          y + start.heightPx / 2,
          `⚠ Start replaces your saved game (${where}).`,
          this.theme.text('small', { color: COLOURS.textError, align: 'right', wrap: room }),
        )
        .setOrigin(1, 0.5);
    }
  }
}
