/**
 * Debrief (crude placeholder, to be replaced): final meters and balance (with the rule in plain
 * words), each role's score against its reservation value (revealed now), red-line flags, and
 * the causal timeline; then back to the title or a new game.
 */
import type Phaser from 'phaser';
import { roleLabel } from '../../app/announce.ts';
import type { GameView } from '../../store/types.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene } from './GameScene.ts';
import { BALANCE_EXPLAINED, decisionTitle, logText, metersText } from './game-text.ts';

export class DebriefScene extends GameScene {
  protected override showTopBar = false;

  constructor(app: AppServices) {
    super('Debrief', app);
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.scale;
    const v = game.view;
    const x = SPACE.xl;
    const colW = 560;
    layer.add(this.add.text(x, SPACE.l, 'Debrief', this.theme.text('h1')));
    const decided = v.decision ? `Decision: ${decisionTitle(game, v.decision)}` : 'No decision';
    let y = SPACE.l + 60;
    const summary = this.add.text(
      x,
      y,
      `${decided}\n${metersText(game)}`,
      this.theme.text('body', { wrap: colW }),
    );
    layer.add(summary);
    y += summary.height + SPACE.s;
    const rule = this.add.text(
      x,
      y,
      BALANCE_EXPLAINED,
      this.theme.text('small', { wrap: colW, color: COLOURS.textMuted }),
    );
    layer.add(rule);
    y += rule.height + SPACE.m;

    const scores = (v.revealed?.roles ?? []).map((r) => {
      const s = r.score;
      const verdict = s.satisfied ? 'satisfied' : 'NOT satisfied';
      return `${roleLabel(game.scenario, r.role)}: ${s.total} (needs ${s.reservation}) — ${verdict}`;
    });
    const flags = (v.revealed?.redLineFlags ?? []).map(
      (f) =>
        `⚑ ${roleLabel(game.scenario, f.role)} crossed a red line (${f.id}, ${f.how}, round ${f.round})`,
    );
    const people = this.add.text(
      x,
      y,
      [...scores, ...flags, v.revealed ? `Seed: ${v.revealed.seed}` : '']
        .filter(Boolean)
        .join('\n'),
      this.theme.text('small', { wrap: colW }),
    );
    layer.add(people);

    const tx = x + colW + SPACE.xl;
    layer.add(
      new ScrollText(this.ui, {
        id: 'debrief.timeline',
        label: 'Timeline: what moved and why',
        x: tx,
        y: SPACE.l,
        width: width - tx - SPACE.xl,
        height: height - 2 * SPACE.l - 72,
        text: logText(game),
        fontRole: 'small',
      }),
    );
    const by = height - 56 - SPACE.l;
    layer.add(
      new Button(this.ui, {
        id: 'debrief.title',
        x: tx,
        y: by,
        width: 240,
        label: 'Back to title',
        icon: 'icon:back',
        onClick: () => this.app.session.leave(),
      }),
    );
    layer.add(
      new Button(this.ui, {
        id: 'debrief.again',
        autofocus: true,
        x: width - SPACE.xl - 240,
        y: by,
        width: 240,
        label: 'New game',
        icon: 'icon:restart',
        variant: 'primary',
        onClick: () => {
          this.app.session.leave();
          this.state.setScreen('setup');
        },
      }),
    );
  }
}
