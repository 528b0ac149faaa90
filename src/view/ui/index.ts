/** Base widgets: each draws on the canvas and registers its DOM twin with the a11y layer. */
export * from './Button.ts';
export * from './ChoiceGroup.ts';
export * from './context.ts';
export * from './Panel.ts';
export * from './ScrollText.ts';
export * from './TextField.ts';
export * from './Toggle.ts';
