/**
 * The scenes of the end of a game: the public stances and the decision, the aftermath and the
 * debrief (with its timeline and exports). Nobody needs them before the last round is over, so
 * they are a download of their own, fetched once the title is up rather than before it
 * (router.ts: LATER_SCENES).
 */
import type Phaser from 'phaser';
import { AftermathScene } from './scenes/AftermathScene.ts';
import type { AppServices } from './scenes/AppScene.ts';
import { DebriefScene } from './scenes/DebriefScene.ts';
import { DecisionScene } from './scenes/DecisionScene.ts';

export function createLaterScenes(app: AppServices): { key: string; scene: Phaser.Scene }[] {
  return [
    { key: 'Decision', scene: new DecisionScene(app) },
    { key: 'Aftermath', scene: new AftermathScene(app) },
    { key: 'Debrief', scene: new DebriefScene(app) },
  ];
}
