/**
 * viewFor(scenario, state, role): what one seat may see. Another role's private brief,
 * valuations, meter weights, reservation value and red lines stay hidden until the debrief, and
 * the RNG state is never shown (it would let a player predict the next event card). Nor is the
 * seed before the debrief: every draw follows from it, so it gives away the same thing.
 * With role = null it is the public view (the projector, a spectator).
 */
import type { MeterWeights, Role, Scenario, Text } from '../scenario/schema.ts';
import { scoresIfDecided } from './forecast.ts';
import { actingRole } from './legal.ts';
import { balanceScore, type RoleScore, roleScore, valuation } from './scoring.ts';
import type { GameState, RedLineFlag, RoleId } from './types.ts';

export interface PrivateRoleInfo {
  role: RoleId;
  privateBrief: Text;
  meterWeights: MeterWeights;
  reservation: number;
  redLines: Role['redLines'];
  valuations: { assurances: Record<string, number>; decisions: Record<string, number> };
  score: RoleScore;
  /**
   * Its final score under each final decision, before the audits (forecast.ts), while the
   * decision is ahead; empty at any other time.
   */
  ifDecided: Record<string, number>;
}

export type PublicState = Omit<GameState, 'rng' | 'seed' | 'valuationDeltas' | 'redLineFlags'>;

export interface RoleView extends PublicState {
  viewer: RoleId | null;
  actingRole: RoleId | null;
  balance: number;
  /** The viewer's own secrets (null for the public view). */
  me: PrivateRoleInfo | null;
  /** Everyone's secrets, the red-line flags and the seed (for a replay): only in the debrief. */
  revealed: { roles: PrivateRoleInfo[]; redLineFlags: RedLineFlag[]; seed: number } | null;
}

function privateInfo(scenario: Scenario, state: GameState, role: Role): PrivateRoleInfo {
  const assurances: Record<string, number> = {};
  for (const a of scenario.assurances) assurances[a.id] = valuation(scenario, state, role.id, a.id);
  const decisions: Record<string, number> = {};
  for (const d of scenario.decisions) decisions[d.id] = valuation(scenario, state, role.id, d.id);
  return {
    role: role.id,
    privateBrief: role.privateBrief,
    meterWeights: role.meterWeights,
    reservation: role.reservation,
    redLines: role.redLines,
    valuations: { assurances, decisions },
    score: roleScore(scenario, state, role.id),
    ifDecided: scoresIfDecided(scenario, state, role.id),
  };
}

export function viewFor(scenario: Scenario, state: GameState, viewer: RoleId | null): RoleView {
  const { rng: _rng, seed, valuationDeltas: _deltas, redLineFlags, ...publicState } = state;
  const me = scenario.roles.find((r) => r.id === viewer);
  const debrief = state.phase === 'debrief';
  return {
    ...publicState,
    viewer: me ? me.id : null,
    actingRole: actingRole(scenario, state),
    balance: balanceScore(scenario, state.meters),
    me: me ? privateInfo(scenario, state, me) : null,
    revealed: debrief
      ? { roles: scenario.roles.map((r) => privateInfo(scenario, state, r)), redLineFlags, seed }
      : null,
  };
}
