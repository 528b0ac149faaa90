/**
 * The scenes of the end of a game: the aftermath and the debrief (with its timeline and
 * exports). Nobody needs them before a game is decided, so they are a download of their own,
 * fetched once the title is up rather than before it (router.ts: LATER_SCENES).
 */
import type Phaser from 'phaser';
import { AftermathScene } from './scenes/AftermathScene.ts';
import type { AppServices } from './scenes/AppScene.ts';
import { DebriefScene } from './scenes/DebriefScene.ts';

export function createLaterScenes(app: AppServices): { key: string; scene: Phaser.Scene }[] {
  return [
    { key: 'Aftermath', scene: new AftermathScene(app) },
    { key: 'Debrief', scene: new DebriefScene(app) },
  ];
}
