/**
 * The settings in a panel: text size, reduced motion, the bots' pace, projector mode and sound,
 * then Done. The title has it, and so does the paused game, so a teacher can turn on projector
 * mode, larger text or slower bots without leaving the game. A change is saved at once (the store persists the settings),
 * and the screen behind is drawn again for it (the router restarts the running scenes).
 */
import type Phaser from 'phaser';
import type { Settings } from '../../store/settings.ts';
import { SPACE } from '../theme.ts';
import { Button } from './Button.ts';
import { ChoiceGroup, type ChoiceOption } from './ChoiceGroup.ts';
import type { UiContext } from './context.ts';
import { Panel } from './Panel.ts';
import { Toggle } from './Toggle.ts';

export interface SettingsPanelOptions {
  x: number;
  y: number;
  width: number;
  /** The lowest the panel may reach. */
  maxBottom: number;
  /** The a11y section the controls go in. */
  group: string;
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  onDone: () => void;
}

/** Adds the panel to `layer`; returns where it ends. */
export function addSettingsPanel(
  ui: UiContext,
  layer: Phaser.GameObjects.Container,
  o: SettingsPanelOptions,
): { bottom: number } {
  const s = o.settings;
  const x = o.x + SPACE.l;
  const w = o.width - 2 * SPACE.l;
  // One choice group per setting, each under the one before.
  type ChoiceKey = 'textScale' | 'reducedMotion' | 'botPace';
  const choice = <K extends ChoiceKey>(
    key: K,
    id: string,
    label: string,
    y: number,
    options: ChoiceOption<Settings[K]>[],
  ) =>
    new ChoiceGroup<Settings[K]>(ui, {
      id,
      parent: o.group,
      label,
      x,
      y,
      width: w,
      options,
      value: s[key],
      onChange: (v) => o.onChange({ [key]: v }),
    });
  const size = choice('textScale', 'settings.text-size', 'Text size', o.y + SPACE.l, [
    { value: 1, label: '100%' },
    { value: 1.25, label: '125%' },
    { value: 1.5, label: '150%' },
  ]);
  const motion = choice(
    'reducedMotion',
    'settings.reduced-motion',
    'Reduce motion',
    size.bottom + SPACE.m,
    [
      { value: 'system', label: 'As the device', description: 'Follow the device setting.' },
      { value: 'on', label: 'Yes' },
      { value: 'off', label: 'No' },
    ],
  );
  const pace = choice('botPace', 'settings.bot-pace', 'Bots move', motion.bottom + SPACE.m, [
    { value: 'quick', label: 'Quickly' },
    {
      value: 'reading',
      label: 'Slowly',
      description: 'Four seconds a move: time to read or hear each one.',
    },
  ]);
  const half = (w - SPACE.m) / 2;
  const projector = new Toggle(ui, {
    id: 'settings.projector',
    group: o.group,
    x,
    y: pace.bottom + SPACE.l,
    width: half,
    label: 'Projector mode (larger text)',
    value: s.projector,
    onChange: (v) => o.onChange({ projector: v }),
  });
  const sound = new Toggle(ui, {
    id: 'settings.sound',
    group: o.group,
    x: x + half + SPACE.m,
    y: pace.bottom + SPACE.l,
    width: half,
    label: 'Sound',
    value: s.sound,
    onChange: (v) => o.onChange({ sound: v }),
  });
  const done = new Button(ui, {
    id: 'settings.done',
    autofocus: true,
    group: o.group,
    x: x + w - 260,
    y: Math.max(projector.bottom, sound.bottom) + SPACE.l,
    width: 260,
    label: 'Done',
    variant: 'primary',
    onClick: o.onDone,
  });
  // As tall as what it holds.
  const bottom = Math.min(o.maxBottom, done.bottom + SPACE.l);
  layer.add(new Panel(ui, { x: o.x, y: o.y, width: o.width, height: bottom - o.y }));
  size.addTo(layer);
  motion.addTo(layer);
  pace.addTo(layer);
  layer.add([projector, sound, done]);
  return { bottom };
}
