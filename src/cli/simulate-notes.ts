/**
 * What `simulate`'s numbers say about a scenario's balance, in words (GAME.md §9: dominant
 * strategies, roles that can never be satisfied, assurances nobody ever proposes, meters that
 * never leave — or never stay in — their band). Each note names the thing and the number; none
 * is an error: a scenario may mean it, but an author should know. Pure: numbers in, lines out.
 */
import { METER_IDS } from '../scenario/schema.ts';
import type { SimulationSummary } from './simulate-stats.ts';

/** A share of games this close to all (or none) counts as all (or none). */
const ALWAYS = 0.95;
const NEVER = 0.05;

const pct = (share: number) => `${(share * 100).toFixed(0)}%`;

export function balanceNotes(s: SimulationSummary, meterNames: Record<string, string>): string[] {
  const notes: string[] = [];
  if (s.games === 0) return notes;
  for (const d of s.decisions) {
    if (d.share >= ALWAYS) {
      notes.push(
        `"${d.title}" is the decision in ${pct(d.share)} of games: the ending is hardly in question. Make the others worth more to the decider, or this one cost more.`,
      );
    }
  }
  for (const r of s.roles) {
    if (r.satisfied <= NEVER) {
      notes.push(
        `${r.name} is satisfied in ${pct(r.satisfied)} of games (mean score ${r.meanScore.toFixed(1)}, reservation ${r.reservation}): lower its reservation or give it more to gain.`,
      );
    } else if (r.satisfied >= ALWAYS) {
      notes.push(
        `${r.name} is satisfied in ${pct(r.satisfied)} of games: nothing at the table is at stake for it. Raise its reservation, or make what it wants cost something.`,
      );
    }
  }
  for (const a of s.assurances) {
    if (a.available <= NEVER) {
      notes.push(
        `"${a.title}" can be played in ${pct(a.available)} of games: it starts hidden and what unlocks it rarely comes. Make it available from the start, or let a likelier event unlock it.`,
      );
    } else if (a.proposed <= NEVER) {
      // Not wanted, or waiting for what it requires, which never comes.
      const stuck = a.requires
        .map((id) => s.assurances.find((x) => x.id === id))
        .find((x) => x !== undefined && x.agreed <= NEVER);
      notes.push(
        stuck
          ? `"${a.title}" is proposed in ${pct(a.proposed)} of games: it requires "${stuck.title}", which is agreed in ${pct(stuck.agreed)}. Make that one easier to agree, or drop the requirement.`
          : `"${a.title}" is proposed in ${pct(a.proposed)} of games: nobody wants it on the table. Make it worth more to someone, or drop it.`,
      );
    } else if (a.proposed >= 0.5 && a.agreed <= NEVER) {
      const who = a.mostAgainst
        ? ` Most often against it: ${a.mostAgainst.name}, in ${pct(a.mostAgainst.share)} of the packages it was in.`
        : '';
      notes.push(
        `"${a.title}" is proposed in ${pct(a.proposed)} of games but agreed in ${pct(a.agreed)}: a role that must support it never does (its deliverer, or one the agreement rule needs).${who}`,
      );
    }
  }
  for (const m of METER_IDS) {
    const stats = s.meters[m];
    const outside = stats.below + stats.above;
    const name = meterNames[m] ?? m;
    if (outside <= 0) {
      notes.push(
        `${name} ends inside its healthy band in every game (p10–p90 ${stats.p10.toFixed(0)}–${stats.p90.toFixed(0)}): it never puts the balance at risk. If it should be at stake, let the promises and events move it further.`,
      );
    } else if (outside >= ALWAYS) {
      notes.push(
        `${name} ends outside its healthy band in ${pct(outside)} of games: no way of playing keeps it healthy. Move its start or its band, or what moves it.`,
      );
    }
  }
  return notes;
}
