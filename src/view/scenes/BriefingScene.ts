/**
 * Briefing (crude placeholder, to be replaced): the public situation, then the viewer's private
 * brief. Pass-and-play: each person reads theirs after the hand-off, then "I have read it";
 * once everyone has, "Begin round 1" (BEGIN). Solo shows the player's brief at once; the
 * projector shows only the public situation.
 */
import type Phaser from 'phaser';
import { roleLabel } from '../../app/announce.ts';
import type { GameView } from '../../store/types.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';

export class BriefingScene extends GameScene {
  constructor(app: AppServices) {
    super('Briefing', app);
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.area;
    const { scenario, view } = game;
    const top = TOP_BAR_HEIGHT + SPACE.l;
    const colW = (width - 3 * SPACE.xl) / 2;
    const boxH = height - top - 120;
    layer.add(this.add.text(SPACE.xl, top, 'The situation', this.theme.text('h3')));
    const roles = scenario.roles.map((r) => `• ${r.name.text}: ${r.publicBrief.text}`).join('\n\n');
    layer.add(
      new ScrollText(this.ui, {
        id: 'briefing.public',
        label: 'The situation (public)',
        x: SPACE.xl,
        y: top + 40,
        width: colW,
        height: boxH,
        text: `${scenario.summary.text}\n\nAround the table:\n\n${roles}`,
        fontRole: 'small',
      }),
    );
    const x2 = 2 * SPACE.xl + colW;
    const me = view.me;
    const heading = me ? `Your private brief: ${roleLabel(scenario, me.role)}` : 'Private briefs';
    layer.add(this.add.text(x2, top, heading, this.theme.text('h3')));
    const privateText = me
      ? `${me.privateBrief.text}\n\nYou are satisfied with a final score of ${me.reservation} or more.`
      : game.mode === 'projector'
        ? 'On the projector everything shown is public: private briefs stay hidden until the debrief.'
        : 'Only bots play: their briefs are revealed in the debrief.';
    layer.add(
      new ScrollText(this.ui, {
        id: 'briefing.private',
        label: heading,
        x: x2,
        y: top + 40,
        width: colW,
        height: boxH,
        text: privateText,
        fontRole: 'small',
        color: me ? COLOURS.text : COLOURS.textMuted,
      }),
    );
    const y = height - 56 - SPACE.l;
    if (game.waiting === 'read') {
      layer.add(
        new Button(this.ui, {
          id: 'briefing.done',
          autofocus: true,
          x: width - SPACE.xl - 320,
          y,
          width: 320,
          label: 'I have read my brief',
          variant: 'primary',
          onClick: () => this.app.session.finishBriefing(),
        }),
      );
    } else if (game.waiting === 'continue') {
      layer.add(
        new Button(this.ui, {
          id: 'briefing.begin',
          autofocus: true,
          x: width - SPACE.xl - 320,
          y,
          width: 320,
          label: 'Begin round 1',
          icon: 'icon:next',
          variant: 'primary',
          onClick: () => this.app.session.continue(),
        }),
      );
    }
  }
}
