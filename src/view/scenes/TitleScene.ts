/**
 * Title: pick a scenario (shipped or opened from a file), start a new game or continue the
 * saved one; Settings (text size, projector mode, reduced motion, sound) open in a dialog and
 * apply at once: text size and projector mode restart the scene through the router (the dialog
 * stays open), motion and sound apply in place. A bad scenario file opens the DOM problems
 * panel (dom/open-errors-panel.ts); the page keeps working.
 *
 * Layout flows from measured heights, so enlarged text pushes things down instead of
 * overlapping them.
 */
import type Phaser from 'phaser';
import { phaseWords } from '../../app/phase-words.ts';
import { openRoleCards } from '../../print/link.ts';
import { createScenarioFilePicker } from '../dom/file-picker.ts';
import { COLOURS, SPACE } from '../theme.ts';
import { Button } from '../ui/Button.ts';
import { ChoiceGroup } from '../ui/ChoiceGroup.ts';
import { ScrollText } from '../ui/ScrollText.ts';
import { addSettingsPanel } from '../ui/SettingsPanel.ts';
import { AppScene, type AppServices, type SceneData } from './AppScene.ts';

const LEFT = 64;
const LEFT_W = 560;
const RIGHT = LEFT + LEFT_W + SPACE.xl;
const RIGHT_W = 1280 - RIGHT - LEFT;
const MARGIN = SPACE.l;

export class TitleScene extends AppScene {
  /** Where the columns start, below the heading. */
  private top = 160;
  private settingsOpen = false;
  /** "Delete save" was pressed once: the next press deletes (for a few seconds). */
  private confirmDelete = false;
  private openFile: () => void = () => undefined;

  constructor(app: AppServices) {
    super('Title', app);
  }

  init(data?: SceneData): void {
    // A restart for a settings change keeps the dialog open; arriving from elsewhere closes it.
    if (!data?.restarted) this.settingsOpen = false;
  }

  protected build(): void {
    // A press of Delete save waits for its second one on this showing of the title only.
    this.confirmDelete = false;
    const picker = createScenarioFilePicker(document.body, this.app.store);
    this.addCleanup(() => picker.destroy());
    this.openFile = picker.open;
    // Two columns: Tab follows registration (left column, then the summary on the right).
    this.section('title.main', 'Game', 'registration');
    this.onEscape(() => {
      if (this.settingsOpen) this.toggleSettings(false);
    });
    this.watch(
      (s) => [s.catalogue, s.setup.scenarioKey, s.savedGameSummary, s.notice, s.loaded] as const,
      () => this.draw(),
      { equal: (a, b) => a.every((v, i) => v === b[i]) },
    );
    this.draw();
  }

  private toggleSettings(open: boolean): void {
    this.settingsOpen = open;
    this.draw();
    this.app.a11y.focus(open ? 'settings.done' : 'title.settings');
  }

  private draw(): void {
    this.redraw((layer) => {
      this.drawHeader(layer);
      if (this.settingsOpen) this.drawSettings(layer);
      else this.drawMain(layer);
    });
  }

  private drawHeader(layer: Phaser.GameObjects.Container): void {
    const title = this.add.text(LEFT + 72, 28, 'Oversight', this.theme.text('h1'));
    layer.add(title);
    if (this.textures.exists('logo')) {
      layer.add(
        this.add.image(LEFT + 28, title.y + title.height / 2, 'logo').setDisplaySize(56, 56),
      );
    }
    const settings = new Button(this.ui, {
      id: 'title.settings',
      group: 'title.main',
      x: 1280 - LEFT - 220,
      y: 28,
      width: 220,
      label: 'Settings',
      icon: 'icon:settings',
      variant: 'quiet',
      selected: this.settingsOpen,
      onClick: () => this.toggleSettings(!this.settingsOpen),
    });
    layer.add(settings);
    const subtitle = this.add.text(
      LEFT,
      Math.max(title.y + title.height, settings.bottom) + SPACE.s,
      'A civics game about police data technology: trade promises, then decide.',
      this.theme.text('body', { color: COLOURS.textMuted, wrap: 1280 - 2 * LEFT }),
    );
    layer.add(subtitle);
    this.top = subtitle.y + subtitle.height + SPACE.l;
  }

  private drawMain(layer: Phaser.GameObjects.Container): void {
    const s = this.state;
    const height = this.area.height;
    let y = this.top;
    if (s.notice) {
      const notice = this.add.text(LEFT, y, `⚠ ${s.notice.text}`, {
        ...this.theme.text('body', { wrap: 1280 - 2 * LEFT, color: COLOURS.textError }),
      });
      layer.add(notice);
      // Readable by a screen reader too (a message said before it was listening is still here).
      const twin = this.app.a11y.registerControl({
        id: 'title.notice',
        label: 'Notice',
        role: 'text',
        rect: { x: LEFT, y, width: notice.width, height: notice.height },
        text: s.notice.text,
        group: 'title.main',
        owner: this.scene.key,
      });
      notice.once('destroy', () => twin.remove());
      y += notice.height + SPACE.m;
    }
    const columnsTop = y;

    const saved = s.savedGameSummary;
    // Large text with a saved game: shorter labels and no "Scenario" heading (the choices are
    // named for screen readers anyway), or New game would be pushed off the screen.
    const compact = saved !== null && this.theme.font.factor > 1.2;
    if (saved) {
      const where = saved.finished
        ? 'finished — Continue shows the debrief'
        : saved.round > 0
          ? `round ${saved.round} of ${saved.roundsTotal}, ${phaseWords(saved.phase)}`
          : phaseWords(saved.phase);
      const cont = new Button(this.ui, {
        id: 'title.continue',
        autofocus: true,
        group: 'title.main',
        x: LEFT,
        y,
        width: LEFT_W - 200 - SPACE.s,
        label: compact ? 'Continue' : 'Continue saved game',
        ariaLabel: 'Continue saved game',
        description: `${saved.scenarioTitle}, ${where}, ${saved.mode}.`,
        icon: 'icon:play',
        variant: 'primary',
        onClick: () => {
          this.app.session.continueSaved();
        },
      });
      const del = new Button(this.ui, {
        id: 'title.delete-save',
        group: 'title.main',
        x: LEFT + LEFT_W - 200,
        y,
        width: 200,
        // A saved game is a lesson's work: deleted at the second press only.
        label: this.confirmDelete ? (compact ? 'Delete?' : 'Really delete?') : 'Delete save',
        ariaLabel: this.confirmDelete ? 'Delete save: press again to delete it' : 'Delete save',
        variant: this.confirmDelete ? 'danger' : 'quiet',
        onClick: () => {
          if (this.confirmDelete) {
            this.confirmDelete = false;
            this.app.session.clearSave();
            this.state.announce('The saved game is deleted.');
            return;
          }
          this.confirmDelete = true;
          this.draw();
          this.state.announce('Press Delete save again to delete the saved game for good.');
          this.time.delayedCall(6000, () => {
            if (!this.confirmDelete) return;
            this.confirmDelete = false;
            this.draw();
          });
        },
      });
      layer.add([cont, del]);
      y = Math.max(cont.bottom, del.bottom) + SPACE.xs;
      const line = this.add.text(LEFT, y, `${saved.scenarioTitle}: ${where} (${saved.mode})`, {
        ...this.theme.text('small', { color: COLOURS.textMuted, wrap: LEFT_W }),
      });
      layer.add(line);
      y += line.height + SPACE.l;
    }

    if (!compact) {
      const heading = this.add.text(LEFT, y, 'Scenario', this.theme.text('h3'));
      layer.add(heading);
      y += heading.height + SPACE.s;
    }
    const entries = s.catalogue;
    if (entries.length > 0) {
      const choice = new ChoiceGroup<string>(this.ui, {
        id: 'title.scenario',
        parent: 'title.main',
        label: 'Scenario',
        showLabel: false,
        x: LEFT,
        y,
        width: LEFT_W,
        columns: 1,
        // One line each (the summary beside the list gives the whole title): an opened file's
        // name comes first, so a long title cannot push it out of sight.
        maxLines: 1,
        options: entries.map((e) => ({
          value: e.key,
          label: `${e.source === 'file' ? `From ${e.fileName}: ` : ''}${e.scenario.title.text}`,
        })),
        value: s.setup.scenarioKey ?? entries[0]?.key ?? '',
        onChange: (key) => this.state.selectScenario(key),
      });
      choice.addTo(layer);
      y = choice.bottom + SPACE.m;
    } else {
      const loading = this.add.text(
        LEFT,
        y,
        s.loaded ? 'No scenario loaded.' : 'Loading scenarios…',
        {
          ...this.theme.text('body', { color: COLOURS.textMuted }),
        },
      );
      layer.add(loading);
      y += loading.height + SPACE.m;
    }
    const chosen = entries.find((e) => e.key === s.setup.scenarioKey);
    const halfW = (LEFT_W - SPACE.s) / 2;
    const open = new Button(this.ui, {
      id: 'title.open-file',
      group: 'title.main',
      x: LEFT,
      y,
      width: halfW,
      label: compact ? 'Open a file…' : 'Open a scenario file…',
      // The words on screen start the name (WCAG 2.5.3: a voice user says what they see).
      ariaLabel: compact ? 'Open a file… (a scenario file)' : 'Open a scenario file…',
      icon: 'icon:open',
      onClick: () => this.openFile(),
    });
    // The printable role cards (print.html): a page of its own, for the teacher.
    const print = new Button(this.ui, {
      id: 'title.print-roles',
      group: 'title.main',
      x: LEFT + halfW + SPACE.s,
      y,
      width: halfW,
      label: compact ? 'Role cards' : 'Print role cards',
      ariaLabel: 'Print role cards',
      description: 'Opens a printable page with one card per role of the chosen scenario.',
      icon: 'icon:print',
      disabled: !chosen,
      disabledReason: 'Choose a scenario first.',
      onClick: () => {
        if (chosen) openRoleCards(chosen);
      },
    });
    layer.add([open, print]);

    const start = new Button(this.ui, {
      id: 'title.new-game',
      autofocus: true,
      group: 'title.main',
      x: LEFT,
      y: 0,
      width: LEFT_W,
      label: 'New game',
      icon: 'icon:next',
      variant: saved ? 'secondary' : 'primary',
      disabled: !chosen,
      disabledReason: s.loaded ? 'Choose a scenario first.' : 'The scenarios are still loading.',
      onClick: () => this.state.setScreen('setup'),
    });
    const above = Math.max(open.bottom, print.bottom);
    start.place(LEFT, Math.max(above + SPACE.m, height - MARGIN - start.heightPx));
    layer.add(start);

    if (chosen) {
      const c = chosen.scenario;
      layer.add(
        new ScrollText(this.ui, {
          id: 'title.summary',
          group: 'title.main',
          label: `About: ${c.title.text}`,
          x: RIGHT,
          y: columnsTop,
          width: RIGHT_W,
          height: height - MARGIN - columnsTop,
          text: `${c.title.text}\n${c.place.text} · ${c.period.text} · ${c.roles.length} roles\n\n${c.summary.text}`,
          fontRole: 'body',
        }),
      );
    }
  }

  private drawSettings(layer: Phaser.GameObjects.Container): void {
    // It stands in for the scenario list, not over it.
    addSettingsPanel(this.ui, layer, {
      x: LEFT,
      y: this.top,
      width: 1280 - 2 * LEFT,
      maxBottom: this.area.height - MARGIN,
      group: 'title.main',
      settings: this.state.settings,
      onChange: (patch) => this.state.updateSettings(patch),
      onDone: () => this.toggleSettings(false),
    });
  }
}
