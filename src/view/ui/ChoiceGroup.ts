/**
 * ChoiceGroup: one choice out of several, as a row (or grid) of radio Buttons. In the DOM it is
 * a labelled radiogroup: one Tab stop, arrow keys move and select, as screen-reader users
 * expect. The selected option shows a filled dot and a stronger outline (not colour alone).
 *
 * Give it the total `width`; it uses up to `columns` options per row (default: all in one row)
 * and fewer when the labels would not fit at the current text size, so enlarged text wraps to
 * more rows instead of breaking words.
 */
import type Phaser from 'phaser';
import type { GroupHandle } from '../a11y/layer.ts';
import { SPACE } from '../theme.ts';
import { Button } from './Button.ts';
import type { UiContext } from './context.ts';

export interface ChoiceOption<T extends string | number> {
  value: T;
  label: string;
  description?: string;
  disabled?: boolean;
}

export interface ChoiceGroupOptions<T extends string | number> {
  id: string;
  /** The group's accessible name (also shown above the options unless `showLabel` is false). */
  label: string;
  x: number;
  y: number;
  /** Total width of the group. */
  width: number;
  options: ChoiceOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Most options per row (default: all in one row). */
  columns?: number;
  showLabel?: boolean;
  fontRole?: 'small' | 'body' | 'label';
  /** The a11y section the radiogroup goes in (keeps Tab order across redraws). */
  parent?: string;
  /** At most this many lines per label, the last cut with "…" (the accessible name keeps all). */
  maxLines?: number;
}

export class ChoiceGroup<T extends string | number> {
  readonly buttons: Button[] = [];
  private readonly group: GroupHandle;
  private value: T;
  /** Bottom edge of the group, in game coordinates. */
  readonly bottom: number;
  readonly labelText: Phaser.GameObjects.Text | null;

  constructor(ui: UiContext, options: ChoiceGroupOptions<T>) {
    this.value = options.value;
    this.group = ui.a11y.registerGroup({
      id: options.id,
      label: options.label,
      role: 'radiogroup',
      parent: options.parent,
      owner: ui.owner,
    });
    let y = options.y;
    if (options.showLabel !== false) {
      this.labelText = ui.scene.add.text(
        options.x,
        y,
        options.label,
        ui.theme.text('label', { bold: true }),
      );
      y += this.labelText.height + SPACE.s;
    } else {
      this.labelText = null;
    }
    const fontRole = options.fontRole ?? 'body';
    const columns = fitColumns(ui, options, fontRole);
    const optionWidth = (options.width - (columns - 1) * SPACE.s) / columns;
    let rowTop = y;
    let rowHeight = 0;
    options.options.forEach((option, i) => {
      const col = i % columns;
      if (col === 0 && i > 0) {
        rowTop += rowHeight + SPACE.s;
        rowHeight = 0;
      }
      const button = new Button(ui, {
        id: `${options.id}.${String(option.value)}`,
        x: options.x + col * (optionWidth + SPACE.s),
        y: rowTop,
        width: optionWidth,
        label: option.label,
        description: option.description,
        disabled: option.disabled,
        role: 'radio',
        group: options.id,
        selected: option.value === options.value,
        fontRole,
        maxLines: options.maxLines,
        onClick: () => this.choose(option.value, options.onChange),
      });
      rowHeight = Math.max(rowHeight, button.heightPx);
      this.buttons.push(button);
    });
    this.bottom = rowTop + rowHeight;
    // The group's DOM element goes when its first button is destroyed with the scene.
    this.buttons[0]?.once('destroy', () => this.group.remove());
  }

  get selected(): T {
    return this.value;
  }

  setValue(value: T): void {
    this.value = value;
    for (const b of this.buttons) b.setSelected(b.id.endsWith(`.${String(value)}`));
  }

  /** Moves all the group's objects into a container (for scenes that redraw a layer). */
  addTo(container: Phaser.GameObjects.Container): void {
    if (this.labelText) container.add(this.labelText);
    container.add(this.buttons);
  }

  private choose(value: T, onChange: (value: T) => void): void {
    if (value === this.value) return;
    this.setValue(value);
    onChange(value);
  }
}

/** Radio dot, paddings and a little slack around a label, in game pixels. */
const OPTION_CHROME = 40 + 2 * SPACE.m + SPACE.s;

/** The most columns (up to the asked-for number) in which every label fits on its line. */
function fitColumns<T extends string | number>(
  ui: UiContext,
  options: ChoiceGroupOptions<T>,
  fontRole: 'small' | 'body' | 'label',
): number {
  const probe = ui.scene.make.text({ text: '', style: ui.theme.text(fontRole) }, false);
  let widest = 0;
  for (const o of options.options) widest = Math.max(widest, probe.setText(o.label).width);
  probe.destroy();
  let columns = Math.max(
    1,
    Math.min(options.columns ?? options.options.length, options.options.length),
  );
  while (
    columns > 1 &&
    (options.width - (columns - 1) * SPACE.s) / columns < widest + OPTION_CHROME
  ) {
    columns -= 1;
  }
  // Balanced rows: 4 options in 3 columns become 2 rows of 2.
  const rows = Math.ceil(options.options.length / columns);
  return Math.ceil(options.options.length / rows);
}
