/**
 * Pure parts of the page chrome: the <h1> naming each screen, and the render scale (how much
 * larger than 1280×720 the canvas is drawn, for sharp text on projectors and HiDPI screens).
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/app/session.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import { screenHeading } from '../../src/view/a11y/heading.ts';
import { pickRenderScale } from '../../src/view/render-scale.ts';
import { fixedRandom, fixtureCatalogue } from '../store/support.ts';

describe('screen heading', () => {
  it('names every screen, the hand-off and the pause', () => {
    const store = createAppStore({ catalogue: fixtureCatalogue('table'), random: fixedRandom });
    expect(screenHeading(store.getState())).toBe('Oversight');
    store.getState().setScreen('setup');
    expect(screenHeading(store.getState())).toBe('Set up a game');
    const session = createSession({ store, storage: memoryStorage(), fast: true });
    store.getState().setMode('pass-and-play');
    session.start();
    expect(screenHeading(store.getState())).toMatch(/^Pass the device to /);
    session.confirmHandoff();
    expect(screenHeading(store.getState())).toBe('Briefing');
    session.pause();
    expect(screenHeading(store.getState())).toBe('Paused');
    // Resumed in pass-and-play, the device is asked for again.
    session.resume();
    expect(screenHeading(store.getState())).toMatch(/^Pass the device to /);
    session.confirmHandoff();
    expect(screenHeading(store.getState())).toBe('Briefing');
    session.dispose();
  });
});

describe('render scale', () => {
  const at = (innerWidth: number, innerHeight: number, devicePixelRatio = 1) =>
    pickRenderScale({ innerWidth, innerHeight, devicePixelRatio });

  it('is the canvas’s real size in device pixels over 1280×720, in quarters, 1 to 2', () => {
    expect(at(1280, 720)).toBe(1);
    expect(at(1024, 600)).toBe(1);
    expect(at(1920, 1080)).toBe(1.5);
    expect(at(1366, 768)).toBe(1.25);
    expect(at(1280, 720, 2)).toBe(2);
    expect(at(3840, 2160)).toBe(2);
    expect(at(1024, 600, 1.25)).toBe(1);
    expect(at(1282, 722)).toBe(1); // a hair over a step does not cost a quarter more
  });

  it('can be forced (?scale=…), still between 1 and 2', () => {
    expect(pickRenderScale({ innerWidth: 1920, innerHeight: 1080 }, '1')).toBe(1);
    expect(pickRenderScale({ innerWidth: 800, innerHeight: 600 }, '2')).toBe(2);
    expect(pickRenderScale({ innerWidth: 800, innerHeight: 600 }, '5')).toBe(2);
    expect(pickRenderScale({ innerWidth: 1920, innerHeight: 1080 }, 'x')).toBe(1.5);
  });
});
