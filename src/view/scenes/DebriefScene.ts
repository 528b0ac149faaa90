/**
 * Debrief (GAME.md §8): a header with the decision and the balance, then tabs —
 *
 * - Results: final meters against their healthy bands, the balance and its rule in plain words,
 *   each role's private score against its reservation value (revealed now) with a tick or a
 *   cross and a word, red-line flags;
 * - Timeline: every event, package, decision and audit with its exact meter changes;
 * - What really happened: the scenario's history with dates and sources (plain text);
 * - Your deal vs reality: the agreed assurances (kept, breached, not binding) and the real end;
 * - Discussion: questions, key terms, learning objectives —
 *
 * and the exports: the replay (JSON), a row for the teacher's spreadsheet (CSV), and a printable
 * summary. Every section is also one readable a11y text region; the tabs are a tablist.
 */
import type Phaser from 'phaser';
import {
  csvHeader,
  csvRow,
  type ExportInput,
  exportFileName,
  replayJson,
} from '../../app/exports.ts';
import { scoreNumber, signedNumber } from '../../print/rule-words.ts';
import { BALANCE_RULE_TEXT } from '../../rules/scoring.ts';
import type { GameAction } from '../../rules/types.ts';
import { METER_IDS } from '../../scenario/schema.ts';
import type { GameView } from '../../store/types.ts';
import {
  buildSections,
  DEBRIEF_TABS,
  type DebriefTab,
  headline,
  type Section,
  sectionBlocks,
  sectionText,
} from '../debrief/content.ts';
import { downloadText, printSummary } from '../debrief/dom-export.ts';
import { findRole, meterBar, portrait, roleColourCss, statusTag } from '../debrief/draw.ts';
import { BANDS, SURFACE } from '../theme/palette.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { Panel } from '../ui/Panel.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import type { AppServices, SceneData } from './AppScene.ts';
import { GameScene } from './GameScene.ts';

export class DebriefScene extends GameScene {
  protected override showTopBar = false;
  private tab: DebriefTab = 'results';
  private announced = false;

  constructor(app: AppServices) {
    super('Debrief', app);
  }

  init(data?: SceneData): void {
    if (!data?.restarted) this.tab = 'results';
    this.announced = false;
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.area;
    const x = SPACE.xl;
    const contentW = width - 2 * x;
    const sections = buildSections(game);
    const head = headline(game);
    if (!this.announced) {
      this.announced = true;
      this.state.announce(`Debrief. ${head}.`);
    }

    const title = this.add.text(
      x,
      SPACE.m,
      `Debrief · ${game.scenario.title.text}${game.tableName ? ` · ${game.tableName}` : ''}`,
      this.theme.text('h2', { wrap: contentW }),
    );
    layer.add(title);
    const sub = this.add.text(
      x,
      title.y + title.height + SPACE.xs,
      head,
      this.theme.text('body', { wrap: contentW, color: COLOURS.textMuted }),
    );
    layer.add(sub);

    // Tab order: the tabs (a tablist: one Tab stop, arrows move), the section, the actions.
    const groups = [
      { id: 'debrief.tabs', label: 'Debrief sections', role: 'tablist' as const },
      { id: 'debrief.content', label: 'Section', role: 'group' as const },
      { id: 'debrief.actions', label: 'Exports and next steps', role: 'group' as const },
    ].map((g) => this.app.a11y.registerGroup({ ...g, owner: this.scene.key }));
    const anchor = this.add.zone(0, 0, 1, 1);
    anchor.once('destroy', () => {
      for (const g of groups) g.remove();
    });
    layer.add(anchor);
    const tabY = sub.y + sub.height + SPACE.m;
    const tabW = (contentW - (DEBRIEF_TABS.length - 1) * SPACE.s) / DEBRIEF_TABS.length;
    const tabButtons = evenRow((height) =>
      DEBRIEF_TABS.map(
        (t, i) =>
          new Button(this.ui, {
            id: `debrief.tab.${t.id}`,
            x: x + i * (tabW + SPACE.s),
            y: tabY,
            width: tabW,
            height,
            label: t.label,
            role: 'tab',
            group: 'debrief.tabs',
            selected: t.id === this.tab,
            // The focus starts on the sections, not on "New game": two Enters there would
            // start a new game over this one before its results were saved (a teacher's review).
            autofocus: t.id === this.tab,
            fontRole: this.theme.font.factor > 1.3 ? 'small' : 'body',
            onClick: () => this.showTab(t.id),
          }),
      ),
    );
    const tabsBottom = tabY + Math.max(0, ...tabButtons.map((b) => b.heightPx));
    layer.add(tabButtons);

    // The bottom bar: exports, then leaving.
    const actions = this.exportInput(game);
    const barLabels: {
      id: string;
      label: string;
      icon: string;
      primary?: boolean;
      disabled?: boolean;
      description: string;
      run: () => void;
    }[] = [
      {
        id: 'debrief.export.json',
        label: 'Save replay',
        icon: 'icon:export',
        disabled: actions === null,
        description:
          'Downloads the whole game as a record: the scenario, the seed and every move, in order.',
        run: () => this.exportJson(game),
      },
      {
        id: 'debrief.export.csv',
        label: 'Save row (CSV)',
        icon: 'icon:export',
        disabled: actions === null,
        description: 'Downloads one spreadsheet row for this table (with the column names).',
        run: () => this.exportCsv(game),
      },
      {
        id: 'debrief.print',
        label: 'Print summary',
        icon: 'icon:print',
        description: 'Opens the print dialog with a summary of every section (or save as PDF).',
        run: () => this.print(game, sections),
      },
      {
        id: 'debrief.title',
        label: 'Back to title',
        icon: 'icon:back',
        description: '',
        run: () => this.app.session.leave(),
      },
      {
        id: 'debrief.again',
        label: 'New game',
        icon: 'icon:restart',
        primary: true,
        description: 'Set up another game.',
        run: () => {
          this.app.session.leave();
          this.state.setScreen('setup');
        },
      },
    ];
    const barW = (contentW - (barLabels.length - 1) * SPACE.s) / barLabels.length;
    const bar = evenRow((height) =>
      barLabels.map(
        (b, i) =>
          new Button(this.ui, {
            id: b.id,
            x: x + i * (barW + SPACE.s),
            y: 0,
            width: barW,
            height,
            label: b.label,
            icon: b.icon,
            variant: b.primary ? 'primary' : 'secondary',
            disabled: b.disabled,
            disabledReason: b.disabled ? 'The moves of this game are not available.' : undefined,
            description: b.description || undefined,
            // Five buttons in a row: at large text sizes the small size keeps them to two lines
            // (and the section above its room).
            fontRole: this.theme.font.factor > 1.3 ? 'small' : 'body',
            group: 'debrief.actions',
            onClick: b.run,
          }),
      ),
    );
    const barH = Math.max(...bar.map((b) => b.heightPx));
    const barY = height - SPACE.m - barH;
    for (const b of bar) b.place(b.left, barY);
    layer.add(bar);

    const top = tabsBottom + SPACE.m;
    const bottom = barY - SPACE.m;
    const section = sections.find((s) => s.id === this.tab) ?? sections[0];
    if (!section) return;
    // Results as a picture when it fits (large text or a long red-line list may not): else as
    // text that scrolls, like the other sections.
    // At large text sizes (a projector) the picture leaves out its small print first: each
    // band and start, the balance rule, where each score came from (the twin keeps them all).
    let picture: Phaser.GameObjects.Container | null = null;
    for (const compact of section.id === 'results' ? [false, true] : []) {
      const tried = this.add.container(0, 0);
      const area = { x, y: top, width: contentW, height: bottom - top };
      if (this.drawResults(tried, game, section, area, compact)) {
        picture = tried;
        break;
      }
      tried.destroy();
    }
    if (picture) {
      layer.add(picture);
    } else {
      layer.add(
        new ScrollText(this.ui, {
          id: 'debrief.section',
          label: section.title,
          x,
          y: top,
          width: contentW,
          height: bottom - top,
          text: sectionText(section),
          blocks: sectionBlocks(section),
          fontRole: 'body',
          group: 'debrief.content',
        }),
      );
    }
  }

  private showTab(tab: DebriefTab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    const label = DEBRIEF_TABS.find((t) => t.id === tab)?.label ?? tab;
    this.state.announce(`${label} section.`);
    this.rerender();
  }

  /**
   * Results as a picture: meter bars, balance, one row per role; the words in the a11y twin.
   * `compact` leaves the small print out. Returns whether it all fits in the panel, its tags
   * clear of the words beside them.
   */
  private drawResults(
    layer: Phaser.GameObjects.Container,
    game: GameView,
    section: Section,
    area: { x: number; y: number; width: number; height: number },
    compact: boolean,
  ): boolean {
    const { x, y, width: w, height: h } = area;
    const { scenario, view } = game;
    const panel = new Panel(this.ui, { x, y, width: w, height: h });
    layer.add(panel);
    const control = this.app.a11y.registerControl({
      id: 'debrief.section',
      label: section.title,
      role: 'text',
      rect: { x, y, width: w, height: h },
      text: sectionText(section),
      blocks: sectionBlocks(section),
      group: 'debrief.content',
      owner: this.scene.key,
    });
    panel.once('destroy', () => control.remove());
    const surface = SURFACE.panel;
    const pad = SPACE.l;
    const colW = Math.round(w * 0.46);
    let cy = y + pad;
    const lx = x + pad;
    layer.add(this.add.text(lx, cy, 'Final meters', this.theme.text('h3')));
    cy += this.theme.font.size.h3 + SPACE.m;
    const iconSize = this.theme.font.size.body + 8;
    for (const m of METER_IDS) {
      const meter = scenario.meters[m];
      const value = Math.round(view.meters[m] * 10) / 10;
      const icon = `icon:${m}`;
      if (this.textures.exists(icon)) {
        layer.add(
          this.add
            .image(lx + iconSize / 2, cy + iconSize / 2, icon)
            .setDisplaySize(iconSize, iconSize),
        );
      }
      layer.add(
        this.add.text(
          lx + iconSize + SPACE.s,
          cy + 2,
          `${meter.name.text} ${value}`,
          this.theme.text('body', { bold: true }),
        ),
      );
      const status =
        value < meter.band.low ? 'low' : value > meter.band.high ? 'high' : ('healthy' as const);
      const word = BANDS[status].label;
      const tagX = lx + colW - 150;
      if (status === 'healthy')
        statusTag(this, layer, this.theme, 'good', word, tagX, cy + 2, surface);
      else statusTag(this, layer, this.theme, 'warning', word, tagX, cy + 2, surface);
      cy += iconSize + SPACE.xs;
      meterBar(this, layer, m, value, meter.band, lx, cy + 6, colW, 18);
      if (compact) {
        cy += 30 + SPACE.s;
        continue;
      }
      layer.add(
        this.add.text(
          lx,
          cy + 30,
          `healthy ${meter.band.low}–${meter.band.high} · started ${meter.start}`,
          this.theme.text('small', { color: COLOURS.textMuted }),
        ),
      );
      cy += 30 + this.theme.font.size.small + SPACE.m;
    }
    const bal = this.add.text(lx, cy, `Balance ${view.balance} / 100`, this.theme.text('h3'));
    layer.add(bal);
    let leftEnd = bal.y + bal.height;
    if (!compact) {
      const rule = this.add.text(
        lx,
        leftEnd + SPACE.xs,
        BALANCE_RULE_TEXT,
        this.theme.text('small', { wrap: colW, color: COLOURS.textMuted }),
      );
      layer.add(rule);
      leftEnd = rule.y + rule.height;
    }

    // Right column: the roles.
    const rx = x + pad + colW + SPACE.xl;
    const rw = x + w - pad - rx;
    let ry = y + pad;
    layer.add(this.add.text(rx, ry, 'Each role against its reservation', this.theme.text('h3')));
    ry += this.theme.font.size.h3 + SPACE.m;
    const roles = view.revealed?.roles ?? [];
    const flags = view.revealed?.redLineFlags ?? [];
    const rowGap = SPACE.m;
    const face = 52;
    let clear = true;
    for (const r of roles) {
      const role = findRole(scenario, r.role);
      portrait(this, layer, role, rx + face / 2 + 4, ry + face / 2 + 4, face);
      const tx = rx + face + SPACE.l;
      const name = this.add.text(
        tx,
        ry,
        role?.shortName.text ?? r.role,
        this.theme.text('body', { bold: true, color: roleColourCss(role, surface) }),
      );
      layer.add(name);
      const s = r.score;
      const score = this.add.text(
        tx,
        ry + this.theme.font.size.body + 8,
        `Score ${scoreNumber(s.total)} · needs ${scoreNumber(s.reservation)}`,
        this.theme.text('body'),
      );
      layer.add(score);
      // Where the score came from, as the twin and the print summary say it.
      let rowEnd = ry + 2 * (this.theme.font.size.body + 8);
      if (!compact) {
        const parts = this.add.text(
          tx,
          rowEnd,
          `from assurances ${signedNumber(s.assurances)} · decision ${signedNumber(s.decision)} · meters ${signedNumber(s.meters)}`,
          this.theme.text('small', { color: COLOURS.textMuted }),
        );
        layer.add(parts);
        rowEnd = parts.y + parts.height;
      }
      const verdictW = statusTag(
        this,
        layer,
        this.theme,
        s.satisfied ? 'good' : 'bad',
        s.satisfied ? 'Satisfied' : 'Not satisfied',
        rx + rw,
        ry + 4,
        surface,
        'right',
      );
      // Tags right-aligned beside the name and the score: they must not run into them.
      if (rx + rw - verdictW < name.x + name.width + SPACE.m) clear = false;
      let rowH = face + 8;
      const mine = flags.filter((f) => f.role === r.role);
      if (mine.length > 0) {
        const n = mine.length;
        const flagW = statusTag(
          this,
          layer,
          this.theme,
          'redLine',
          `${n} red line${n > 1 ? 's' : ''} crossed`,
          rx + rw,
          ry + this.theme.font.size.body + 12,
          surface,
          'right',
        );
        if (rx + rw - flagW < score.x + score.width + SPACE.m) clear = false;
      }
      rowH = Math.max(rowH, rowEnd - ry);
      ry += rowH + rowGap;
    }
    // Which red lines, in words (compact: each row's tag says how many).
    let rightEnd = ry - rowGap;
    if (!compact) {
      const flagText = section.blocks
        .filter((b) => b.kind === 'item' && b.text.startsWith('⚑'))
        .map((b) => b.text);
      const flagged = this.add.text(
        rx,
        ry,
        flagText.length > 0 ? flagText.join('\n') : 'Nobody crossed a red line.',
        this.theme.text('small', { wrap: rw, color: COLOURS.textMuted }),
      );
      layer.add(flagged);
      rightEnd = flagged.y + flagged.height;
    }
    return clear && Math.max(leftEnd, rightEnd) <= y + h - SPACE.s;
  }

  /** Scenario, seed and the accepted moves, from the running game (null if not to hand). */
  private exportInput(game: GameView): ExportInput | null {
    const seed = game.view.revealed?.seed;
    const actions = this.app.session.actor?.getSnapshot().context.actions as
      | GameAction[]
      | undefined;
    if (seed === undefined || !actions) return null;
    const people = game.scenario.roles
      .map((r) => r.id)
      .filter((role) => game.seats[role] === 'human');
    return {
      scenario: game.scenario,
      seed,
      actions,
      exportedAt: new Date().toISOString(),
      table: { mode: game.mode, people, name: game.tableName },
    };
  }

  private exportJson(game: GameView): void {
    const input = this.exportInput(game);
    if (!input) return;
    try {
      const name = exportFileName(
        input.scenario.id,
        input.seed,
        input.exportedAt,
        'json',
        input.table?.name,
      );
      downloadText(name, 'application/json', replayJson(input));
      this.state.announce(`Replay saved as ${name}.`);
    } catch (error) {
      this.state.announce(`The replay could not be saved: ${String(error)}`, 'assertive');
    }
  }

  private exportCsv(game: GameView): void {
    const input = this.exportInput(game);
    if (!input) return;
    try {
      const name = exportFileName(
        input.scenario.id,
        input.seed,
        input.exportedAt,
        'csv',
        input.table?.name,
      );
      // The byte-order mark tells Excel the file is UTF-8 (names with accents, "−").
      downloadText(name, 'text/csv', `\uFEFF${csvHeader(input.scenario)}${csvRow(input)}`);
      this.state.announce(`Spreadsheet row saved as ${name}.`);
    } catch (error) {
      this.state.announce(`The row could not be saved: ${String(error)}`, 'assertive');
    }
  }

  private print(game: GameView, sections: Section[]): void {
    const seed = game.view.revealed?.seed;
    printSummary(
      `Oversight debrief: ${game.scenario.title.text}`,
      [
        headline(game),
        `${game.tableName ? `${game.tableName} · ` : ''}Seed ${seed ?? '—'} · printed ${new Date().toLocaleString()}`,
      ],
      sections,
    );
  }
}

/**
 * A row of buttons all as tall as its tallest: made at their own heights, and made again at the
 * tallest when some label wrapped to more lines than the others (large text).
 */
function evenRow(make: (height: number | undefined) => Button[]): Button[] {
  const first = make(undefined);
  const tallest = Math.max(0, ...first.map((b) => b.heightPx));
  if (first.every((b) => b.heightPx === tallest)) return first;
  for (const b of first) b.destroy();
  return make(tallest);
}
