/**
 * Decision (crude placeholder, to be replaced): public stances, then the decision-maker's
 * choice. Shows the meters, the agreed conditions and who backs what; the person to act gets
 * one button per open decision (with its worth to them, when they may see it).
 */
import type Phaser from 'phaser';
import { roleLabel } from '../../app/announce.ts';
import type { GameView } from '../../store/types.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';
import { agreedText, decisionTitle, metersText, worthToViewer } from './game-text.ts';

const LEFT_X = 40;
const MID_X = 520;
const MID_W = 700;

export class DecisionScene extends GameScene {
  constructor(app: AppServices) {
    super('Decision', app);
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const top = TOP_BAR_HEIGHT + SPACE.l;
    const v = game.view;
    const meters = this.add.text(
      LEFT_X,
      top,
      metersText(game),
      this.theme.text('body', { wrap: 440 }),
    );
    layer.add(meters);
    const y0 = meters.y + meters.height + SPACE.l;
    layer.add(
      this.add.text(LEFT_X, y0, 'Agreed conditions', this.theme.text('label', { bold: true })),
    );
    layer.add(
      this.add.text(
        LEFT_X,
        y0 + 30,
        agreedText(game),
        this.theme.text('small', { wrap: 440, color: COLOURS.textMuted }),
      ),
    );

    let y = top;
    const title = game.phase === 'stances' ? 'Public stances' : 'The decision';
    const heading = this.add.text(MID_X, y, title, this.theme.text('h2'));
    layer.add(heading);
    y += heading.height + SPACE.s;
    const stances = game.scenario.rounds.turnOrder.map((r) => {
      const d = v.stances[r];
      return `${roleLabel(game.scenario, r)}: ${d ? `backs “${decisionTitle(game, d)}”` : '…'}`;
    });
    const list = this.add.text(
      MID_X,
      y,
      stances.join('\n'),
      this.theme.text('body', { wrap: MID_W }),
    );
    layer.add(list);
    y += list.height + SPACE.l;

    const choices = game.choices;
    if (!choices || (choices.kind !== 'stance' && choices.kind !== 'decide')) {
      const who = game.acting.role ? roleLabel(game.scenario, game.acting.role) : 'the others';
      layer.add(
        this.add.text(
          MID_X,
          y,
          `Waiting for ${who}…`,
          this.theme.text('body', { color: COLOURS.textMuted }),
        ),
      );
      return;
    }
    const me = roleLabel(game.scenario, choices.role);
    const ask =
      choices.kind === 'stance'
        ? `${me}: which decision do you back, in public?`
        : `${me}: decide.`;
    const askText = this.add.text(MID_X, y, ask, this.theme.text('h3', { wrap: MID_W }));
    layer.add(askText);
    y += askText.height + SPACE.s;
    for (const id of choices.decisions) {
      const decision = game.scenario.decisions.find((d) => d.id === id);
      const worth = worthToViewer(game, id);
      const button = new Button(this.ui, {
        id: `decision.${choices.kind}.${id}`,
        x: MID_X,
        y,
        width: MID_W,
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
      y += button.heightPx + SPACE.s;
    }
  }
}
