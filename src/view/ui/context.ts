/**
 * What every widget needs: the scene it draws in, the accessibility layer it registers its DOM
 * twin with, the theme, and an owner (the scene key) so a scene's SHUTDOWN removes all its
 * controls. Scenes get one as `this.ui` (see scenes/AppScene.ts).
 */
import type Phaser from 'phaser';
import type { A11yLayer } from '../a11y/layer.ts';
import type { Theme } from '../theme.ts';

export interface UiContext {
  scene: Phaser.Scene;
  a11y: A11yLayer;
  theme: Theme;
  /** The owning scene's key. */
  owner: string;
}
