/**
 * The accessibility layer: real DOM controls laid exactly over the canvas controls they mirror.
 *
 * Every canvas control registers here (the ui/ widgets do it for you). The layer creates a real
 * element with the control's accessible name — a <button> (role button/checkbox/radio/tab/
 * switch), a visible <input> (textbox) or a focusable region holding readable text (text) —
 * positioned over the control's rectangle in GAME coordinates (1280×720), mapped through the
 * canvas's on-page rectangle and recomputed on every resize. The controls are transparent and
 * `pointer-events: none`, so mouse and touch reach the canvas; keyboard users Tab to them and
 * Enter/Space run the same handler as a click. Focus shows a high-contrast ring (styles.css).
 *
 *   const handle = layer.registerControl({ id: 'title.start', label: 'Start', rect, onActivate });
 *   handle.update({ disabled: true }); handle.remove();
 *
 * Tab order is registration order, except that controls of one group sit together where the
 * group was registered: register a screen's sections (role 'group') first and put controls in
 * them, and a part redrawn later keeps its place. A group with `order: 'visual'` keeps its
 * members in reading order (top to bottom, left to right) instead. Groups nest (`parent`).
 * Radio groups and tab lists are one Tab stop with arrow keys inside.
 * Escape runs the newest handler pushed with `pushEscape`. Focus survives a scene restart:
 * if the focused control is removed and one with the same id is registered soon after, it gets
 * the focus back; otherwise the new screen's `autofocus` control (its main action) or its first
 * control does. This only happens when a control had the focus (keyboard and screen-reader
 * users); mouse users' focus is left alone.
 *
 * DOM only, no Phaser import. Text is set with textContent, never innerHTML: scenario text is data.
 */

/** A part of a text region's structured content (ControlSpec.blocks). */
export interface TextBlock {
  kind: 'heading' | 'para' | 'item';
  text: string;
}

export type ControlRole = 'button' | 'checkbox' | 'radio' | 'tab' | 'switch' | 'textbox' | 'text';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ControlSpec {
  /** Stable and unique on screen, e.g. "setup.seat.mayor.human". Also `data-a11y-id` in the DOM. */
  id: string;
  /** The accessible name (what a screen reader says). */
  label: string;
  role?: ControlRole;
  /** Where the control is, in game coordinates. */
  rect: Rect;
  /** Enter/Space/click on the DOM control (not called while disabled). */
  onActivate?: () => void;
  disabled?: boolean;
  /** checkbox/switch/radio/tab: checked/selected. button: aria-pressed when defined. */
  pressed?: boolean;
  /** Id of a group registered with registerGroup (radio groups, tab lists, toolbars). */
  group?: string;
  /** Extra words read after the name (e.g. why a button is disabled). */
  description?: string;
  /** textbox: current value; onInput gets every edit, onActivate runs on Enter. */
  value?: string;
  onInput?: (value: string) => void;
  inputMode?: 'text' | 'numeric';
  /** textbox: the most characters it takes. */
  maxLength?: number;
  /** textbox: font size in game pixels (scaled with the canvas); default 16. */
  fontSize?: number;
  /** text: the full readable content of a scrollable text region. */
  text?: string;
  /**
   * text: its paragraphs (split at blank lines) are the items of a list, as in a game log: a
   * screen reader says how many entries there are and moves through them one by one.
   */
  list?: boolean;
  /**
   * text: the content as headings, paragraphs and list items (a debrief section), instead of one
   * run of words: a screen reader can then jump by heading and hears the lists' lengths.
   */
  blocks?: readonly TextBlock[];
  /** Key presses while focused; return true when handled (e.g. arrows scroll a text panel). */
  onKey?: (key: string) => boolean;
  /** The canvas draws its own focus state from this. */
  onFocusChange?: (focused: boolean) => void;
  /** Who owns the control (a scene key): `removeOwner` removes all of an owner's controls. */
  owner?: string;
  /**
   * The screen's main action: when the focused control disappears (a screen changed), the
   * keyboard focus goes here rather than to the first control.
   */
  autofocus?: boolean;
}

export interface ControlHandle {
  readonly id: string;
  readonly element: HTMLElement;
  update(patch: Partial<Omit<ControlSpec, 'id'>>): void;
  focus(): void;
  remove(): void;
}

export interface GroupSpec {
  id: string;
  label: string;
  /** 'group' also serves as a section that fixes Tab order (register sections first). */
  role?: 'radiogroup' | 'tablist' | 'group' | 'toolbar';
  /** A group to nest in (e.g. a radiogroup inside a screen section). */
  parent?: string;
  /**
   * 'visual': keep the group's members in reading order of their positions (top to bottom,
   * then left to right) whatever order they were registered in. Default: registration order.
   */
  order?: 'registration' | 'visual';
  owner?: string;
}

export interface GroupHandle {
  readonly id: string;
  remove(): void;
}

/** What the layer needs to know about the canvas (main.ts wires Phaser's). */
export interface CanvasGeometry {
  canvas: HTMLCanvasElement;
  /** The game's size in game pixels (1280×720). */
  width: number;
  height: number;
}

interface Entry {
  spec: ControlSpec;
  element: HTMLElement;
  describedBy: HTMLElement | null;
}

/** How long after a focused control disappears a same-id control may take the focus back. */
const REFOCUS_MS = 1500;

export class A11yLayer {
  readonly root: HTMLDivElement;
  private readonly controls = new Map<string, Entry>();
  private readonly groups = new Map<string, { spec: GroupSpec; element: HTMLElement }>();
  private readonly escapeHandlers: (() => void)[] = [];
  private geometry: CanvasGeometry | null = null;
  /** CSS pixels per game pixel of the canvas as last laid out (see relayout). */
  private scale = 1;
  /** Where the layer itself last put the focus (see `unpark`). */
  private parked: HTMLElement | null = null;
  private lost: {
    id: string;
    at: number;
    settleTimer: ReturnType<typeof setTimeout> | null;
  } | null = null;
  private readonly observer: ResizeObserver | null;

  constructor(private readonly host: HTMLElement) {
    this.root = document.createElement('div');
    this.root.className = 'a11y-layer';
    this.root.setAttribute('data-a11y-layer', '');
    host.appendChild(this.root);
    document.addEventListener('keydown', this.onDocumentKey);
    document.addEventListener('keydown', this.onAnyKey, true);
    document.addEventListener('pointerdown', this.onPointer, true);
    window.addEventListener('resize', this.relayout);
    this.observer =
      typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.relayout()) : null;
    this.observer?.observe(host);
  }

  /** Connects the layer to the game canvas; call again if the canvas changes. */
  attach(geometry: CanvasGeometry): void {
    this.geometry = geometry;
    this.observer?.observe(geometry.canvas);
    this.relayout();
  }

  registerGroup(spec: GroupSpec): GroupHandle {
    const existing = this.groups.get(spec.id);
    // Registered again with the same spec (a screen redrawn in parts): keep the element and the
    // members that were not redrawn, and only move it to where a new group would go. The spec
    // object is new, so the handle given out before no longer removes the group.
    if (existing && sameGroup(existing.spec, spec)) {
      const entry = { spec, element: existing.element };
      this.groups.set(spec.id, entry);
      this.moveGroup(existing.element, spec.parent);
      return this.groupHandle(entry);
    }
    if (existing) this.detach(existing.element);
    const element = document.createElement('div');
    element.className = 'a11y-group';
    element.setAttribute('role', spec.role ?? 'group');
    element.setAttribute('aria-label', spec.label);
    element.dataset.a11yGroup = spec.id;
    const entry = { spec, element };
    this.groups.set(spec.id, entry);
    this.insert(element, spec.parent);
    return this.groupHandle(entry);
  }

  /**
   * Registers several groups in turn, as `registerGroup` each would, but leaves the page alone
   * when it already ends with them, unchanged and in this order (a screen redrawn with the same
   * sections): moving them to the end one by one would give the same order, and moving an
   * element makes the browser build and lay out all it holds again — a table's log among it.
   */
  registerGroups(specs: readonly GroupSpec[]): GroupHandle[] {
    const kept = specs.map((spec) => this.groups.get(spec.id));
    const parentId = specs[0]?.parent;
    const parent = (parentId ? this.groups.get(parentId)?.element : undefined) ?? this.root;
    const tail = [...parent.children].slice(-specs.length);
    const inPlace =
      specs.length > 0 &&
      this.groups.get(parentId ?? '')?.spec.order !== 'visual' &&
      specs.every((spec, i) => {
        const existing = kept[i];
        return (
          existing !== undefined &&
          spec.parent === parentId &&
          sameGroup(existing.spec, spec) &&
          tail[i] === existing.element
        );
      });
    if (!inPlace) return specs.map((spec) => this.registerGroup(spec));
    return specs.map((spec, i) => {
      const entry = { spec, element: (kept[i] as { element: HTMLElement }).element };
      this.groups.set(spec.id, entry);
      return this.groupHandle(entry);
    });
  }

  private groupHandle(entry: { spec: GroupSpec; element: HTMLElement }): GroupHandle {
    return {
      id: entry.spec.id,
      remove: () => {
        if (this.groups.get(entry.spec.id) !== entry) return;
        this.groups.delete(entry.spec.id);
        this.detach(entry.element);
      },
    };
  }

  /**
   * Moves a kept group where `insert` would put a new one, keeping the keyboard focus inside it
   * (`moveBefore` moves without blurring; elsewhere the focus is put back).
   */
  private moveGroup(element: HTMLElement, parentId: string | undefined): void {
    const group = parentId ? this.groups.get(parentId) : undefined;
    const parent = group?.element ?? this.root;
    if (group?.spec.order === 'visual') {
      if (element.parentElement !== parent) this.insert(element, parentId);
      return;
    }
    if (parent.lastElementChild === element) return;
    const active = document.activeElement;
    const move = (parent as { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
    if (typeof move === 'function' && element.isConnected && parent.isConnected) {
      move.call(parent, element, null);
    } else {
      parent.appendChild(element);
    }
    if (
      active instanceof HTMLElement &&
      element.contains(active) &&
      document.activeElement !== active
    ) {
      active.focus();
    }
  }

  registerControl(spec: ControlSpec): ControlHandle {
    // A control registered again under its id replaces the old one, description and all.
    const replaced = this.controls.get(spec.id);
    replaced?.element.remove();
    replaced?.describedBy?.remove();
    const element = this.createElement(spec);
    const entry: Entry = { spec: { ...spec }, element, describedBy: null };
    this.controls.set(spec.id, entry);
    this.insert(element, spec.group);
    // A nested group takes its reading position from its first control: place it again.
    const group = spec.group ? this.groups.get(spec.group) : undefined;
    if (group?.spec.parent) this.insert(group.element, group.spec.parent);
    this.apply(entry);
    this.position(entry);
    this.restoreFocus(spec.id, element);
    this.unpark(entry);
    return {
      id: spec.id,
      element,
      update: (patch) => {
        const current = this.controls.get(spec.id);
        if (!current || current.element !== element) return;
        current.spec = { ...current.spec, ...patch };
        this.apply(current);
        if (patch.rect) {
          this.position(current);
          this.insert(element, current.spec.group);
        }
      },
      focus: () => element.focus(),
      remove: () => this.removeControl(spec.id, element),
    };
  }

  /** Removes every control and group of an owner (scenes do this on SHUTDOWN). */
  removeOwner(owner: string): void {
    for (const [id, entry] of [...this.controls]) {
      if (entry.spec.owner === owner) this.removeControl(id, entry.element);
    }
    for (const [id, group] of [...this.groups]) {
      if (group.spec.owner === owner) {
        this.groups.delete(id);
        this.detach(group.element);
      }
    }
  }

  /** Escape runs the newest handler; the returned function removes it. */
  pushEscape(handler: () => void): () => void {
    this.escapeHandlers.push(handler);
    return () => {
      const i = this.escapeHandlers.lastIndexOf(handler);
      if (i >= 0) this.escapeHandlers.splice(i, 1);
    };
  }

  focus(id: string): boolean {
    const entry = this.controls.get(id);
    if (!entry) return false;
    entry.element.focus();
    return true;
  }

  /** Ids of the registered controls in Tab order (tests, debugging). */
  ids(): string[] {
    return [...this.root.querySelectorAll<HTMLElement>('[data-a11y-id]')].map(
      (e) => e.dataset.a11yId ?? '',
    );
  }

  /** Recomputes every position (window resize, Phaser scale change). */
  readonly relayout = (): void => {
    const g = this.geometry;
    if (!g) return;
    const canvas = g.canvas.getBoundingClientRect();
    const host = this.host.getBoundingClientRect();
    this.scale = canvas.width / g.width;
    Object.assign(this.root.style, {
      left: `${canvas.left - host.left}px`,
      top: `${canvas.top - host.top}px`,
      width: `${canvas.width}px`,
      height: `${canvas.height}px`,
    });
    for (const entry of this.controls.values()) this.position(entry);
  };

  destroy(): void {
    document.removeEventListener('keydown', this.onDocumentKey);
    document.removeEventListener('keydown', this.onAnyKey, true);
    document.removeEventListener('pointerdown', this.onPointer, true);
    window.removeEventListener('resize', this.relayout);
    this.observer?.disconnect();
    this.root.remove();
    this.controls.clear();
    this.groups.clear();
  }

  // ——— internals ———

  private createElement(spec: ControlSpec): HTMLElement {
    const role = spec.role ?? 'button';
    let element: HTMLElement;
    if (role === 'textbox') {
      const input = document.createElement('input');
      input.type = 'text';
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.addEventListener('input', () => {
        const entry = this.controls.get(spec.id);
        if (!entry) return;
        entry.spec.value = input.value; // what the person typed is the value now
        entry.spec.onInput?.(input.value);
      });
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          this.activate(spec.id);
        }
      });
      element = input;
    } else if (role === 'text') {
      element = document.createElement('div');
      element.tabIndex = 0;
      element.setAttribute('role', 'region');
    } else {
      const button = document.createElement('button');
      button.type = 'button';
      if (role !== 'button') button.setAttribute('role', role);
      // A click is what Enter and Space produce on a <button>, and what an assistive
      // technology sends: all three run the control's handler.
      button.addEventListener('click', (event) => {
        event.preventDefault();
        this.activate(spec.id);
      });
      element = button;
    }
    element.classList.add('a11y-control', `a11y-${role}`);
    element.dataset.a11yId = spec.id;
    element.addEventListener('keydown', (event) => this.onControlKey(spec.id, event));
    // The canvas ring follows :focus-visible: shown for the keyboard, not after a click or tap.
    element.addEventListener('focus', () =>
      this.controls.get(spec.id)?.spec.onFocusChange?.(this.keyboardInput),
    );
    element.addEventListener('blur', () => this.controls.get(spec.id)?.spec.onFocusChange?.(false));
    return element;
  }

  /** Puts an element in its group (or the root), in reading order if the group asks for it. */
  private insert(element: HTMLElement, groupId: string | undefined): void {
    const group = groupId ? this.groups.get(groupId) : undefined;
    const parent = group?.element ?? this.root;
    if (group?.spec.order !== 'visual') {
      if (element.parentElement !== parent) parent.appendChild(element);
      return;
    }
    const at = this.readingPosition(element);
    const siblings = [...parent.children].filter((c) => c !== element) as HTMLElement[];
    const next = siblings.find((c) => {
      const p = this.readingPosition(c);
      return (
        p !== null && at !== null && (p.y > at.y + 1 || (Math.abs(p.y - at.y) <= 1 && p.x > at.x))
      );
    });
    // Already in its place: moving it anyway would take the focus from it.
    if (element.parentElement === parent && element.nextElementSibling === (next ?? null)) return;
    // A focused element that moves loses the focus (to <body>, and nothing is removed for
    // `restoreFocus` to notice): it gets it back.
    const focused = element.contains(document.activeElement);
    const active = document.activeElement;
    parent.insertBefore(element, next ?? null);
    if (focused && active instanceof HTMLElement) active.focus({ preventScroll: true });
  }

  /** A control's top-left, or a group's first control's; null when it has none yet. */
  private readingPosition(element: HTMLElement): { x: number; y: number } | null {
    const id = element.dataset.a11yId;
    if (id) {
      const rect = this.controls.get(id)?.spec.rect;
      return rect ? { x: rect.x, y: rect.y } : null;
    }
    const first = element.querySelector<HTMLElement>('[data-a11y-id]');
    return first ? this.readingPosition(first) : null;
  }

  private apply(entry: Entry): void {
    const { spec, element } = entry;
    const role = spec.role ?? 'button';
    if (spec.autofocus && element.dataset.autofocus === undefined) element.dataset.autofocus = '';
    if (!spec.autofocus && element.dataset.autofocus !== undefined)
      delete element.dataset.autofocus;
    if (element instanceof HTMLInputElement) {
      element.setAttribute('aria-label', spec.label);
      element.inputMode = spec.inputMode ?? 'text';
      if (spec.maxLength !== undefined) element.maxLength = spec.maxLength;
      if (spec.value !== undefined && element.value !== spec.value) element.value = spec.value;
      element.disabled = spec.disabled ?? false;
    } else if (role === 'text') {
      // Set again on every move: only a change touches the DOM.
      if (element.getAttribute('aria-label') !== spec.label) {
        element.setAttribute('aria-label', spec.label);
      }
      if (spec.blocks) setBlocks(element, spec.blocks);
      else if (spec.list) setListItems(element, (spec.text ?? '').split(/\n{2,}/));
      else setText(element, spec.text ?? '');
    } else {
      setText(element, spec.label);
      element.setAttribute('aria-disabled', spec.disabled ? 'true' : 'false');
      if (role === 'button') {
        if (spec.pressed === undefined) element.removeAttribute('aria-pressed');
        else element.setAttribute('aria-pressed', String(spec.pressed));
      } else if (role === 'tab') {
        element.setAttribute('aria-selected', String(spec.pressed ?? false));
      } else {
        element.setAttribute('aria-checked', String(spec.pressed ?? false));
      }
    }
    this.describe(entry);
    if (spec.group) this.updateRoving(spec.group);
  }

  private describe(entry: Entry): void {
    const text = entry.spec.description ?? '';
    if (!text) {
      entry.describedBy?.remove();
      entry.describedBy = null;
      entry.element.removeAttribute('aria-describedby');
      return;
    }
    if (!entry.describedBy) {
      entry.describedBy = document.createElement('span');
      entry.describedBy.className = 'sr-only';
      // Read as the control's description only, not again as loose text of the page (a
      // description may come from a hidden element).
      entry.describedBy.hidden = true;
      entry.describedBy.id = `a11y-desc-${cssId(entry.spec.id)}`;
      this.root.appendChild(entry.describedBy);
    }
    // Set again on every move: only a change touches the DOM.
    if (entry.describedBy.textContent !== text) entry.describedBy.textContent = text;
    entry.element.setAttribute('aria-describedby', entry.describedBy.id);
  }

  private position(entry: Entry): void {
    const { x, y, width, height } = entry.spec.rect;
    // Measured in relayout (every resize of the canvas or the page calls it): reading the
    // canvas's box here, after each new control went into the DOM, forced a layout per control.
    const scale = this.geometry ? this.scale : 1;
    Object.assign(entry.element.style, {
      left: `${x * scale}px`,
      top: `${y * scale}px`,
      width: `${Math.max(1, width * scale)}px`,
      height: `${Math.max(1, height * scale)}px`,
      fontSize: `${Math.max(10, Math.round((entry.spec.fontSize ?? 16) * scale))}px`,
    });
  }

  /** Radio groups and tab lists are one Tab stop: the selected (or first) item. */
  private updateRoving(groupId: string): void {
    const group = this.groups.get(groupId);
    if (!group || (group.spec.role !== 'radiogroup' && group.spec.role !== 'tablist')) return;
    const members = this.members(groupId);
    const current = members.find((e) => e.spec.pressed && !e.spec.disabled) ?? members[0];
    for (const e of members) e.element.tabIndex = e === current ? 0 : -1;
  }

  private members(groupId: string): Entry[] {
    const group = this.groups.get(groupId);
    if (!group) return [];
    const order = [...group.element.querySelectorAll<HTMLElement>('[data-a11y-id]')];
    return order
      .map((el) => this.controls.get(el.dataset.a11yId ?? ''))
      .filter((e): e is Entry => e !== undefined);
  }

  private activate(id: string): void {
    const entry = this.controls.get(id);
    if (!entry || entry.spec.disabled) return;
    entry.spec.onActivate?.();
  }

  private onControlKey(id: string, event: KeyboardEvent): void {
    const entry = this.controls.get(id);
    if (!entry) return;
    // A held Enter repeats, and a button clicks on each: one press is one action (in
    // pass-and-play, a held Enter on Pass went on through the next player's hand-off screen).
    if (event.repeat && event.key === 'Enter' && entry.element instanceof HTMLButtonElement) {
      event.preventDefault();
      return;
    }
    if (entry.spec.onKey?.(event.key)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const groupId = entry.spec.group;
    const group = groupId ? this.groups.get(groupId) : undefined;
    if (!group || (group.spec.role !== 'radiogroup' && group.spec.role !== 'tablist')) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const members = this.members(group.spec.id).filter((e) => !e.spec.disabled);
    let target: Entry | undefined;
    if (step !== undefined) {
      const i = members.indexOf(entry);
      target = members[(i + step + members.length) % members.length];
    } else if (event.key === 'Home') target = members[0];
    else if (event.key === 'End') target = members.at(-1);
    if (!target) return;
    event.preventDefault();
    target.element.focus();
    target.spec.onActivate?.();
  }

  /**
   * The last input was a key (true) or a pointer (false): like the browser's :focus-visible,
   * focus rings show for keyboard users only. A key press while a control has the focus shows
   * its ring at once; a click or tap hides it. Starts true, so focus given before any input (or
   * by assistive technology without a pointer) is visible.
   */
  private keyboardInput = true;

  /** Whether focus rings show now (the last input was the keyboard). */
  get focusVisible(): boolean {
    return this.keyboardInput;
  }

  private setKeyboardInput(keyboard: boolean): void {
    if (this.keyboardInput === keyboard) return;
    this.keyboardInput = keyboard;
    this.root.classList.toggle('a11y-pointer-input', !keyboard);
    const active = document.activeElement;
    for (const entry of this.controls.values()) {
      if (entry.element === active) entry.spec.onFocusChange?.(keyboard);
    }
  }

  private readonly onAnyKey = (event: KeyboardEvent): void => {
    // Modifier keys alone (e.g. Ctrl for zoom, Shift before a click) are not keyboard navigation.
    if (
      event.key === 'Shift' ||
      event.key === 'Control' ||
      event.key === 'Alt' ||
      event.key === 'Meta'
    )
      return;
    this.setKeyboardInput(true);
  };

  private readonly onPointer = (event: PointerEvent): void => {
    this.setKeyboardInput(false);
    this.focusUnder(event);
  };

  /**
   * A click or tap on the canvas moves the keyboard focus as a click on a page does: to the
   * control under it (the smallest, when a region holds it), or off the layer's controls when
   * there is none. Phaser stops the browser from doing so, and the focus stayed where the
   * keyboard had left it: the next Tab went on from there, and Enter pressed that control
   * (Pause) rather than the one just clicked. No ring shows: the last input was a pointer.
   */
  private focusUnder(event: PointerEvent): void {
    const g = this.geometry;
    if (!g || event.target !== g.canvas || this.scale <= 0) return;
    const box = g.canvas.getBoundingClientRect();
    const x = (event.clientX - box.left) / this.scale;
    const y = (event.clientY - box.top) / this.scale;
    let hit: Entry | null = null;
    let hitArea = Number.POSITIVE_INFINITY;
    for (const entry of this.controls.values()) {
      const r = entry.spec.rect;
      if (x < r.x || y < r.y || x > r.x + r.width || y > r.y + r.height) continue;
      const area = r.width * r.height;
      if (area < hitArea) {
        hit = entry;
        hitArea = area;
      }
    }
    const active = document.activeElement;
    if (hit) {
      if (hit.element !== active) hit.element.focus({ preventScroll: true });
    } else if (active instanceof HTMLElement && this.root.contains(active)) {
      active.blur();
    }
  }

  private readonly onDocumentKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const handler = this.escapeHandlers.at(-1);
    if (!handler) return;
    event.preventDefault();
    handler();
  };

  private removeControl(id: string, element: HTMLElement): void {
    const entry = this.controls.get(id);
    if (!entry || entry.element !== element) return;
    const hadFocus = document.activeElement === element;
    this.controls.delete(id);
    entry.describedBy?.remove();
    element.remove();
    if (entry.spec.group) this.updateRoving(entry.spec.group);
    if (hadFocus) this.rememberLostFocus(id);
  }

  /** Removes a group's element; if it held the focus, remember which control had it. */
  private detach(element: HTMLElement): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && element.contains(active) && active.dataset.a11yId) {
      this.rememberLostFocus(active.dataset.a11yId);
    }
    element.remove();
  }

  private rememberLostFocus(id: string): void {
    if (this.lost?.settleTimer) clearTimeout(this.lost.settleTimer);
    this.lost = { id, at: Date.now(), settleTimer: null };
  }

  /**
   * Focus the layer put on a text region by itself (after the focused control went away) moves
   * on to a screen's main action when one appears, unless the user has moved it since: a
   * keyboard user left on "the table" while others play gets Support or Propose when their
   * turn comes.
   */
  private unpark(entry: Entry): void {
    const parked = this.parked;
    if (!parked) return;
    if (document.activeElement !== parked || !parked.classList.contains('a11y-text')) {
      this.parked = null;
      return;
    }
    if (!entry.spec.autofocus || entry.element === parked || entry.spec.disabled) return;
    this.parked = null;
    entry.element.focus();
  }

  /**
   * After a focused control is removed (a scene restarted or changed), give the focus to the
   * control with the same id, or — once the new screen has registered its controls — to the
   * first one, so a keyboard user is never left on <body>.
   */
  private restoreFocus(id: string, element: HTMLElement): void {
    const lost = this.lost;
    if (!lost) return;
    if (Date.now() - lost.at > REFOCUS_MS) {
      this.lost = null;
      return;
    }
    if (lost.id === id) {
      if (lost.settleTimer) clearTimeout(lost.settleTimer);
      this.lost = null;
      element.focus();
      return;
    }
    if (!lost.settleTimer) {
      lost.settleTimer = setTimeout(() => {
        if (this.lost !== lost) return;
        this.lost = null;
        const active = document.activeElement;
        // Someone (or something) already put the focus somewhere: leave it there.
        if (active && active !== document.body) return;
        const target =
          this.root.querySelector<HTMLElement>('[data-autofocus]:not([aria-disabled="true"])') ??
          this.root.querySelector<HTMLElement>(
            '.a11y-control:not([tabindex="-1"]):not([disabled])',
          );
        target?.focus();
        this.parked = target ?? null;
      }, 0);
    }
  }
}

function cssId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '_');
}

function sameGroup(a: GroupSpec, b: GroupSpec): boolean {
  return (
    a.label === b.label &&
    (a.role ?? 'group') === (b.role ?? 'group') &&
    a.parent === b.parent &&
    (a.order ?? 'registration') === (b.order ?? 'registration') &&
    a.owner === b.owner
  );
}

function newList(): HTMLUListElement {
  const list = document.createElement('ul');
  list.className = 'a11y-list';
  // Said explicitly: some browsers drop a list's role when its bullets are styled away.
  list.setAttribute('role', 'list');
  return list;
}

/** The structure each region was last given (to touch the DOM only when it changes). */
const shownBlocks = new WeakMap<HTMLElement, string>();

/** A region's content as headings, paragraphs and lists (consecutive items make one list). */
function setBlocks(element: HTMLElement, blocks: readonly TextBlock[]): void {
  const key = blocks.map((b) => `${b.kind}\u0000${b.text}`).join('\u0001');
  if (shownBlocks.get(element) === key) return;
  shownBlocks.set(element, key);
  const nodes: HTMLElement[] = [];
  let list: HTMLUListElement | null = null;
  for (const block of blocks) {
    if (block.kind === 'item') {
      if (!list) {
        list = newList();
        nodes.push(list);
      }
      const li = document.createElement('li');
      li.textContent = block.text;
      list.append(li);
      continue;
    }
    list = null;
    // Under the screen's own heading, the one h1 (heading.ts).
    const node = document.createElement(block.kind === 'heading' ? 'h2' : 'p');
    node.textContent = block.text;
    nodes.push(node);
  }
  element.replaceChildren(...nodes);
}

/** A list region's items, as `setText` does for words: only what changed touches the DOM. */
function setListItems(element: HTMLElement, items: readonly string[]): void {
  shownBlocks.delete(element);
  let list = element.firstElementChild;
  if (!(list instanceof HTMLUListElement)) {
    list = newList();
    element.replaceChildren(list);
  }
  const shown = list.children;
  // A log only grows: keep the entries already there, add the new ones.
  let same = 0;
  while (same < shown.length && same < items.length && shown[same]?.textContent === items[same])
    same++;
  while (shown.length > same) shown[shown.length - 1]?.remove();
  for (const item of items.slice(same)) {
    const li = document.createElement('li');
    li.textContent = item;
    list.append(li);
  }
}

/**
 * Sets an element's words, touching the DOM only when they change, and only adding the new part
 * to a text that grew: the game log's twin grows with every move, and replacing all its words
 * had the browser lay out and shape the whole log again each time.
 */
function setText(element: HTMLElement, text: string): void {
  shownBlocks.delete(element);
  // Lists or headings there before: replaced, never added to.
  if (element.firstElementChild) {
    element.textContent = text;
    return;
  }
  const old = element.textContent ?? '';
  if (old === text) return;
  if (old !== '' && text.startsWith(old)) element.append(text.slice(old.length));
  else element.textContent = text;
}
