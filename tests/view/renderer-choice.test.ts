import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareGl } from '../../src/view/renderer-choice.ts';

describe('renderer choice: Canvas when WebGL would run on the CPU', () => {
  it('knows the software WebGL implementations by their renderer names', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Mesa softpipe',
      'Microsoft Basic Render Driver',
    ]) {
      expect(isSoftwareGl(name), name).toBe(true);
    }
    for (const name of [
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 600 (GLK 2), OpenGL 4.6)',
      'ANGLE (ARM, Mali-G52, OpenGL ES 3.2)',
      'Apple M1',
      '',
    ]) {
      expect(isSoftwareGl(name), name).toBe(false);
    }
  });

  /** A document whose canvases report a WebGL renderer (null: no WebGL). */
  function documentWith(renderer: string | null, caveat = false): Document {
    const gl = {
      getExtension: (name: string) =>
        name === 'WEBGL_debug_renderer_info'
          ? { UNMASKED_RENDERER_WEBGL: 0x9246 }
          : { loseContext: () => undefined },
      getParameter: () => renderer,
    };
    return {
      createElement: () => ({
        getContext: (_type: string, options?: { failIfMajorPerformanceCaveat?: boolean }) =>
          renderer === null || (caveat && options?.failIfMajorPerformanceCaveat) ? null : gl,
      }),
    } as unknown as Document;
  }

  it('takes Canvas for software WebGL, no WebGL, or a WebGL the browser calls slow', () => {
    expect(chooseRenderer(null, documentWith('Google SwiftShader'))).toBe('canvas');
    expect(chooseRenderer(null, documentWith(null))).toBe('canvas');
    expect(chooseRenderer(null, documentWith('ANGLE (ARM, Mali-G52)', true))).toBe('canvas');
  });

  it('leaves a GPU to Phaser (WebGL), and obeys ?renderer=', () => {
    expect(chooseRenderer(null, documentWith('ANGLE (ARM, Mali-G52)'))).toBe('auto');
    expect(chooseRenderer('webgl', documentWith('Google SwiftShader'))).toBe('webgl');
    expect(chooseRenderer('canvas', documentWith('ANGLE (ARM, Mali-G52)'))).toBe('canvas');
  });
});
