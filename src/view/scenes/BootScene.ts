/** Boot: the first scene. Nothing to load yet; it hands over to Preload at once. */
import Phaser from 'phaser';
import { COLOURS } from '../theme.ts';

export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: 'Boot' });
  }

  create(): void {
    this.cameras.main.setBackgroundColor(COLOURS.background);
    this.scene.start('Preload');
  }
}
