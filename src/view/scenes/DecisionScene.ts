/**
 * Public stances, then the decision. Left: every role (portrait, colour, name) with the decision
 * it has backed in public, filled in as each declares; the decision-maker is marked. Right: the
 * decisions open now, each with its summary and who backs it; the person to act gets a button
 * per open decision (ids `decision.stance.<id>` / `decision.decide.<id>`, with the worth to them
 * when they may see it). Below: the meters and the conditions on the table.
 */
import type Phaser from 'phaser';
import { ended, roleLabel } from '../../app/announce.ts';
import { stanceReasons } from '../../app/stance-reasons.ts';
import { decisionOpen } from '../../rules/decision.ts';
import type { GameState } from '../../rules/types.ts';
import { METER_IDS } from '../../scenario/schema.ts';
import type { GameView } from '../../store/types.ts';
import { findRole, portrait, roleColourCss } from '../debrief/draw.ts';
import { SURFACE } from '../theme/palette.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { OpenArea } from '../ui/OpenArea.ts';
import { Panel } from '../ui/Panel.ts';
import { setTextFit } from '../ui/text-fit.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';
import {
  agreedDetails,
  agreedText,
  assuranceTitle,
  blocksWithStarts,
  decisionSummary,
  decisionTitle,
  metersText,
  outcomeForViewer,
  viewersRedLine,
} from './game-text.ts';

const LEFT_X = 40;
const LEFT_W = 470;
const MID_X = LEFT_X + LEFT_W + SPACE.l;

export class DecisionScene extends GameScene {
  constructor(app: AppServices) {
    super('Decision', app);
  }

  /**
   * Opens in full over the decisions the conditions on the table, or every choice with its whole
   * explanation (cut to fit at large text).
   */
  private openOverlay(kind: 'conditions' | 'choices', opener: string): void {
    this.openFullView(kind, opener, 'decision.full');
  }

  /** The choice whose cut explanation opened the choices in full (they start at it). */
  private choiceAsked: string | null = null;

  /**
   * Every choice in full: its title, what it would give the viewer, what it means, who backs it;
   * and the paragraph (line of the text) each choice starts on.
   */
  private choicesText(
    game: GameView,
    open: readonly string[],
    order: readonly string[],
  ): { text: string; starts: Map<string, number> } {
    const { scenario, view } = game;
    return blocksWithStarts(
      open.map((id) => {
        const backers = order
          .filter((r) => view.stances[r] === id)
          .map((r) => roleLabel(scenario, r));
        const lines = [
          `• ${decisionTitle(game, id)}${viewersRedLine(game, id) ? ' · your red line' : ''}`,
          outcomeForViewer(game, id),
          decisionSummary(game, id),
          backers.length > 0 ? `Backed by ${backers.join(', ')}.` : '',
        ].filter(Boolean);
        return [id, lines.join('\n')];
      }),
    );
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.area;
    const { scenario, view } = game;
    const top = TOP_BAR_HEIGHT + SPACE.m;
    const midW = width - MID_X - LEFT_X;
    const t = this.theme;

    // Left: the stances.
    const panelH = height - top - SPACE.l;
    const panel = new Panel(this.ui, {
      x: LEFT_X,
      y: top,
      width: LEFT_W,
      height: panelH,
      title: 'Public stances',
    });
    layer.add(panel);
    const order = [
      ...scenario.rounds.turnOrder,
      ...scenario.roles.map((r) => r.id).filter((id) => !scenario.rounds.turnOrder.includes(id)),
    ];
    const face = Math.round(40 * Math.min(1.3, t.font.factor));
    const line = Math.round(t.font.size.body * 1.35);
    const small = Math.round(t.font.size.small * 1.35);
    // Many roles at a large text size: rows close up so the meters line still fits.
    const roomForRows = top + panelH - SPACE.m - 2 * small - SPACE.s - panel.contentY;
    const fit = Math.floor(roomForRows / order.length);
    // Too many for two lines a role (six roles at projector size): name and stance on one line.
    const oneLine = fit < 2 * line + 2;
    const rowH = oneLine
      ? Math.max(face + SPACE.s, line + SPACE.s)
      : Math.max(Math.min(Math.max(face + SPACE.m, 2 * line + SPACE.m), fit), 2 * line + 2);
    // Under a bot's stance, why it backs it (small, up to two lines), where the panel has room
    // for that and still three lines of conditions; else the reasons stay in the log.
    const reasons = stanceReasons(view.log);
    const spare = roomForRows - order.length * rowH - 3 * small;
    const reasonLines = oneLine
      ? 0
      : Math.min(2, Math.floor(spare / Math.max(1, reasons.size * small)));
    const reasonStyle = t.text('small', {
      color: COLOURS.textMuted,
      wrap: LEFT_W - (face + SPACE.m + 2 * SPACE.l),
    });
    let y = panel.contentY;
    /** Each role's stance in words, for the panel's screen-reader twin. */
    const said: string[] = [];
    for (const id of order) {
      const role = findRole(scenario, id);
      const px = LEFT_X + SPACE.l;
      portrait(this, layer, role, px + face / 2, y + face / 2 + 2, face);
      const tx = px + face + SPACE.m;
      const isDecider = id === scenario.decider;
      const nameText = this.add.text(
        tx,
        y,
        `${role?.shortName.text ?? id}${isDecider ? (oneLine ? ' (decides)' : ' · decision-maker') : ''}${oneLine ? ':' : ''}`,
        t.text('body', { bold: true, color: roleColourCss(role, SURFACE.panel) }),
      );
      layer.add(nameText);
      const stance = view.stances[id];
      const acting = game.acting.role === id;
      const stanceText = stance
        ? `backs “${decisionTitle(game, stance)}”`
        : acting && game.phase === 'stances'
          ? 'declaring now…'
          : game.phase === 'stances'
            ? 'not declared yet'
            : 'no stance';
      const sx = oneLine ? tx + nameText.width + SPACE.s : tx;
      const stanceT = this.add.text(
        sx,
        oneLine ? y : y + line,
        '',
        t.text('body', {
          color: stance ? COLOURS.text : COLOURS.textMuted,
          wrap: LEFT_W - (sx - LEFT_X) - SPACE.m,
        }),
      );
      // As many lines as the row has under the name; a stance that does not fit drops its
      // verb ("Palantir: “Approve with conditions”"), and is cut only if it still does not fit.
      const stanceLines = oneLine ? 1 : Math.max(1, Math.floor((rowH - line - 2) / line));
      if (setTextFit(stanceT, stanceText, stanceLines)) {
        setTextFit(
          stanceT,
          stance ? `“${decisionTitle(game, stance)}”` : acting ? 'now…' : 'not yet',
          stanceLines,
        );
      }
      layer.add(stanceT);
      const reason = stance ? reasons.get(id) : undefined;
      said.push(
        `${roleLabel(scenario, id)}${isDecider ? ' (decision-maker)' : ''}: ${stanceText.replace(/…$/, '')}.${reason ? ` ${reason}.` : ''}`,
      );
      y += rowH;
      if (reason && reasonLines > 0) {
        const why = this.add.text(tx, stanceT.y + stanceT.height, '', reasonStyle);
        setTextFit(why, `${reason}.`, reasonLines);
        layer.add(why);
        y = Math.max(y, why.y + why.height + SPACE.s);
      }
    }
    // What the panel shows, as text: the stances, then the meters as the table gives them.
    const twin = this.app.a11y.registerControl({
      id: 'decision.stances',
      label: 'Public stances',
      role: 'text',
      rect: { x: LEFT_X, y: top, width: LEFT_W, height: panelH },
      text: [...said, metersText(game)].join('\n'),
      owner: this.scene.key,
    });
    panel.once('destroy', () => twin.remove());
    // The meters and the conditions, small, under the stances.
    const meters = METER_IDS.map(
      (m) => `${scenario.meters[m].name.text} ${Math.round(view.meters[m])}`,
    ).join(' · ');
    const agreed =
      view.agreed.length > 0
        ? `Conditions on the table: ${view.agreed.map((a) => assuranceTitle(game, a.id)).join('; ')}.`
        : 'No conditions were agreed.';
    const style = t.text('small', { wrap: LEFT_W - 2 * SPACE.l, color: COLOURS.textMuted });
    const status = this.add.text(LEFT_X + SPACE.l, y + SPACE.s, '', style);
    const statusLines = Math.floor((top + panelH - SPACE.s - status.y) / small);
    // Whole numbers, as the meters beside it and the table's balance (the debrief has decimals).
    if (statusLines >= 1)
      setTextFit(
        status,
        `${meters} · Balance ${Math.round(view.balance)}`,
        Math.min(2, statusLines),
      );
    layer.add(status);
    // Cut to the panel; the list opens in full over the decisions.
    const conditions = this.add.text(status.x, status.y + status.height + SPACE.xs, '', style);
    const linesLeft = Math.floor((top + panelH - SPACE.s - conditions.y) / small);
    if (linesLeft >= 1) setTextFit(conditions, agreed, linesLeft);
    layer.add(conditions);
    if (view.agreed.length > 0 && linesLeft >= 1) {
      layer.add(
        new OpenArea(this.ui, {
          id: 'decision.agreed',
          label: `Conditions on the table: ${view.agreed.length}. Read them in full`,
          description: agreedText(game),
          x: conditions.x,
          y: conditions.y,
          width: LEFT_W - 2 * SPACE.l,
          height: conditions.height,
          onOpen: () =>
            this.fullViewKind === 'conditions'
              ? this.closeFullView()
              : this.openOverlay('conditions', 'decision.agreed'),
        }),
      );
    }
    // Right: the decisions, or what is open in full in their place.
    const choices = game.choices;
    const mine = choices && (choices.kind === 'stance' || choices.kind === 'decide');
    const state = view as unknown as GameState;
    const open = mine
      ? choices.decisions
      : scenario.decisions.filter((d) => decisionOpen(d, state)).map((d) => d.id);
    const full = this.fullViewFor(
      game,
      (kind) => kind === 'conditions' && view.agreed.length === 0,
    );
    if (full) {
      const conditions = full === 'conditions';
      const choicesInFull = conditions ? null : this.choicesText(game, open, order);
      const asked = conditions ? null : this.choiceAsked;
      this.drawFullText(
        layer,
        { x: MID_X, y: top, width: midW, height: height - top - SPACE.l },
        {
          id: 'decision.full',
          // Each choice's "in full" is a view of its own: it starts at that choice.
          view: asked ? `${full}:${asked}` : full,
          title: conditions
            ? `Conditions on the table (${view.agreed.length})`
            : 'The choices in full',
          text: choicesInFull?.text ?? agreedDetails(game),
          startAt: asked ? choicesInFull?.starts.get(asked) : undefined,
          back: 'Back to the decisions',
          onBack: () => this.closeFullView(),
        },
      );
      return;
    }
    let my = top;
    const decider = roleLabel(scenario, scenario.decider);
    const title =
      game.phase === 'stances'
        ? mine
          ? // Large text: one line, as the table's "Your answer, Mayor", leaves the decisions'
            // explanations more room; it still names who is asked (on a projector the class
            // must see whose stance it is, and the top bar is small print at the back).
            t.font.factor > 1.3
            ? `Your stance, ${roleLabel(scenario, choices.role)}`
            : `${roleLabel(scenario, choices.role)}: which decision do you back, in public?`
          : 'Public stances: each role backs one decision'
        : mine
          ? `${roleLabel(scenario, choices.role)}: decide.`
          : `The decision: ${decider} decides`;
    const heading = this.add.text(MID_X, my, title, t.text('h2', { wrap: midW }));
    layer.add(heading);
    my += heading.height + SPACE.xs;
    if (!mine) {
      const who = game.acting.role ? roleLabel(scenario, game.acting.role) : 'the others';
      const seat = game.acting.seat && game.acting.seat !== 'human' ? ' (bot)' : '';
      const wait = this.add.text(
        MID_X,
        my,
        `Waiting for ${who}${seat}…`,
        t.text('body', { color: COLOURS.textMuted }),
      );
      layer.add(wait);
      my += wait.height;
    } else {
      // The scores beside the choices are certain but for the audits, which are chance. In the
      // public view (the projector) there are none to explain.
      const note = this.add.text(
        MID_X,
        my,
        view.me
          ? 'Each score is your final score if that decision is taken, before the audits a year on.'
          : 'Each role’s score for each choice stays private until the debrief.',
        t.text('small', { wrap: midW, color: COLOURS.textMuted }),
      );
      layer.add(note);
      my += note.height;
    }
    my += SPACE.m;

    const buttonW = Math.round(midW * 0.38);
    const summaryX = MID_X + buttonW + SPACE.m;
    const summaryW = midW - buttonW - SPACE.m;
    const startY = my;
    // The rows in body text; if they run off the screen (large text, many decisions), again in
    // small text.
    // `summaryLines[i]`: the most lines row i's summary may have (none given: all of them).
    const drawRows = (
      role: 'body' | 'small',
      summaryLines: readonly number[] = [],
    ): {
      rows: Phaser.GameObjects.Container;
      bottom: number;
      cut: boolean[];
      /** Where each row's explanation is. */
      summaries: { x: number; y: number; width: number; height: number }[];
    } => {
      const rows = this.add.container(0, 0);
      const cut: boolean[] = [];
      const summaries: { x: number; y: number; width: number; height: number }[] = [];
      let my = startY;
      for (const [i, id] of open.entries()) {
        const backers = order
          .filter((r) => view.stances[r] === id)
          .map((r) => roleLabel(scenario, r));
        const chosen = view.decision === id;
        let rowBottom = my;
        // What the choice would give the person choosing: their final score, not the
        // decision's own worth (which leaves out the promises a binding decision makes count).
        const outcome = mine ? outcomeForViewer(game, id) : '';
        if (mine) {
          // The viewer's own red line is marked before it is crossed, not only in the debrief.
          const red = viewersRedLine(game, id);
          const button = new Button(this.ui, {
            id: `decision.${choices.kind}.${id}`,
            // The screen's main action: the focus comes to the first choice, not to Pause.
            autofocus: i === 0,
            x: MID_X,
            y: my,
            width: buttonW,
            label: `${decisionTitle(game, id)}${red ? ' · your red line' : ''}`,
            // Sentences, each ended (a screen reader reads them as one run otherwise).
            description: [
              outcome,
              red ? 'Your red line: you said you would never accept this' : '',
              decisionSummary(game, id),
              backers.length > 0 ? `Backed by ${backers.join(', ')}` : '',
            ]
              .filter(Boolean)
              .map(ended)
              .join(' '),
            icon: red ? 'icon:warning' : 'icon:decision',
            fontRole: role,
            onClick: () =>
              this.app.session.send({
                type: choices.kind === 'stance' ? 'STANCE' : 'DECIDE',
                role: choices.role,
                decision: id,
              }),
          });
          rows.add(button);
          rowBottom = Math.max(rowBottom, my + button.heightPx);
        } else {
          const name = this.add.text(
            MID_X,
            my + 4,
            `${chosen ? '✓ ' : ''}${decisionTitle(game, id)}`,
            t.text('h3', { wrap: buttonW }),
          );
          rows.add(name);
          rowBottom = Math.max(rowBottom, name.y + name.height);
        }
        let top = my;
        if (outcome) {
          const line = this.add.text(
            summaryX,
            my,
            outcome,
            t.text(role, { wrap: summaryW, bold: true }),
          );
          rows.add(line);
          top += line.height + 2;
        }
        const summary = this.add.text(summaryX, top, '', t.text(role, { wrap: summaryW }));
        // Cut only as a last resort: the full summary is the button's description too.
        cut.push(
          setTextFit(
            summary,
            decisionSummary(game, id),
            summaryLines[i] ?? Number.MAX_SAFE_INTEGER,
          ),
        );
        rows.add(summary);
        summaries.push({ x: summaryX, y: top, width: summaryW, height: summary.height });
        let sy = top + summary.height + 2;
        if (backers.length > 0) {
          const b = this.add.text(
            summaryX,
            sy,
            `Backed by ${backers.join(', ')}`,
            t.text('small', { wrap: summaryW, color: COLOURS.textMuted, bold: true }),
          );
          rows.add(b);
          sy += b.height;
        }
        rowBottom = Math.max(rowBottom, sy);
        const g = this.add.graphics();
        g.lineStyle(1, SURFACE.divider.hex, 1);
        g.lineBetween(MID_X, rowBottom + SPACE.s, MID_X + midW, rowBottom + SPACE.s);
        rows.add(g);
        my = rowBottom + SPACE.m;
      }
      return { rows, bottom: my, cut, summaries };
    };
    const limit = height - SPACE.s;
    let drawn = drawRows('body');
    if (drawn.bottom > limit) {
      drawn.rows.destroy(true);
      drawn = drawRows('small');
    }
    // Still too tall (projector mode at 150 %): summaries cut to the lines each row can hold —
    // first the same for all, then a line more for the rows in turn while the room lasts.
    let lines: number[] = [];
    for (let n = 4; drawn.bottom > limit && n >= 1; n--) {
      drawn.rows.destroy(true);
      lines = open.map(() => n);
      drawn = drawRows('small', lines);
    }
    if (lines.length > 0 && drawn.bottom <= limit) {
      // A line at a time, round the rows, so the room is shared.
      let discarded = false;
      for (let grew = true; grew; ) {
        grew = false;
        for (let i = 0; i < lines.length; i++) {
          if (!drawn.cut[i]) continue;
          const more = lines.map((n, j) => (j === i ? n + 1 : n));
          const tried = drawRows('small', more);
          if (tried.bottom > limit) {
            tried.rows.destroy(true);
            discarded = true;
            continue;
          }
          drawn.rows.destroy(true);
          drawn = tried;
          lines = more;
          grew = true;
        }
      }
      // A try registers its buttons' DOM twins under the same ids as the rows kept, and takes
      // them away when it is thrown out: the kept rows are drawn once more, so the buttons a
      // keyboard or a screen reader uses are theirs.
      if (discarded) {
        drawn.rows.destroy(true);
        drawn = drawRows('small', lines);
      }
    }
    layer.add(drawn.rows);
    // A cut explanation opens every choice in full.
    for (const [i, id] of open.entries()) {
      const place = drawn.summaries[i];
      if (!drawn.cut[i] || !place) continue;
      const opener = `decision.explain.${id}`;
      layer.add(
        new OpenArea(this.ui, {
          id: opener,
          label: `${decisionTitle(game, id)}: read the choices in full`,
          ...place,
          onOpen: () => {
            this.choiceAsked = id;
            this.openOverlay('choices', opener);
          },
        }),
      );
    }
  }
}
