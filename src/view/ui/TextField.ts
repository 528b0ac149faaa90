/**
 * TextField: a one-line text input. Typing on a canvas is not accessible (no IME, no screen
 * reader, no mobile keyboard), so the field is a real, visible <input> from the a11y layer,
 * placed over a frame drawn on the canvas; the canvas only draws the frame and the label.
 */
import Phaser from 'phaser';
import type { ControlHandle } from '../a11y/layer.ts';
import { COLOURS, RADIUS } from '../theme.ts';
import type { UiContext } from './context.ts';

export interface TextFieldOptions {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height?: number;
  value: string;
  onInput: (value: string) => void;
  /** Enter in the field. */
  onSubmit?: () => void;
  inputMode?: 'text' | 'numeric';
  /** The most characters it takes. */
  maxLength?: number;
  group?: string;
  description?: string;
}

export class TextField extends Phaser.GameObjects.Container {
  private readonly control: ControlHandle;
  readonly heightPx: number;

  constructor(ui: UiContext, options: TextFieldOptions) {
    super(ui.scene, 0, 0);
    const height = options.height ?? TextField.heightFor(ui.theme);
    this.heightPx = height;
    const frame = ui.scene.add.graphics();
    frame.lineStyle(2, COLOURS.border, 1);
    frame.strokeRoundedRect(options.x, options.y, options.width, height, RADIUS.s);
    this.add(frame);
    this.control = ui.a11y.registerControl({
      id: options.id,
      label: options.label,
      role: 'textbox',
      rect: { x: options.x, y: options.y, width: options.width, height },
      value: options.value,
      inputMode: options.inputMode,
      maxLength: options.maxLength,
      fontSize: ui.theme.font.size.body,
      description: options.description,
      group: options.group,
      owner: ui.owner,
      onInput: options.onInput,
      onActivate: options.onSubmit,
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.control.remove());
    ui.scene.add.existing(this);
  }

  /** A field's height at this text size (its default). */
  static heightFor(theme: UiContext['theme']): number {
    return Math.max(48, Math.round(theme.font.size.body * 2.2));
  }

  setValue(value: string): this {
    this.control.update({ value });
    return this;
  }

  setDescription(description: string | undefined): this {
    this.control.update({ description });
    return this;
  }
}
