import { describe, expect, it } from 'vitest';
import { afterSharedWords, distinctChipWords } from '../../src/view/table/chip-words.ts';

describe('afterSharedWords (chips of titles that start alike)', () => {
  it('keeps what tells a title apart from the ones it shares its first words with', () => {
    expect(
      afterSharedWords('Published DPIA, kept up to date', ['Published value-for-money case']),
    ).toBe('DPIA, kept up to date');
    expect(
      afterSharedWords('A person checks every flag', ['A person reviews', 'A person signs off']),
    ).toBe('Checks every flag');
  });

  it('gives nothing when no word is shared, or nothing would be left', () => {
    expect(afterSharedWords('Data stays in the UK', ['Published value-for-money case'])).toBe('');
    expect(afterSharedWords('Published', ['Published case'])).toBe('');
  });
});

describe('distinctChipWords', () => {
  it('respells a chip cut to words another title starts with, and leaves the rest', () => {
    const titles = [
      'Palantir as processor only',
      'Published value-for-money case',
      'Published DPIA, kept up to date',
    ];
    const cut = ['Palantir as processor…', 'Published…', 'Published DPIA, kept…'];
    expect(distinctChipWords(titles, cut)).toEqual([null, 'Value-for-money case', null]);
  });

  it('leaves chips shown whole, and cuts no other title starts with', () => {
    const titles = ['Published value-for-money case', 'Published DPIA, kept up to date'];
    expect(distinctChipWords(titles, titles)).toEqual([null, null]);
    expect(distinctChipWords(titles, ['Published value…', 'Published DPIA…'])).toEqual([
      null,
      null,
    ]);
  });
});
