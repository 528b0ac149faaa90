/**
 * nextAutomaticAction: who moves automatically. Bot seats move on their turn, people are waited
 * for, screens are acknowledged automatically only at an all-bot table (or when asked).
 */
import { describe, expect, it } from 'vitest';
import { nextAutomaticAction } from '../../src/bots/autoplay.ts';
import type { Seats } from '../../src/bots/types.ts';
import { Script } from '../support/games.ts';
import { table } from '../support/scenarios.ts';

const scenario = table(); // turn order: police, vendor, rights, mayor; mayor decides
const bots: Seats = { mayor: 'normal', police: 'normal', vendor: 'hard', rights: 'easy' };
const withHuman: Seats = { ...bots, vendor: 'human' };

describe('nextAutomaticAction', () => {
  it('acknowledges screens at an all-bot table, and waits for people otherwise', () => {
    const g = new Script(scenario, 1);
    expect(nextAutomaticAction(scenario, g.state, bots)).toEqual({ type: 'BEGIN' });
    expect(nextAutomaticAction(scenario, g.state, withHuman)).toBeNull();
    expect(nextAutomaticAction(scenario, g.state, withHuman, { advanceScreens: true })).toEqual({
      type: 'BEGIN',
    });
    g.act({ type: 'BEGIN' });
    expect(nextAutomaticAction(scenario, g.state, bots)).toEqual({ type: 'CONTINUE' });
    expect(nextAutomaticAction(scenario, g.state, withHuman)).toBeNull();
  });

  it('moves for the bot whose turn it is, and returns null on a human turn', () => {
    const g = new Script(scenario, 1).toNegotiation();
    const first = nextAutomaticAction(scenario, g.state, withHuman);
    expect(first).toMatchObject({ role: 'police' });
    g.act({ type: 'PASS', role: 'police' });
    expect(nextAutomaticAction(scenario, g.state, withHuman)).toBeNull(); // the vendor is a person
    g.act({ type: 'PROPOSE', role: 'vendor', assurances: ['dpia'] });
    expect(nextAutomaticAction(scenario, g.state, withHuman)).toMatchObject({ role: 'rights' });
  });

  it('lets bots declare their stances without waiting for people, then waits', () => {
    const g = new Script(scenario, 1).toNegotiation().toStances();
    const declared: string[] = [];
    for (let i = 0; i < 5; i++) {
      const move = nextAutomaticAction(scenario, g.state, withHuman);
      if (!move) break;
      expect(move.type).toBe('STANCE');
      if (move.type === 'STANCE') declared.push(move.role);
      g.act(move);
    }
    expect(declared).toEqual(['police', 'rights', 'mayor']);
    expect(g.state.phase).toBe('stances'); // the vendor, a person, has not declared yet
    g.act({ type: 'STANCE', role: 'vendor', decision: 'block' });
    expect(nextAutomaticAction(scenario, g.state, withHuman)).toMatchObject({
      type: 'DECIDE',
      role: 'mayor',
    });
  });

  it('has nothing to do in the debrief, and treats a missing seat as a person', () => {
    const g = new Script(scenario, 1).toNegotiation().decide('block');
    g.act({ type: 'CONTINUE' });
    expect(g.state.phase).toBe('debrief');
    expect(nextAutomaticAction(scenario, g.state, bots)).toBeNull();
    const h = new Script(scenario, 1).toNegotiation();
    expect(nextAutomaticAction(scenario, h.state, { vendor: 'easy' })).toBeNull();
  });
});
