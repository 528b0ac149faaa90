/**
 * The in-game scenes (briefing → debrief). They import the rules (for legal moves, scores and
 * the log's wording), so they travel in the engine chunk with the session and are added to the
 * running Phaser game when it lands (main.ts). Title and Setup are in the first chunk; the
 * stances and decision, the aftermath and the debrief come later (later-scenes.ts).
 * To replace a screen, change the class here; the key must stay (router.ts maps screens to keys).
 */
import type Phaser from 'phaser';
import type { AppServices } from './scenes/AppScene.ts';
import { BriefingScene } from './scenes/BriefingScene.ts';
import { TableScene } from './scenes/TableScene.ts';

export function createGameScenes(app: AppServices): { key: string; scene: Phaser.Scene }[] {
  return [
    { key: 'Briefing', scene: new BriefingScene(app) },
    { key: 'Table', scene: new TableScene(app) },
  ];
}
