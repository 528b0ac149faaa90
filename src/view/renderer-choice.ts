/**
 * Which Phaser renderer to start with.
 *
 * Phaser.AUTO takes WebGL whenever the browser offers it, even when WebGL is emulated on the
 * CPU (SwiftShader, llvmpipe: no GPU, a blocklisted driver, a virtual machine). Drawing the
 * table with a software WebGL costs several times what Phaser's Canvas renderer does for the
 * same picture (measured here: 9 frames a second against 58, `npm run bench`), so then the game
 * asks for Canvas. With a real GPU it stays with WebGL. `?renderer=canvas|webgl` forces one.
 */

/** The renderer's name as WebGL reports it, when it is a software one. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export type RendererChoice = 'auto' | 'canvas' | 'webgl';

/** Whether a WebGL renderer string names a CPU implementation. */
export function isSoftwareGl(rendererName: string): boolean {
  return SOFTWARE_GL.test(rendererName);
}

/**
 * The renderer for this page: the one `forced` names, else Canvas when WebGL is missing or
 * runs on the CPU, else 'auto' (Phaser picks WebGL).
 */
export function chooseRenderer(forced: string | null, doc: Document = document): RendererChoice {
  if (forced === 'canvas' || forced === 'webgl') return forced;
  const probe = doc.createElement('canvas');
  let gl: WebGLRenderingContext | null = null;
  try {
    // A browser that knows its WebGL is slow says so here (major performance caveat).
    gl = probe.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (!gl) return 'canvas';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL) ?? '') : '';
    return isSoftwareGl(name) ? 'canvas' : 'auto';
  } catch {
    return 'auto';
  } finally {
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
