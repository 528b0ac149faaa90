/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * Phaser cannot be tree-shaken (its ESM bundle is one webpack blob), so the production build
 * compiles Phaser from its own sources through tools/phaser-entry.cjs, which lists only the parts
 * the game uses (no physics, particles, tilemaps…), keeping both renderers so a machine without
 * WebGL still gets the Canvas fallback. Phaser gates optional parts with `typeof FLAG` checks,
 * which a plain `define` cannot replace, so this plugin rewrites those expressions before
 * bundling. See ../shared/toolchain.md §4.
 */
const PHASER_FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  // The game synthesises its sounds (src/view/audio) and gives Phaser `noAudio`.
  FEATURE_SOUND: false,
  WEBGL_DEBUG: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

function phaserFlags(): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');
  return {
    name: 'oversight:phaser-flags',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/node_modules/phaser/src/') && id !== phaserSource) return null;
      if (!code.includes('typeof ')) return null;
      // `typeof FLAG` becomes the literal true/false, so `if (typeof FLAG)` keeps or drops code.
      return {
        code: code.replace(pattern, (_, flag: string) => String(PHASER_FLAGS[flag])),
        map: null,
      };
    },
  };
}

const phaserSource = fileURLToPath(new URL('./tools/phaser-entry.cjs', import.meta.url));

/**
 * The shipped scenarios travel in the engine chunk as text (src/store/shipped.ts imports them
 * with `?raw`, so the loader reads a file as an author wrote it). The production build sends
 * them without their indentation: the same data, 2.5 KB less to download before the title is
 * interactive. Line and column in a message about a shipped file would then be the compact
 * text's; CI validates those files and none has a warning, so no such message is ever shown.
 */
function compactScenarios(): Plugin {
  return {
    name: 'oversight:compact-scenarios',
    enforce: 'pre',
    apply: 'build',
    load(id) {
      const [path, query] = id.split('?');
      if (query !== 'raw' || !path?.endsWith('.json') || !/[\\/]scenarios[\\/]/.test(path)) {
        return null;
      }
      const compact = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')));
      return `export default ${JSON.stringify(compact)};`;
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [phaserFlags(), compactScenarios()],
  resolve: command === 'build' ? { alias: [{ find: /^phaser$/, replacement: phaserSource }] } : {},
  define: command === 'build' ? { global: 'globalThis' } : {},
  build: {
    target: 'es2022',
    // The Phaser chunk is about 1.2 MB before gzip; that is expected, not a warning sign.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // Two pages: the game, and the printable role cards (src/print/, no Phaser).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        print: fileURLToPath(new URL('./print.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser|phaser-entry\.cjs/ }],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
}));
