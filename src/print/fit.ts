/**
 * Each sheet on one A4 page. Printed double-sided, a role's private card lands on the back of
 * its public card only if every sheet is exactly one page: a card one line too long pushes every
 * later card a page on, and a group gets another group's private card on its back (a teacher
 * found it with the flagship's Mayor). So a sheet taller than the page is scaled down (CSS
 * `zoom` in print) until it fits, measured at the page's width before anything is printed.
 */

/** The printable box of an A4 page with the print stylesheet's 10 mm margins. */
export const PAGE_MM = { width: 190, height: 277 } as const;
/** Smaller than this the print is too small to read: the sheet then runs on (and the page warns). */
export const MIN_ZOOM = 0.7;

const MM = 96 / 25.4;

/**
 * Measures every `.sheet` under `root` laid out as on paper (the `measuring` class gives them
 * the page's width and no screen padding) and sets `--print-zoom` on those too tall. Runs in one
 * task, so the screen never shows the measuring layout. Returns the sheets still too tall at the
 * smallest size (a scenario with very long briefs), for the page to warn about.
 */
export function fitSheetsToPages(root: HTMLElement): HTMLElement[] {
  const page = PAGE_MM.height * MM;
  const tooLong: HTMLElement[] = [];
  root.classList.add('measuring');
  try {
    for (const sheet of root.querySelectorAll<HTMLElement>('.sheet')) {
      sheet.style.removeProperty('--print-zoom');
      let zoom = 1;
      // The text wraps anew at each size, so measure again until it fits (a few rounds).
      for (let round = 0; round < 4; round++) {
        const height = sheet.getBoundingClientRect().height;
        if (height <= page) break;
        zoom = Math.max(MIN_ZOOM, Math.floor(zoom * (page / height) * 100 - 1) / 100);
        sheet.style.setProperty('--print-zoom', String(zoom));
        if (zoom === MIN_ZOOM) break;
      }
      if (sheet.getBoundingClientRect().height > page + 1) tooLong.push(sheet);
    }
  } finally {
    root.classList.remove('measuring');
  }
  return tooLong;
}
