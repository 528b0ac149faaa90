/**
 * Aftermath (crude placeholder, to be replaced): "twelve months later" — the decision, each
 * audit (kept or breached, with the odds), the epilogues, the meters; then Continue.
 */
import type Phaser from 'phaser';
import type { GameView } from '../../store/types.ts';
import { SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';
import { assuranceTitle, decisionTitle, metersText } from './game-text.ts';

export class AftermathScene extends GameScene {
  constructor(app: AppServices) {
    super('Aftermath', app);
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.scale;
    const v = game.view;
    const top = TOP_BAR_HEIGHT + SPACE.l;
    layer.add(this.add.text(SPACE.xl, top, 'Twelve months later', this.theme.text('h2')));
    layer.add(this.add.text(SPACE.xl, top + 48, metersText(game), this.theme.text('body')));
    const audits = v.audits.map(
      (a) =>
        `• ${assuranceTitle(game, a.assurance)}: ${a.breached ? 'BREACHED' : 'kept'} (chance of a breach ${Math.round(a.chance * 100)}%)`,
    );
    const epilogues = v.epilogues.map((id) => {
      const e = game.scenario.epilogues.find((x) => x.id === id);
      return e ? `${e.title.text}\n${e.text.text}` : id;
    });
    const text = [
      `Decision: ${v.decision ? decisionTitle(game, v.decision) : '—'}`,
      audits.length > 0 ? `Audits:\n${audits.join('\n')}` : 'No audits: no promises were binding.',
      ...epilogues,
    ].join('\n\n');
    layer.add(
      new ScrollText(this.ui, {
        id: 'aftermath.text',
        label: 'What happened next',
        x: 480,
        y: top,
        width: width - 480 - SPACE.xl,
        height: height - top - 120,
        text,
      }),
    );
    if (game.waiting === 'continue') {
      layer.add(
        new Button(this.ui, {
          id: 'aftermath.continue',
          autofocus: true,
          x: width - SPACE.xl - 300,
          y: height - 56 - SPACE.l,
          width: 300,
          label: 'To the debrief',
          icon: 'icon:next',
          variant: 'primary',
          onClick: () => this.app.session.continue(),
        }),
      );
    }
  }
}
