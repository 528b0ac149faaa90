/**
 * Aftermath: "Twelve months later…" — the decision taken, each audit of a binding, verifiable
 * promise (its deliverer, kept or breached with a tick or a cross and a word, the odds and the
 * meter change), the epilogues the scenario chose, and Continue to the debrief.
 */
import type Phaser from 'phaser';
import { deltasText } from '../../app/timeline.ts';
import type { GameView } from '../../store/types.ts';
import { findRole, portrait, roleColourCss, statusTag } from '../debrief/draw.ts';
import { SURFACE } from '../theme/palette.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { Panel } from '../ui/Panel.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import type { AppServices, SceneData } from './AppScene.ts';
import { GameScene, TOP_BAR_HEIGHT } from './GameScene.ts';
import { assuranceTitle, decisionTitle } from './game-text.ts';

interface AuditRow {
  title: string;
  deliverer: string;
  breached: boolean;
  chance: number;
  change: string;
}

export class AftermathScene extends GameScene {
  private announced = false;

  constructor(app: AppServices) {
    super('Aftermath', app);
  }

  init(_data?: SceneData): void {
    this.announced = false;
  }

  private auditRows(game: GameView): AuditRow[] {
    const { scenario, view } = game;
    const entries = view.log.filter((e) => e.kind === 'audit');
    return view.audits.map((a) => {
      const card = scenario.assurances.find((x) => x.id === a.assurance);
      const entry = entries.find((e) => e.subjects[0] === a.assurance);
      return {
        title: assuranceTitle(game, a.assurance),
        deliverer: card?.deliverer ?? '',
        breached: a.breached,
        chance: a.chance,
        change: entry ? deltasText(scenario, entry.deltas) : 'no meter change',
      };
    });
  }

  protected renderGame(layer: Phaser.GameObjects.Container, game: GameView): void {
    const { width, height } = this.area;
    const { scenario, view } = game;
    const x = SPACE.xl;
    const rows = this.auditRows(game);
    if (!this.announced) {
      this.announced = true;
      const breached = rows.filter((r) => r.breached).length;
      this.state.announce(
        rows.length === 0
          ? 'Twelve months later. No promise was audited.'
          : `Twelve months later. ${rows.length} audit${rows.length > 1 ? 's' : ''}: ${rows.length - breached} kept, ${breached} breached.`,
      );
    }

    let y = TOP_BAR_HEIGHT + SPACE.m;
    const heading = this.add.text(x, y, 'Twelve months later…', this.theme.text('h1'));
    layer.add(heading);
    y += heading.height + SPACE.xs;
    const decision = scenario.decisions.find((d) => d.id === view.decision);
    const decided = this.add.text(
      x,
      y,
      decision
        ? `${findRole(scenario, scenario.decider)?.shortName.text ?? 'The decision-maker'} decided: ${decisionTitle(game, decision.id)}. ${decision.summary.text}`
        : 'No decision was taken.',
      this.theme.text('body', { wrap: width - 2 * x, color: COLOURS.textMuted }),
    );
    layer.add(decided);
    y += decided.height + SPACE.l;

    const continueH = 56;
    const bottom = height - SPACE.l - continueH - SPACE.m;
    const leftW = 600;
    const rightX = x + leftW + SPACE.l;
    const rightW = width - rightX - x;

    // Left: the audits.
    const panel = new Panel(this.ui, {
      x,
      y,
      width: leftW,
      height: bottom - y,
      title: 'The audits',
    });
    layer.add(panel);
    const ay = panel.contentY;
    const drawn =
      rows.length > 0 ? this.drawAudits(game, rows, x, ay, leftW, bottom - SPACE.s) : null;
    if (drawn) {
      layer.add(drawn);
      const control = this.app.a11y.registerControl({
        id: 'aftermath.audits',
        label: 'The audits',
        role: 'text',
        rect: { x, y, width: leftW, height: bottom - y },
        text: rows.map((r) => this.auditSentence(game, r)).join('\n'),
        owner: this.scene.key,
      });
      panel.once('destroy', () => control.remove());
    } else {
      const text =
        rows.length === 0
          ? decision?.enforcesConditions
            ? 'No audits: none of the agreed assurances could be checked.'
            : 'No audits: this decision made no promise binding, so there was nothing to check.'
          : rows.map((r) => `${r.breached ? '✗' : '✓'} ${this.auditSentence(game, r)}`).join('\n');
      layer.add(
        new ScrollText(this.ui, {
          id: 'aftermath.audits',
          label: 'The audits',
          x: x + SPACE.s,
          y: ay,
          width: leftW - 2 * SPACE.s,
          height: bottom - ay - SPACE.s,
          text,
        }),
      );
    }

    // Right: the epilogues.
    const epilogues = view.epilogues.map((id) => {
      const e = scenario.epilogues.find((x) => x.id === id);
      return e ? `${e.title.text.toUpperCase()}\n${e.text.text}` : id;
    });
    layer.add(
      new ScrollText(this.ui, {
        id: 'aftermath.text',
        label: 'What happened next',
        x: rightX,
        y,
        width: rightW,
        height: bottom - y,
        text: epilogues.length > 0 ? epilogues.join('\n\n') : 'Life went on much as before.',
      }),
    );

    if (game.waiting === 'continue') {
      layer.add(
        new Button(this.ui, {
          id: 'aftermath.continue',
          autofocus: true,
          x: width - x - 300,
          y: height - SPACE.l - continueH,
          width: 300,
          label: 'To the debrief',
          icon: 'icon:next',
          variant: 'primary',
          onClick: () => this.app.session.continue(),
        }),
      );
    }
  }

  private auditSentence(game: GameView, r: AuditRow): string {
    const who = findRole(game.scenario, r.deliverer)?.shortName.text ?? r.deliverer;
    return `${r.title}, delivered by ${who}: ${r.breached ? 'BREACHED' : 'kept'} (chance of a breach ${Math.round(r.chance * 100)}%): ${r.change}.`;
  }

  /** One row per audit, or null when they do not fit (the caller shows them as text). */
  private drawAudits(
    game: GameView,
    rows: AuditRow[],
    x: number,
    top: number,
    width: number,
    bottom: number,
  ): Phaser.GameObjects.Container | null {
    const t = this.theme;
    const box = this.add.container(0, 0);
    const lx = x + SPACE.l;
    const face = 40;
    const tagW = 150 * Math.max(1, t.font.factor);
    const tx = lx + face + SPACE.m;
    const textW = x + width - SPACE.l - tagW - tx;
    let ay = top;
    for (const r of rows) {
      const role = findRole(game.scenario, r.deliverer);
      portrait(this, box, role, lx + face / 2, ay + face / 2 + 4, face);
      const title = this.add.text(tx, ay, r.title, t.text('body', { bold: true, wrap: textW }));
      box.add(title);
      const sub = this.add.text(
        tx,
        ay + title.height + 2,
        `${role?.shortName.text ?? r.deliverer} · ${r.change} · breach chance ${Math.round(r.chance * 100)}%`,
        t.text('small', { wrap: textW, color: roleColourCss(role, SURFACE.panel) }),
      );
      box.add(sub);
      statusTag(
        this,
        box,
        t,
        r.breached ? 'bad' : 'good',
        r.breached ? 'Breached' : 'Kept',
        x + width - SPACE.l - tagW + SPACE.m,
        ay,
        SURFACE.panel,
      );
      ay = Math.max(ay + face + 8, sub.y + sub.height) + SPACE.m;
      if (ay > bottom) {
        box.destroy();
        return null;
      }
    }
    return box;
  }
}
