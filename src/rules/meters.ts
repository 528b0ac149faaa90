/** Meter arithmetic: every change is clamped to 0–100 and reported as the change that happened. */
import { METER_IDS, type MeterEffects } from '../scenario/schema.ts';
import type { MeterDeltas, Meters } from './types.ts';

export function clampMeter(value: number): number {
  return value < 0 ? 0 : Math.min(value, 100);
}

/** A meter's value after `change`: clamped to 0–100, with one decimal at most. */
export function roundedMeter(current: number, change: number): number {
  // Meters keep one decimal at most so replays and saves never drift by float noise.
  return Math.round(clampMeter(current + change) * 10) / 10;
}

/** How far a meter moved from `current` to `rounded` (0: not at all), to one decimal. */
export function meterMove(current: number, rounded: number): number {
  return Math.round((rounded - current) * 10) / 10;
}

/** Applies effects to meters; returns the new meters and the deltas that actually happened. */
export function applyEffects(
  meters: Meters,
  effects: MeterEffects | undefined,
): { meters: Meters; deltas: MeterDeltas } {
  const deltas: MeterDeltas = {};
  if (!effects) return { meters, deltas };
  const next: Meters = { ...meters };
  for (const m of METER_IDS) {
    const change = effects[m];
    if (!change) continue;
    const rounded = roundedMeter(next[m], change);
    const moved = meterMove(next[m], rounded);
    if (moved !== 0) {
      deltas[m] = moved;
      next[m] = rounded;
    }
  }
  return { meters: next, deltas };
}

/** Sums several effect objects (a package of assurances, say) into one. */
export function sumEffects(list: readonly (MeterEffects | undefined)[]): MeterEffects {
  const total: Record<string, number> = {};
  for (const effects of list) {
    if (!effects) continue;
    for (const m of METER_IDS) {
      const v = effects[m];
      if (v) total[m] = (total[m] ?? 0) + v;
    }
  }
  return total as MeterEffects;
}

export function hasDeltas(deltas: MeterDeltas): boolean {
  for (const m of METER_IDS) if (deltas[m] !== undefined) return true;
  return false;
}
