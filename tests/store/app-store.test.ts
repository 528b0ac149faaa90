import { describe, expect, it, vi } from 'vitest';
import { createAppStore, MAX_OPENED_FILES } from '../../src/store/app-store.ts';
import { MAX_SCENARIO_BYTES } from '../../src/store/catalogue.ts';
import { MAX_SEED, parseSeed, SETUP_KEY } from '../../src/store/setup.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import { MAX_ANNOUNCEMENTS } from '../../src/store/types.ts';
import { fixedRandom, fixtureCatalogue, fixtureFile } from './support.ts';

const duo = fixtureFile('duo');

describe('catalogue', () => {
  it('loads shipped scenarios through the loader and selects the first', () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table', 'duo') });
    const { catalogue, setup } = store.getState();
    expect(catalogue.map((e) => [e.key, e.source, e.fileName])).toEqual([
      ['test-table', 'shipped', 'table.json'],
      ['test-duo', 'shipped', 'duo.json'],
    ]);
    expect(setup.scenarioKey).toBe('test-table');
  });

  it('adds shipped scenarios later (main.ts loads them with the engine chunk)', () => {
    const store = createAppStore();
    expect(store.getState().setup.scenarioKey).toBeNull();
    store.getState().addCatalogueEntries(fixtureCatalogue('duo'));
    expect(store.getState().setup.scenarioKey).toBe('test-duo');
    expect(store.getState().setup.seats).toEqual({ mayor: 'human', vendor: 'normal' });
  });

  it('opens a good file from disk, adds and selects it', async () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table') });
    const ok = await store
      .getState()
      .openScenarioFile('mine.json', new TextEncoder().encode(duo.text));
    expect(ok).toBe(true);
    const { catalogue, setup, openErrors } = store.getState();
    expect(catalogue.map((e) => e.key)).toEqual(['test-table', 'file:test-duo']);
    expect(setup.scenarioKey).toBe('file:test-duo');
    expect(openErrors).toBeNull();
  });

  it('opens a file with warnings, and shows them as validate does', async () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table') });
    const warned = duo.text.replace('"kind": "majority",', '"kind": "majority",\n    "count": 2,');
    expect(await store.getState().openScenarioText('warned.json', warned)).toBe(true);
    const { catalogue, setup, openErrors, announcements } = store.getState();
    expect(catalogue.map((e) => e.key)).toContain('file:test-duo');
    expect(setup.scenarioKey).toBe('file:test-duo');
    expect(openErrors?.opened).toBe(true);
    expect(openErrors?.problems.map((p) => p.code)).toEqual(['W_AGREEMENT_COUNT_IGNORED']);
    expect(openErrors?.lines[0]).toMatch(
      /^warned\.json:\d+:\d+: warning W_AGREEMENT_COUNT_IGNORED/,
    );
    expect(announcements.at(-1)?.text).toMatch(/with 1 warning\.$/);
  });

  it('keeps the newest opened files only, and every shipped scenario', async () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table', 'duo') });
    const ids = ['first', 'second', 'third'];
    for (const id of ids) {
      const text = duo.text.replace('"id": "test-duo"', `"id": "${id}"`);
      expect(await store.getState().openScenarioText(`${id}.json`, text)).toBe(true);
    }
    const keys = store.getState().catalogue.map((e) => e.key);
    expect(keys).toEqual([
      'test-table',
      'test-duo',
      ...ids.slice(-MAX_OPENED_FILES).map((id) => `file:${id}`),
    ]);
    expect(store.getState().setup.scenarioKey).toBe('file:third');
  });

  it('reports a bad file like the CLI and keeps the catalogue as it was', async () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table') });
    const broken = duo.text.replace('"decider": "mayor"', '"decider": "mayr"');
    expect(await store.getState().openScenarioText('broken.json', broken)).toBe(false);
    const errors = store.getState().openErrors;
    expect(errors?.fileName).toBe('broken.json');
    expect(errors?.lines[0]).toMatch(
      /^broken\.json:\d+:\d+: error E_UNKNOWN_ROLE at \$\.decider: /,
    );
    expect(store.getState().catalogue).toHaveLength(1);
    expect(store.getState().announcements.at(-1)?.politeness).toBe('assertive');
    store.getState().dismissOpenErrors();
    expect(store.getState().openErrors).toBeNull();
  });

  it('reports JSON syntax errors with line and column', async () => {
    const store = createAppStore();
    await store.getState().openScenarioText('x.json', '{\n  "id": \n}');
    expect(store.getState().openErrors?.lines[0]).toMatch(/^x\.json:3:1: error E_JSON_SYNTAX/);
  });

  it('refuses a file too large to be a scenario without reading it', async () => {
    const store = createAppStore();
    const ok = await store
      .getState()
      .openScenarioFile('huge.json', new Uint8Array(MAX_SCENARIO_BYTES + 1));
    expect(ok).toBe(false);
    const problem = store.getState().openErrors?.problems[0];
    expect(problem?.code).toBe('E_FILE_TOO_LARGE');
    expect(problem?.message).toMatch(/5 MB at most/);
  });
});

describe('setup', () => {
  it('seeds from the random source, and accepts only valid seeds', () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
    expect(store.getState().setup.seed).toBe(2147483648);
    expect(store.getState().setSeed(42)).toBe(true);
    expect(store.getState().setSeed(-1)).toBe(false);
    expect(store.getState().setSeed(1.5)).toBe(false);
    expect(store.getState().setSeed(MAX_SEED + 1)).toBe(false);
    expect(store.getState().setup.seed).toBe(42);
    expect(parseSeed(' 123 ')).toBe(123);
    expect(parseSeed('12a')).toBeNull();
    expect(parseSeed('99999999999')).toBeNull();
  });

  it('solo seats one person (the decision-maker by default) and moves them', () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table') });
    expect(store.getState().setup.seats).toEqual({
      mayor: 'human',
      police: 'normal',
      vendor: 'normal',
      rights: 'normal',
    });
    store.getState().setSeat('rights', 'human');
    expect(store.getState().setup.seats).toMatchObject({ mayor: 'normal', rights: 'human' });
    store.getState().setSeat('police', 'hard');
    expect(store.getState().setup.seats.police).toBe('hard');
    store.getState().setSeat('nobody', 'human');
    expect(Object.keys(store.getState().setup.seats)).toHaveLength(4);
  });

  it('pass-and-play seats people everywhere; any seat may become a bot', () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table') });
    store.getState().setMode('pass-and-play');
    expect(Object.values(store.getState().setup.seats)).toEqual([
      'human',
      'human',
      'human',
      'human',
    ]);
    store.getState().setSeat('vendor', 'easy');
    store.getState().setSeat('mayor', 'human');
    expect(store.getState().setup.seats).toMatchObject({ vendor: 'easy', police: 'human' });
  });

  it('keeps timers positive whole seconds or off', () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table') });
    store.getState().setTimers({ turnSeconds: 90.4 });
    expect(store.getState().setup).toMatchObject({ turnSeconds: 90, roundSeconds: null });
    store.getState().setTimers({ turnSeconds: 0, roundSeconds: 600 });
    expect(store.getState().setup).toMatchObject({ turnSeconds: null, roundSeconds: 600 });
  });
});

describe('the set-up kept between visits', () => {
  it('comes back as it was left, for the same scenario', () => {
    const storage = memoryStorage();
    const first = createAppStore({ storage, random: fixedRandom });
    first.getState().addCatalogueEntries(fixtureCatalogue('table'));
    first.getState().setMode('pass-and-play');
    first.getState().setSeat('vendor', 'hard');
    first.getState().setSeed(42);
    first.getState().setTimers({ turnSeconds: 120, roundSeconds: 600 });
    const left = first.getState().setup;

    const again = createAppStore({ storage, random: () => 0.1 });
    again.getState().addCatalogueEntries(fixtureCatalogue('table'));
    expect(again.getState().setup).toEqual(left);
  });

  it('falls back field by field when what was kept does not fit', () => {
    const key = fixtureCatalogue('table')[0]?.key;
    const storage = memoryStorage({
      [SETUP_KEY]: JSON.stringify({
        scenarioKey: key,
        mode: 'solo',
        // Two people in solo, and a seat that is no seat.
        seats: { mayor: 'human', police: 'human', vendor: 'genius' },
        seed: -5,
        turnSeconds: 'soon',
        roundSeconds: 300,
        tableName: '  Table\n3  ',
      }),
    });
    const store = createAppStore({ storage, random: fixedRandom });
    store.getState().addCatalogueEntries(fixtureCatalogue('table'));
    expect(store.getState().setup).toEqual({
      scenarioKey: key,
      mode: 'solo',
      seats: { mayor: 'human', police: 'normal', vendor: 'normal', rights: 'normal' },
      seed: 2147483648,
      seedChosen: false,
      turnSeconds: null,
      roundSeconds: 300,
      // Kept, cleaned: one line, trimmed.
      tableName: 'Table 3',
    });
  });

  it('is not used for a scenario that is not here any more, nor when unreadable', () => {
    for (const text of ['{"scenarioKey":"file:gone.json","mode":"projector"}', '{not json']) {
      const store = createAppStore({ storage: memoryStorage({ [SETUP_KEY]: text }) });
      store.getState().addCatalogueEntries(fixtureCatalogue('table'));
      expect(store.getState().setup.mode).toBe('solo');
      expect(store.getState().setup.scenarioKey).toBe(fixtureCatalogue('table')[0]?.key);
    }
  });
});

describe('announcements and subscriptions', () => {
  it('keeps the newest announcements with increasing ids', () => {
    const store = createAppStore();
    for (let i = 0; i < MAX_ANNOUNCEMENTS + 5; i++) store.getState().announce(`a${i}`);
    store.getState().announce('   ');
    const list = store.getState().announcements;
    expect(list).toHaveLength(MAX_ANNOUNCEMENTS);
    expect(list.at(-1)).toEqual({
      id: MAX_ANNOUNCEMENTS + 5,
      text: `a${MAX_ANNOUNCEMENTS + 4}`,
      politeness: 'polite',
    });
  });

  it('notifies a selector subscription only when its slice changes', () => {
    const store = createAppStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe((s) => s.screen, listener);
    store.getState().announce('x');
    store.getState().setScreen('title');
    store.getState().setScreen('title');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('title', 'boot');
    unsubscribe();
    store.getState().setScreen('setup');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
