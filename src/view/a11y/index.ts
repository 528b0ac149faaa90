/** The DOM accessibility layer over the canvas, and the live regions. See layer.ts. */
export * from './layer.ts';
export * from './live-region.ts';
