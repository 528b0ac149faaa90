/**
 * Short tweens that survive the table's redraws: each widget starts from the value it showed
 * last and tweens to the new one. A tween ends with the object it animates (no callbacks into
 * destroyed objects), and a duration of 0 (reduced motion) applies the end value at once.
 */
import Phaser from 'phaser';
import { markTweenRegion, type Region } from '../tween-region.ts';

export function tweenValue(
  owner: Phaser.GameObjects.GameObject,
  from: number,
  to: number,
  duration: number,
  onUpdate: (value: number) => void,
  /** Where on the screen `onUpdate` draws (see tween-region.ts); none: anywhere. */
  region?: Region,
): Phaser.Tweens.Tween | null {
  if (duration <= 0 || from === to) {
    onUpdate(to);
    return null;
  }
  onUpdate(from);
  const stop = () => tween.remove();
  const tween = owner.scene.tweens.addCounter({
    from,
    to,
    duration,
    ease: 'Cubic.easeOut',
    onUpdate: (t: Phaser.Tweens.Tween) => {
      if (owner.active) onUpdate(t.getValue() ?? to);
    },
    // A widget kept for the game runs many tweens: each lets go of its owner when done.
    onComplete: () => owner.off(Phaser.GameObjects.Events.DESTROY, stop),
  });
  owner.once(Phaser.GameObjects.Events.DESTROY, stop);
  if (region) markTweenRegion(tween, region);
  return tween;
}

/** "+4" / "−2" (a real minus sign), rounded to one decimal. */
export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}
