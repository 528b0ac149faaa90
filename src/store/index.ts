/** The app store: state shape in ./types.ts, factory in ./app-store.ts. No Phaser, no DOM. */
export * from './app-store.ts';
export * from './catalogue.ts';
export * from './settings.ts';
export * from './setup.ts';
export * from './storage.ts';
export * from './types.ts';
