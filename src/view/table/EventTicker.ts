/**
 * The event ticker: this round's event headline with an "Event" marker and its source marker
 * (the book icon and the first source's title, or "fictional" when the event cites none).
 */
import Phaser from 'phaser';
import type { Scenario } from '../../scenario/schema.ts';
import { iconKey } from '../theme/assets.ts';
import { OKABE_ITO, TEXT } from '../theme/palette.ts';
import { COLOURS, RADIUS, SPACE } from '../theme.ts';
import type { UiContext } from '../ui/context.ts';
import { svgImage } from '../ui/svg-image.ts';
import { setTextFit } from '../ui/text-fit.ts';
import type { Rect } from './layout.ts';

export class EventTicker extends Phaser.GameObjects.Container {
  readonly heightPx: number;

  constructor(
    ui: UiContext,
    r: Omit<Rect, 'height'>,
    scenario: Scenario,
    eventId: string | null,
    round: number,
    group: string,
  ) {
    super(ui.scene, 0, 0);
    const scene = ui.scene;
    const theme = ui.theme;
    const pad = SPACE.s + 2;
    const event = scenario.events.find((e) => e.id === eventId) ?? null;
    const iconSize = theme.font.size.small + 4;
    const g = scene.add.graphics();
    this.add(g);
    const icon = svgImage(
      scene,
      r.x + pad + iconSize / 2,
      r.y + pad + iconSize / 2,
      iconKey('event'),
      iconSize,
    );
    icon.setTint(OKABE_ITO.orange.hex);
    const kicker = scene.add.text(
      r.x + pad + iconSize + 6,
      r.y + pad,
      round > 0 ? `Round ${round} event` : 'Event',
      theme.text('small', { color: COLOURS.textMuted }),
    );
    const headline = scene.add.text(
      r.x + pad,
      kicker.y + Math.max(kicker.height, iconSize) + 2,
      '',
      theme.text('small', { bold: true, wrap: r.width - 2 * pad }),
    );
    setTextFit(headline, event ? event.title.text : 'A quiet week: no event this round.', 3);
    this.add([icon, kicker, headline]);
    let bottom = headline.y + headline.height;
    let sourceText = '';
    if (event) {
      const src = event.sources
        .map((id) => scenario.sources.find((s) => s.id === id))
        .filter((s) => s !== undefined);
      sourceText =
        src.length > 0
          ? `Source: ${src[0]?.title}${src.length > 1 ? ` (+${src.length - 1})` : ''}`
          : 'Fictional event (no source)';
      const sIcon = svgImage(
        scene,
        r.x + pad + iconSize / 2,
        bottom + 4 + iconSize / 2,
        iconKey('source'),
        iconSize - 2,
      );
      sIcon.setTint(TEXT.secondary.hex);
      const s = scene.add.text(
        r.x + pad + iconSize + 6,
        bottom + 4,
        '',
        theme.text('small', { color: COLOURS.textMuted, wrap: r.width - 2 * pad - iconSize - 6 }),
      );
      setTextFit(s, sourceText, 1);
      this.add([sIcon, s]);
      bottom = s.y + Math.max(s.height, iconSize);
    }
    const h = bottom + pad - r.y;
    g.fillStyle(COLOURS.surface, 1);
    g.fillRoundedRect(r.x, r.y, r.width, h, RADIUS.m);
    g.fillStyle(OKABE_ITO.orange.hex, 1);
    g.fillRect(r.x, r.y + RADIUS.m, 4, h - 2 * RADIUS.m);
    this.heightPx = h;
    const control = ui.a11y.registerControl({
      id: 'table.ticker',
      label: 'Event ticker',
      role: 'text',
      rect: { x: r.x, y: r.y, width: r.width, height: h },
      text: event ? `${event.title.text}. ${sourceText}.` : 'No event this round.',
      group,
      owner: ui.owner,
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => control.remove());
    scene.add.existing(this);
  }
}
