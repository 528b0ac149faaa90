/**
 * Short tweens that survive the table's redraws: the scene rebuilds its layer on every game
 * change, so each widget starts from the value it showed last and tweens to the new one. A tween
 * ends with the object it animates (no callbacks into destroyed objects), and a duration of 0
 * (reduced motion) applies the end value at once.
 */
import Phaser from 'phaser';

export function tweenValue(
  owner: Phaser.GameObjects.GameObject,
  from: number,
  to: number,
  duration: number,
  onUpdate: (value: number) => void,
): void {
  if (duration <= 0 || from === to) {
    onUpdate(to);
    return;
  }
  onUpdate(from);
  const tween = owner.scene.tweens.addCounter({
    from,
    to,
    duration,
    ease: 'Cubic.easeOut',
    onUpdate: (t: Phaser.Tweens.Tween) => {
      if (owner.active) onUpdate(t.getValue() ?? to);
    },
  });
  owner.once(Phaser.GameObjects.Events.DESTROY, () => tween.remove());
}

/** "+4" / "−2" (a real minus sign), rounded to one decimal. */
export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
}
