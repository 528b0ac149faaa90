/**
 * Negotiation turns: propose a package or pass; the others support, oppose or amend (once);
 * the package is then agreed or rejected and the turn moves on.
 */
import type { Scenario } from '../scenario/schema.ts';
import { edit, log, moveMeters, NO_DELTAS, NO_SUBJECTS, own } from './draft.ts';
import { fail, ok } from './errors.ts';
import { sumEffects } from './meters.ts';
import { packageAgreed, packageProblem, rotationAfter } from './packages.ts';
import { flagAssurances } from './red-lines.ts';
import { advanceTurn, currentTurnRole, endRound } from './round.ts';
import { indexScenario } from './scenario-index.ts';
import type { AssuranceId, GameState, Response, Result, RoleId } from './types.ts';

const TURN_OK: Result<null> = Object.freeze({ ok: true, value: null });

/** The subjects of the log entries that name only a response or a timer (shared, frozen). */
const RESPONSE_SUBJECTS: Record<Response, string[]> = {
  support: Object.freeze(['support']) as unknown as string[],
  oppose: Object.freeze(['oppose']) as unknown as string[],
};
const ROUND_SUBJECTS = Object.freeze(['round']) as unknown as string[];
const TURN_SUBJECTS = Object.freeze(['turn']) as unknown as string[];
/** A turn timer that ran out on an answer: it counts as opposing (the log says so). */
const ANSWER_SUBJECTS = Object.freeze(['turn', 'oppose']) as unknown as string[];

function checkTurn(scenario: Scenario, state: GameState, role: RoleId): Result<null> {
  if (state.phase !== 'negotiation') return fail('WRONG_PHASE', 'Nobody can negotiate right now.');
  if (!indexScenario(scenario).roles.has(role))
    return fail('UNKNOWN_ROLE', `There is no role "${role}".`);
  if (state.pending) {
    if (state.pending.awaiting[0] !== role) {
      return fail('NOT_YOUR_TURN', 'It is not your turn to respond to this package.');
    }
  } else if (currentTurnRole(scenario, state) !== role) {
    return fail('NOT_YOUR_TURN', 'It is not your turn to propose.');
  }
  return TURN_OK;
}

export function propose(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  assurances: readonly AssuranceId[],
  reason?: string,
): Result<GameState> {
  const turn = checkTurn(scenario, state, role);
  if (!turn.ok) return turn;
  if (state.pending) return fail('NOT_YOUR_TURN', 'A package is already on the table.');
  const problem = packageProblem(scenario, state, assurances);
  if (problem) return fail('BAD_PACKAGE', problem);
  const s = edit(state);
  const ids = [...assurances];
  s.pending = {
    number: s.packages.length + 1,
    proposer: role,
    sponsor: role,
    assurances: ids,
    original: null,
    amendedBy: null,
    awaiting: rotationAfter(scenario.rounds.turnOrder, role),
    responses: {},
  };
  flagAssurances(scenario, s, role, ids, 'proposed');
  log(s, 'proposed', role, ids, NO_DELTAS, reason ?? null);
  return ok(resolveIfComplete(scenario, s));
}

export function pass(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  reason?: string,
): Result<GameState> {
  const turn = checkTurn(scenario, state, role);
  if (!turn.ok) return turn;
  if (state.pending) return fail('NOT_YOUR_TURN', 'Respond to the package on the table first.');
  const s = edit(state);
  log(s, 'passed', role, NO_SUBJECTS, NO_DELTAS, reason ?? null);
  advanceTurn(scenario, s);
  return ok(s);
}

export function respond(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  response: Response,
  reason?: string,
): Result<GameState> {
  const turn = checkTurn(scenario, state, role);
  if (!turn.ok) return turn;
  const pending = state.pending;
  if (!pending) return fail('WRONG_PHASE', 'There is no package to respond to.');
  const s = edit(state);
  recordResponse(s, role, response);
  if (response === 'support') flagAssurances(scenario, s, role, pending.assurances, 'supported');
  log(s, 'response', role, RESPONSE_SUBJECTS[response], NO_DELTAS, reason ?? null);
  return ok(resolveIfComplete(scenario, s));
}

export function amend(
  scenario: Scenario,
  state: GameState,
  role: RoleId,
  remove: AssuranceId,
  add: AssuranceId,
  reason?: string,
): Result<GameState> {
  const turn = checkTurn(scenario, state, role);
  if (!turn.ok) return turn;
  const pending = state.pending;
  if (!pending) return fail('WRONG_PHASE', 'There is no package to amend.');
  if (pending.amendedBy)
    return fail('BAD_AMENDMENT', 'This package has already been amended once.');
  if (!pending.assurances.includes(remove)) {
    return fail('BAD_AMENDMENT', 'You can only swap out an assurance that is in the package.');
  }
  if (pending.assurances.includes(add)) {
    return fail('BAD_AMENDMENT', 'Swap in an assurance that is not already in the package.');
  }
  const swapped = pending.assurances.map((id) => (id === remove ? add : id));
  const problem = packageProblem(scenario, state, swapped);
  if (problem) return fail('BAD_AMENDMENT', problem);
  const s = edit(state);
  // The amended package goes back round the table once, with the amender as its sponsor.
  s.pending = {
    ...pending,
    sponsor: role,
    assurances: swapped,
    original: pending.assurances,
    amendedBy: role,
    awaiting: rotationAfter(scenario.rounds.turnOrder, role),
    responses: {},
  };
  flagAssurances(scenario, s, role, [add], 'amended');
  log(s, 'amended', role, [remove, add], NO_DELTAS, reason ?? null);
  return ok(resolveIfComplete(scenario, s));
}

/** A timer ran out: the role on the clock passes (or, for a response, does not support). */
export function timeout(
  scenario: Scenario,
  state: GameState,
  scope: 'turn' | 'round',
): Result<GameState> {
  if (state.phase !== 'negotiation') return fail('WRONG_PHASE', 'No timer is running now.');
  const s = edit(state);
  if (scope === 'round') {
    if (s.pending) withdraw(s, 'The round timer ran out before everyone had answered.');
    log(s, 'timeout', null, ROUND_SUBJECTS, NO_DELTAS, null);
    endRound(scenario, s);
    return ok(s);
  }
  const pending = s.pending;
  const role = pending ? pending.awaiting[0] : currentTurnRole(scenario, s);
  log(
    s,
    'timeout',
    role ?? null,
    pending && role ? ANSWER_SUBJECTS : TURN_SUBJECTS,
    NO_DELTAS,
    null,
  );
  if (!pending || !role) {
    advanceTurn(scenario, s);
    return ok(s);
  }
  recordResponse(s, role, 'oppose');
  return ok(resolveIfComplete(scenario, s));
}

function recordResponse(s: GameState, role: RoleId, response: Response): void {
  const pending = s.pending;
  if (!pending) return;
  const responses: Record<RoleId, Response> = {};
  for (const r in pending.responses) responses[r] = pending.responses[r] as Response;
  responses[role] = response;
  s.pending = {
    number: pending.number,
    proposer: pending.proposer,
    sponsor: pending.sponsor,
    assurances: pending.assurances,
    original: pending.original,
    amendedBy: pending.amendedBy,
    awaiting: pending.awaiting.slice(1),
    responses,
  };
}

function withdraw(s: GameState, reason: string): void {
  const p = s.pending;
  if (!p) return;
  own(s, 'packages').push({
    number: p.number,
    round: s.round,
    proposer: p.proposer,
    amendedBy: p.amendedBy,
    original: p.original,
    assurances: p.assurances,
    supporters: supportersOf(p.sponsor, p.responses),
    opposers: opposersOf(p.responses),
    outcome: 'withdrawn',
  });
  log(s, 'withdrawn', p.sponsor, p.assurances, NO_DELTAS, reason);
  s.pending = null;
}

function supportersOf(sponsor: RoleId, responses: Record<RoleId, Response>): RoleId[] {
  const out = [sponsor];
  for (const r in responses) if (responses[r] === 'support') out.push(r);
  return out;
}

function opposersOf(responses: Record<RoleId, Response>): RoleId[] {
  const out: RoleId[] = [];
  for (const r in responses) if (responses[r] === 'oppose') out.push(r);
  return out;
}

/** Once everyone has answered, the package is agreed or rejected and the turn moves on. */
function resolveIfComplete(scenario: Scenario, s: GameState): GameState {
  const p = s.pending;
  if (!p || p.awaiting.length > 0) return s;
  const index = indexScenario(scenario);
  const supporters = supportersOf(p.sponsor, p.responses);
  const agreed = packageAgreed(scenario, p.assurances, supporters);
  own(s, 'packages').push({
    number: p.number,
    round: s.round,
    proposer: p.proposer,
    amendedBy: p.amendedBy,
    original: p.original,
    assurances: p.assurances,
    supporters,
    opposers: opposersOf(p.responses),
    outcome: agreed ? 'agreed' : 'rejected',
  });
  if (agreed) {
    const now = [];
    for (const id of p.assurances) {
      const assurance = index.assurances.get(id);
      if (!assurance) continue;
      own(s, 'agreed').push({ id, round: s.round, package: p.number });
      if (assurance.delay > 0)
        own(s, 'delayed').push({ assurance: id, dueRound: s.round + assurance.delay });
      else now.push(assurance.effects);
    }
    const deltas = moveMeters(s, sumEffects(now));
    log(s, 'agreed', p.sponsor, p.assurances, deltas, null);
  } else {
    const deltas = moveMeters(s, scenario.costs.rejectedPackage);
    log(s, 'rejected', p.sponsor, p.assurances, deltas, null);
  }
  advanceTurn(scenario, s);
  return s;
}
