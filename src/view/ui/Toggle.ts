/**
 * Toggle: an on/off switch (a Button with role "switch"). The visible label says the state in
 * words ("Sound: on"), so the state never rests on colour or the tick alone; the accessible name
 * is just the label and the state is aria-checked.
 */
import { Button } from './Button.ts';
import type { UiContext } from './context.ts';

export interface ToggleOptions {
  id: string;
  x: number;
  y: number;
  width: number;
  label: string;
  value: boolean;
  onChange: (value: boolean) => void;
  description?: string;
  words?: { on: string; off: string };
  /** a11y group/section. */
  group?: string;
}

export class Toggle extends Button {
  private value: boolean;
  private readonly baseLabel: string;
  private readonly words: { on: string; off: string };

  constructor(ui: UiContext, options: ToggleOptions) {
    const words = options.words ?? { on: 'on', off: 'off' };
    let self: Toggle | null = null;
    super(ui, {
      id: options.id,
      x: options.x,
      y: options.y,
      width: options.width,
      label: `${options.label}: ${options.value ? words.on : words.off}`,
      ariaLabel: options.label,
      description: options.description,
      role: 'switch',
      group: options.group,
      selected: options.value,
      onClick: () => {
        if (!self) return;
        self.setValue(!self.value);
        options.onChange(self.value);
      },
    });
    self = this;
    this.value = options.value;
    this.baseLabel = options.label;
    this.words = words;
  }

  setValue(value: boolean): this {
    this.value = value;
    this.setSelected(value);
    // The DOM name stays the bare label (ariaLabel); the state is aria-checked.
    this.setLabel(`${this.baseLabel}: ${value ? this.words.on : this.words.off}`);
    return this;
  }
}
