/**
 * Briefing: the public situation (with every role's public brief), then the viewer's private
 * brief, side by side in scrolling panels. Pass-and-play: each person reads theirs after the
 * hand-off, then "I have read my brief"; once everyone has, "Begin round 1" (BEGIN). Solo shows
 * the player's brief at once; the projector shows only the public situation. The panels end
 * above the button, whose height follows the text size.
 */
import type Phaser from 'phaser';
import { roleLabel } from '../../app/announce.ts';
import { sourcesList } from '../../app/citations.ts';
import { agreementText, scoreNumber } from '../../print/rule-words.ts';
import type { GameView } from '../../store/types.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';

const MAIN = 'briefing.main';

export class BriefingScene extends GameScene {
  constructor(app: AppServices) {
    super('Briefing', app);
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.area;
    const { scenario, view } = game;
    const top = TOP_BAR_HEIGHT + SPACE.l;
    const colW = (width - 3 * SPACE.xl) / 2;
    // Read top to bottom, left to right (the button is made first, for its height).
    this.section(MAIN, 'Briefing');
    const action = this.action(game, width - SPACE.xl, colW);
    if (action) {
      action.place(action.left, height - SPACE.l - action.heightPx);
      layer.add(action);
    }
    const bottom = action ? action.top - SPACE.m : height - SPACE.l;

    const situation = this.add.text(SPACE.xl, top, 'The situation', this.theme.text('h3'));
    layer.add(situation);
    // In pass-and-play, once the last reader is done the view is public (view-model.ts): the
    // whole table looks again.
    const me = view.me;
    const everyoneRead = game.mode === 'pass-and-play' && game.waiting === 'continue';
    const heading = me ? `Your private brief: ${roleLabel(scenario, me.role)}` : 'Private briefs';
    const x2 = 2 * SPACE.xl + colW;
    const mine = this.add.text(x2, top, heading, this.theme.text('h3', { wrap: colW }));
    layer.add(mine);
    // Both panels start under the taller heading.
    const boxY = top + Math.max(situation.height, mine.height) + SPACE.s;
    const boxH = Math.max(80, bottom - boxY);
    const roles = scenario.roles.map((r) => `• ${r.name.text}: ${r.publicBrief.text}`).join('\n\n');
    // Every fact a player sees carries its source: each panel ends with the sources of its
    // texts, one a line (after the texts, not between them: a student reads the story first).
    const publicSources = sourcesList(
      scenario,
      scenario.summary.sources,
      ...scenario.roles.map((r) => r.publicBrief.sources),
      ...scenario.debrief.keyTerms.flatMap((k) => [
        k.sources,
        k.term.sources,
        k.definition.sources,
      ]),
    );
    // The words the cards and events use (DPIA, ICO…), before they come up at the table rather
    // than only in the debrief.
    const terms = scenario.debrief.keyTerms.map((k) => `• ${k.term.text}: ${k.definition.text}`);
    const glossary = terms.length > 0 ? `\n\nKey terms:\n\n${terms.join('\n')}` : '';
    layer.add(
      new ScrollText(this.ui, {
        id: 'briefing.public',
        label: 'The situation (public)',
        group: MAIN,
        x: SPACE.xl,
        y: boxY,
        width: colW,
        height: boxH,
        // How a package gets through: without it, a package rejected with more supporters
        // than opponents (or the decider's veto) is a mystery.
        text: `${scenario.summary.text}\n\nAround the table (what each role's player is told, addressed to them):\n\n${roles}\n\nHow a package is agreed:\n\n${agreementText(scenario)}${glossary}${publicSources}`,
        fontRole: 'small',
      }),
    );
    const privateText = me
      ? `${me.privateBrief.text}\n\nYou are satisfied with a final score of ${scoreNumber(me.reservation)} or more.${sourcesList(scenario, me.privateBrief.sources)}`
      : everyoneRead
        ? 'Everyone has read their private brief. Begin round 1 when the whole table is back.'
        : game.mode === 'projector'
          ? 'On the projector everything shown is public: private briefs stay hidden until the debrief.'
          : 'Only bots play: their briefs are revealed in the debrief.';
    layer.add(
      new ScrollText(this.ui, {
        id: 'briefing.private',
        label: heading,
        group: MAIN,
        x: x2,
        y: boxY,
        width: colW,
        height: boxH,
        text: privateText,
        fontRole: 'small',
        color: me ? COLOURS.text : COLOURS.textMuted,
      }),
    );
  }

  /** "I have read my brief" or "Begin round 1", right-aligned to `right`, when one is asked. */
  private action(game: GameView, right: number, maxWidth: number): Button | null {
    const w = Math.min(maxWidth, Math.round(320 * Math.max(1, this.theme.font.factor * 0.85)));
    const common = {
      autofocus: true,
      group: MAIN,
      x: right - w,
      y: 0,
      width: w,
      variant: 'primary' as const,
    };
    if (game.waiting === 'read') {
      return new Button(this.ui, {
        ...common,
        id: 'briefing.done',
        label: 'I have read my brief',
        onClick: () => this.app.session.finishBriefing(),
      });
    }
    if (game.waiting === 'continue') {
      return new Button(this.ui, {
        ...common,
        id: 'briefing.begin',
        label: 'Begin round 1',
        icon: 'icon:next',
        onClick: () => this.app.session.continue(),
      });
    }
    return null;
  }
}
