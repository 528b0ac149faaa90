/**
 * Public stances, then the decision. Left: every role (portrait, colour, name) with the decision
 * it has backed in public, filled in as each declares; the decision-maker is marked. Right: the
 * decisions open now, each with its summary and who backs it; the person to act gets a button
 * per open decision (ids `decision.stance.<id>` / `decision.decide.<id>`, with the worth to them
 * when they may see it). Below: the meters and the conditions on the table.
 */
import type Phaser from 'phaser';
import { roleLabel } from '../../app/announce.ts';
import { decisionOpen } from '../../rules/decision.ts';
import type { GameState } from '../../rules/types.ts';
import { METER_IDS } from '../../scenario/schema.ts';
import type { GameView } from '../../store/types.ts';
import { findRole, portrait, roleColourCss } from '../debrief/draw.ts';
import { SURFACE } from '../theme/palette.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { Panel } from '../ui/Panel.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';
import { assuranceTitle, decisionTitle, worthToViewer } from './game-text.ts';

const LEFT_X = 40;
const LEFT_W = 470;
const MID_X = LEFT_X + LEFT_W + SPACE.l;

export class DecisionScene extends GameScene {
  constructor(app: AppServices) {
    super('Decision', app);
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.scale;
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
    const rowH = Math.max(face + SPACE.m, 2 * line + SPACE.m);
    let y = panel.contentY;
    for (const id of order) {
      const role = findRole(scenario, id);
      const px = LEFT_X + SPACE.l;
      portrait(this, layer, role, px + face / 2, y + face / 2 + 2, face);
      const tx = px + face + SPACE.m;
      const isDecider = id === scenario.decider;
      layer.add(
        this.add.text(
          tx,
          y,
          `${role?.shortName.text ?? id}${isDecider ? ' · decision-maker' : ''}`,
          t.text('body', { bold: true, color: roleColourCss(role, SURFACE.panel) }),
        ),
      );
      const stance = view.stances[id];
      const acting = game.acting.role === id;
      const stanceText = stance
        ? `backs “${decisionTitle(game, stance)}”`
        : acting && game.phase === 'stances'
          ? 'declaring now…'
          : game.phase === 'stances'
            ? 'not declared yet'
            : 'no stance';
      layer.add(
        this.add.text(
          tx,
          y + line,
          stanceText,
          t.text('body', {
            color: stance ? COLOURS.text : COLOURS.textMuted,
            wrap: LEFT_W - (tx - LEFT_X) - SPACE.m,
          }),
        ),
      );
      y += rowH;
    }
    // The meters and the conditions, small, under the stances.
    const meters = METER_IDS.map(
      (m) => `${scenario.meters[m].name.text} ${Math.round(view.meters[m])}`,
    ).join(' · ');
    const agreed =
      view.agreed.length > 0
        ? `Conditions on the table: ${view.agreed.map((a) => assuranceTitle(game, a.id)).join('; ')}.`
        : 'No conditions were agreed.';
    layer.add(
      this.add.text(
        LEFT_X + SPACE.l,
        y + SPACE.s,
        `${meters} · Balance ${view.balance}\n${agreed}`,
        t.text('small', { wrap: LEFT_W - 2 * SPACE.l, color: COLOURS.textMuted }),
      ),
    );

    // Right: the decisions.
    let my = top;
    const choices = game.choices;
    const mine = choices && (choices.kind === 'stance' || choices.kind === 'decide');
    const decider = roleLabel(scenario, scenario.decider);
    const title =
      game.phase === 'stances'
        ? mine
          ? `${roleLabel(scenario, choices.role)}: which decision do you back, in public?`
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
    }
    my += SPACE.m;

    const state = view as unknown as GameState;
    const open = mine
      ? choices.decisions
      : scenario.decisions.filter((d) => decisionOpen(d, state)).map((d) => d.id);
    const buttonW = Math.round(midW * 0.38);
    const summaryX = MID_X + buttonW + SPACE.m;
    const summaryW = midW - buttonW - SPACE.m;
    for (const id of open) {
      const decision = scenario.decisions.find((d) => d.id === id);
      const backers = order
        .filter((r) => view.stances[r] === id)
        .map((r) => roleLabel(scenario, r));
      const chosen = view.decision === id;
      let rowBottom = my;
      if (mine) {
        const worth = worthToViewer(game, id);
        const button = new Button(this.ui, {
          id: `decision.${choices.kind}.${id}`,
          x: MID_X,
          y: my,
          width: buttonW,
          label: `${decisionTitle(game, id)}${worth ? ` (${worth})` : ''}`,
          description: decision?.summary.text,
          icon: 'icon:decision',
          fontRole: 'body',
          onClick: () =>
            this.app.session.send({
              type: choices.kind === 'stance' ? 'STANCE' : 'DECIDE',
              role: choices.role,
              decision: id,
            }),
        });
        layer.add(button);
        rowBottom = Math.max(rowBottom, my + button.heightPx);
      } else {
        const name = this.add.text(
          MID_X,
          my + 4,
          `${chosen ? '✓ ' : ''}${decisionTitle(game, id)}`,
          t.text('h3', { wrap: buttonW }),
        );
        layer.add(name);
        rowBottom = Math.max(rowBottom, name.y + name.height);
      }
      const summary = this.add.text(
        summaryX,
        my,
        decision?.summary.text ?? '',
        t.text('body', { wrap: summaryW }),
      );
      layer.add(summary);
      let sy = my + summary.height + 2;
      if (backers.length > 0) {
        const b = this.add.text(
          summaryX,
          sy,
          `Backed by ${backers.join(', ')}`,
          t.text('small', { wrap: summaryW, color: COLOURS.textMuted, bold: true }),
        );
        layer.add(b);
        sy += b.height;
      }
      rowBottom = Math.max(rowBottom, sy);
      const g = this.add.graphics();
      g.lineStyle(1, SURFACE.divider.hex, 1);
      g.lineBetween(MID_X, rowBottom + SPACE.s, MID_X + midW, rowBottom + SPACE.s);
      layer.add(g);
      my = rowBottom + SPACE.m;
    }
  }
}
