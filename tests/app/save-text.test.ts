import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  BROWSER_SAVE_FORMAT,
  BROWSER_SAVE_VERSION,
  readBrowserSave,
  saveText,
  type TableInfo,
} from '../../src/app/save.ts';
import { nextAutomaticAction } from '../../src/bots/autoplay.ts';
import { seatsFor } from '../../src/flow/bot-game.ts';
import { gameMachine } from '../../src/flow/machine.ts';
import { saveGame } from '../../src/flow/persistence.ts';
import { fixtureScenario } from '../fixtures/load.ts';

const scenario = fixtureScenario('table');
const table: TableInfo = {
  mode: 'solo',
  seats: Object.fromEntries(scenario.roles.map((r) => [r.id, 'normal'])),
  briefed: [],
  holder: null,
};

describe('the autosave text', () => {
  it('is JSON.stringify of the save, to the byte, at every move of a game, and reads back', () => {
    const actor = createActor(gameMachine, { input: { scenario, seed: 5 } }).start();
    const seats = seatsFor(scenario, 'normal');
    const now = new Date('2026-11-27T10:00:00.000Z');
    for (let step = 0; step < 200 && actor.getSnapshot().status !== 'done'; step++) {
      const text = saveText(actor, table, now);
      const plain = JSON.stringify({
        format: BROWSER_SAVE_FORMAT,
        version: BROWSER_SAVE_VERSION,
        savedAt: now.toISOString(),
        ...table,
        game: saveGame(actor),
      });
      expect(text).toBe(plain);
      const action = nextAutomaticAction(scenario, actor.getSnapshot().context.game, seats, {
        advanceScreens: true,
      });
      if (!action) break;
      actor.send(action);
    }
    expect(actor.getSnapshot().status).toBe('done');
    const read = readBrowserSave(saveText(actor, table, now));
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.actor.getSnapshot().context.game).toEqual(actor.getSnapshot().context.game);
    }
  });
});
