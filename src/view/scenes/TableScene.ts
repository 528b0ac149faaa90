/**
 * Table (crude placeholder, to be replaced by the real negotiation table): the event card, the
 * negotiation and the round end as text and plain buttons — the meters and agreed conditions on
 * the left, the log on the right, and in the middle whatever the person to act can do:
 * propose (tick up to three assurances) or pass; support, oppose or amend the package on the
 * table; Continue on the event card and at the round end.
 */
import type Phaser from 'phaser';
import { describeLogEntry, metersAfterEach, roleLabel } from '../../app/announce.ts';
import type { GameView } from '../../store/types.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import type { AppServices } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';
import {
  agreedText,
  assuranceTitle,
  logText,
  metersText,
  pendingText,
  worthToViewer,
} from './game-text.ts';

const LEFT_X = 24;
const LEFT_W = 320;
const MID_X = 368;
const MID_W = 544;
const LOG_X = 936;
const LOG_W = 320;

export class TableScene extends GameScene {
  private picked: string[] = [];
  private pickedAt = -1;
  private page = 0;
  private proposeButton: Button | null = null;
  private proposeHint: Phaser.GameObjects.Text | null = null;

  constructor(app: AppServices) {
    super('Table', app);
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    if (game.step !== this.pickedAt) {
      this.picked = [];
      this.page = 0;
      this.pickedAt = game.step;
    }
    this.proposeButton = null;
    this.proposeHint = null;
    const { height } = this.scale;
    const top = TOP_BAR_HEIGHT + SPACE.m;
    this.section('table.actions', 'Your move');
    this.section('table.info', 'The table');

    // Left: meters and agreed conditions.
    const meters = this.add.text(
      LEFT_X,
      top,
      metersText(game),
      this.theme.text('small', { wrap: LEFT_W }),
    );
    layer.add(meters);
    const agreedTop = meters.y + meters.height + SPACE.l;
    layer.add(
      this.add.text(
        LEFT_X,
        agreedTop,
        'Agreed conditions',
        this.theme.text('label', { bold: true }),
      ),
    );
    layer.add(
      this.add.text(
        LEFT_X,
        agreedTop + 30,
        agreedText(game),
        this.theme.text('small', { wrap: LEFT_W, color: COLOURS.textMuted }),
      ),
    );

    // Right: the log.
    layer.add(
      new ScrollText(this.ui, {
        id: 'table.log',
        label: 'Game log',
        group: 'table.info',
        x: LOG_X,
        y: top,
        width: LOG_W,
        height: height - top - SPACE.m,
        text: logText(game),
        fontRole: 'small',
      }).scrollToEnd(),
    );

    // Middle: the phase.
    switch (game.phase) {
      case 'event':
        this.drawEvent(layer, game, top);
        break;
      case 'roundEnd':
        this.drawRoundEnd(layer, game, top);
        break;
      default:
        this.drawNegotiation(layer, game, top);
    }
  }

  private heading(layer: Phaser.GameObjects.Container, y: number, text: string): number {
    const t = this.add.text(MID_X, y, text, this.theme.text('h3', { wrap: MID_W }));
    layer.add(t);
    return y + t.height + SPACE.s;
  }

  private paragraph(
    layer: Phaser.GameObjects.Container,
    y: number,
    text: string,
    color?: string,
  ): number {
    const t = this.add.text(MID_X, y, text, this.theme.text('small', { wrap: MID_W, color }));
    layer.add(t);
    return y + t.height + SPACE.m;
  }

  private continueButton(layer: Phaser.GameObjects.Container, game: GameView, label: string): void {
    if (game.waiting !== 'continue') return;
    layer.add(
      new Button(this.ui, {
        id: 'table.continue',
        autofocus: true,
        group: 'table.actions',
        x: MID_X + MID_W - 260,
        y: this.scale.height - 56 - SPACE.l,
        width: 260,
        label,
        icon: 'icon:next',
        variant: 'primary',
        onClick: () => this.app.session.continue(),
      }),
    );
  }

  private drawEvent(layer: Phaser.GameObjects.Container, game: GameView, top: number): void {
    const v = game.view;
    const event = game.scenario.events.find((e) => e.id === v.currentEvent);
    let y = this.heading(
      layer,
      top,
      `Round ${v.round}: ${event ? event.title.text : 'a quiet week'}`,
    );
    if (event) {
      const height = this.scale.height - y - 140;
      layer.add(
        new ScrollText(this.ui, {
          id: 'table.event',
          label: `Event: ${event.title.text}`,
          group: 'table.info',
          x: MID_X,
          y,
          width: MID_W,
          height,
          text: event.text.text,
          fontRole: 'small',
        }),
      );
      y += height + SPACE.s;
      let index = v.log.length - 1;
      while (index >= 0 && v.log[index]?.kind !== 'event') index--;
      const entry = v.log[index];
      const after = metersAfterEach(game.scenario, v.log)[index];
      if (entry && after)
        this.paragraph(
          layer,
          y,
          describeLogEntry(game.scenario, entry, after) ?? '',
          COLOURS.textMuted,
        );
    }
    this.continueButton(layer, game, 'To the negotiation');
  }

  private drawRoundEnd(layer: Phaser.GameObjects.Container, game: GameView, top: number): void {
    const v = game.view;
    const y = this.heading(layer, top, `Round ${v.round} of ${v.roundsTotal} is over`);
    const landed = v.log.filter((e) => e.round === v.round && e.kind === 'delayed-effect');
    this.paragraph(
      layer,
      y,
      landed.length > 0
        ? `Promises that took effect: ${landed.map((e) => assuranceTitle(game, e.subjects[0] ?? '')).join(', ')}.`
        : 'No delayed promises took effect this round.',
    );
    this.continueButton(layer, game, v.round >= v.roundsTotal ? 'To the stances' : 'Next round');
  }

  private drawNegotiation(layer: Phaser.GameObjects.Container, game: GameView, top: number): void {
    let y = top;
    if (game.view.pending) {
      y = this.heading(layer, y, 'On the table');
      y = this.paragraph(layer, y, pendingText(game));
    }
    const choices = game.choices;
    if (!choices) {
      const who = game.acting.role ? roleLabel(game.scenario, game.acting.role) : 'the next player';
      this.paragraph(
        layer,
        y,
        `Waiting for ${who}${game.acting.seat && game.acting.seat !== 'human' ? ' (bot)' : ''}…`,
        COLOURS.textMuted,
      );
      return;
    }
    const me = roleLabel(game.scenario, choices.role);
    if (choices.kind === 'respond') {
      y = this.heading(layer, y, `${me}: your answer`);
      const half = (MID_W - SPACE.s) / 2;
      const support = new Button(this.ui, {
        id: 'table.support',
        autofocus: true,
        group: 'table.actions',
        x: MID_X,
        y,
        width: half,
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
          group: 'table.actions',
          x: MID_X + half + SPACE.s,
          y,
          width: half,
          label: 'Oppose',
          icon: 'icon:oppose',
          onClick: () =>
            this.app.session.send({ type: 'RESPOND', role: choices.role, response: 'oppose' }),
        }),
      );
      y += support.heightPx + SPACE.m;
      if (choices.amendments.length > 0) {
        y = this.paragraph(layer, y, 'Or amend it (swap one assurance; once per package):');
        const items = choices.amendments.map((a) => ({
          id: `table.amend.${a.remove}.${a.add}`,
          label: `Swap “${assuranceTitle(game, a.remove)}” for “${assuranceTitle(game, a.add)}”`,
          onClick: () => this.app.session.send({ type: 'AMEND', role: choices.role, ...a }),
        }));
        this.pagedList(layer, y, items, (item) => item);
      }
      return;
    }

    y = this.heading(layer, y, `${me}: propose up to three assurances, or pass`);
    const items = choices.proposable.map((id) => {
      const a = game.scenario.assurances.find((x) => x.id === id);
      const deliverer = a ? roleLabel(game.scenario, a.deliverer) : '';
      const worth = worthToViewer(game, id);
      return {
        id,
        label: `${assuranceTitle(game, id)} — ${deliverer} delivers${worth ? `; ${worth}` : ''}`,
      };
    });
    const bottom = this.pagedList(layer, y, items, (item) => ({
      id: `table.pick.${item.id}`,
      label: item.label,
      role: 'checkbox' as const,
      selected: this.picked.includes(item.id),
      onClick: () => this.togglePick(item.id, game),
    }));
    const half = (MID_W - SPACE.s) / 2;
    const by = Math.max(bottom + SPACE.l + 8, this.scale.height - 56 - SPACE.l);
    // Why "Propose" is unavailable, in words on screen too (not only the hatching).
    this.proposeHint = this.add.text(MID_X, by - SPACE.s, '', {
      ...this.theme.text('small', { wrap: MID_W, color: COLOURS.textMuted }),
    });
    this.proposeHint.setOrigin(0, 1);
    layer.add(this.proposeHint);
    this.proposeButton = new Button(this.ui, {
      id: 'table.propose',
      group: 'table.actions',
      x: MID_X,
      y: by,
      width: half,
      label: this.proposeLabel(),
      icon: 'icon:propose',
      variant: 'primary',
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
        group: 'table.actions',
        x: MID_X + half + SPACE.s,
        y: by,
        width: half,
        label: 'Pass',
        icon: 'icon:pass',
        onClick: () => this.app.session.send({ type: 'PASS', role: choices.role }),
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
    button.setLabel(this.proposeLabel());
    button.setDisabled(problem !== null, problem ?? undefined);
    this.proposeHint?.setText(problem ?? '');
  }

  private togglePick(id: string, game: GameView): void {
    const i = this.picked.indexOf(id);
    if (i >= 0) this.picked.splice(i, 1);
    else if (this.picked.length < 3) this.picked.push(id);
    else this.state.announce('A package holds at most three assurances.', 'assertive');
    for (const obj of this.dynamic.list) {
      if (obj instanceof Button && obj.id.startsWith('table.pick.')) {
        obj.setSelected(this.picked.includes(obj.id.slice('table.pick.'.length)));
      }
    }
    this.updateProposeButton();
    const title = assuranceTitle(game, id);
    this.state.announce(
      `${title} ${this.picked.includes(id) ? 'ticked' : 'unticked'}. ${this.proposeLabel()}.`,
    );
  }

  /** A list of buttons that pages when it does not fit; returns the bottom edge. */
  private pagedList<T>(
    layer: Phaser.GameObjects.Container,
    top: number,
    items: T[],
    toButton: (item: T) => {
      id: string;
      label: string;
      onClick: () => void;
      role?: 'checkbox';
      selected?: boolean;
    },
  ): number {
    const perPage = Math.max(3, Math.floor(7 / this.theme.font.factor));
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    this.page = Math.min(this.page, pages - 1);
    let y = top;
    for (const item of items.slice(this.page * perPage, (this.page + 1) * perPage)) {
      const spec = toButton(item);
      const button = new Button(this.ui, {
        ...spec,
        group: 'table.actions',
        x: MID_X,
        y,
        width: MID_W,
        fontRole: 'small',
      });
      layer.add(button);
      y += button.heightPx + SPACE.xs;
    }
    if (pages > 1) {
      const w = (MID_W - SPACE.s) / 2;
      const move = (delta: number) => {
        this.page = (this.page + delta + pages) % pages;
        this.rerender();
      };
      layer.add(
        new Button(this.ui, {
          id: 'table.page-prev',
          group: 'table.actions',
          x: MID_X,
          y: y + SPACE.xs,
          width: w,
          label: `Previous (page ${this.page + 1} of ${pages})`,
          fontRole: 'small',
          onClick: () => move(-1),
        }),
      );
      layer.add(
        new Button(this.ui, {
          id: 'table.page-next',
          group: 'table.actions',
          x: MID_X + w + SPACE.s,
          y: y + SPACE.xs,
          width: w,
          label: 'Next page',
          fontRole: 'small',
          onClick: () => move(1),
        }),
      );
      y += 48 + SPACE.s;
    }
    return y;
  }
}
