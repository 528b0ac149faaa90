/**
 * Preload: loads the art (theme/assets.ts lists it) behind a progress bar, then tells the app
 * it is ready — from then on `store.screen` picks the scene (see router.ts). A missing or broken
 * file does not stop the game: widgets skip icons whose texture is absent.
 */
import Phaser from 'phaser';
import { GAME_HEIGHT, GAME_WIDTH } from '../render-scale.ts';
import { queueThemeAssets } from '../theme/assets.ts';
import { COLOURS, FONT_FAMILY, RADIUS } from '../theme.ts';
import type { AppServices } from './AppScene.ts';

export class PreloadScene extends Phaser.Scene {
  private readonly app: AppServices;

  constructor(app: AppServices) {
    super({ key: 'Preload' });
    this.app = app;
  }

  preload(): void {
    // Laid out in the 1280×720 design space; the camera zooms to the canvas (render-scale.ts).
    const width = GAME_WIDTH;
    const height = GAME_HEIGHT;
    const scale = this.app.renderScale;
    const barW = 480;
    const barH = 20;
    const x = (width - barW) / 2;
    const y = height / 2;
    this.cameras.main.setBackgroundColor(COLOURS.background);
    if (scale !== 1) this.cameras.main.setZoom(scale).centerOn(width / 2, height / 2);
    this.add
      .text(width / 2, y - 48, 'Oversight', {
        fontFamily: FONT_FAMILY,
        fontSize: '40px',
        resolution: scale,
        fontStyle: 'bold',
        color: COLOURS.text,
      })
      .setOrigin(0.5);
    const label = this.add
      .text(width / 2, y + 44, 'Loading… 0%', {
        fontFamily: FONT_FAMILY,
        fontSize: '18px',
        resolution: scale,
        color: COLOURS.textMuted,
      })
      .setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(2, COLOURS.borderStrong, 1);
    frame.strokeRoundedRect(x, y, barW, barH, RADIUS.s);
    const bar = this.add.graphics();
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => {
      bar.clear();
      bar.fillStyle(COLOURS.focus, 1);
      bar.fillRoundedRect(x + 3, y + 3, Math.max(0, (barW - 6) * p), barH - 6, RADIUS.s - 2);
      label.setText(`Loading… ${Math.round(p * 100)}%`);
    });
    this.load.on(Phaser.Loader.Events.FILE_LOAD_ERROR, (file: Phaser.Loader.File) => {
      console.warn(`[preload] could not load ${file.key}`);
    });
    queueThemeAssets(this.load);
  }

  create(): void {
    this.app.ready();
  }
}
