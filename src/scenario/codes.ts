/**
 * The vocabulary of scenario problems: every stable code, what a problem looks like, and how it is
 * printed. Codes never change meaning once published, because authors search for them and tests,
 * docs and the browser's error panel all key on them.
 */

export type Severity = 'error' | 'warning';

interface CodeInfo {
  readonly severity: Severity;
  /** One line for the docs: what the code means. */
  readonly summary: string;
}

/** Every problem code, in the order the loader's stages meet them. Printed in the docs. */
export const PROBLEM_CODES = {
  // Stage 0: reading the file as JSON.
  E_FILE_TOO_LARGE: {
    severity: 'error',
    summary: 'The file is larger than the game reads (5 MB; scenarios are tens of kB).',
  },
  E_JSON_ENCODING: { severity: 'error', summary: 'The file is not UTF-8 text.' },
  E_JSON_EMPTY: { severity: 'error', summary: 'The file is empty or holds only spaces.' },
  E_JSON_BINARY: {
    severity: 'error',
    summary: 'The file holds control bytes (binary data) that cannot appear in JSON.',
  },
  E_JSON_SYNTAX: { severity: 'error', summary: 'The text is not valid JSON at this point.' },
  E_JSON_DUPLICATE_KEY: { severity: 'error', summary: 'The same key appears twice in one object.' },
  E_JSON_TOO_DEEP: {
    severity: 'error',
    summary: 'Brackets are nested deeper than any scenario needs.',
  },
  // Stage 1: structure (the Zod schema).
  E_NOT_A_SCENARIO: {
    severity: 'error',
    summary: 'The file is JSON but not a scenario: it has almost none of its fields.',
  },
  E_FORMAT_VERSION: {
    severity: 'error',
    summary: '"formatVersion" is missing or not one this game reads.',
  },
  E_REQUIRED: { severity: 'error', summary: 'A required field is missing.' },
  E_UNKNOWN_KEY: { severity: 'error', summary: 'A field the format does not have (often a typo).' },
  E_TYPE: {
    severity: 'error',
    summary: 'A value has the wrong type (e.g. text where a number belongs).',
  },
  E_VALUE_RANGE: { severity: 'error', summary: 'A number is outside its allowed range.' },
  E_COUNT: { severity: 'error', summary: 'A list has too few or too many entries.' },
  E_LENGTH: { severity: 'error', summary: 'A text is empty or too long.' },
  E_FORMAT: {
    severity: 'error',
    summary: 'A text does not have the required form (id, colour, web address).',
  },
  E_ENUM: { severity: 'error', summary: 'A value is not one of the fixed words allowed here.' },
  E_INVALID: { severity: 'error', summary: 'A value breaks another rule of the format.' },
  // Stage 2: meaning.
  E_DUPLICATE_ID: { severity: 'error', summary: 'Two things of the same kind share an id.' },
  E_DUPLICATE_TEXT_ID: { severity: 'error', summary: 'Two player-facing texts share an id.' },
  E_UNKNOWN_ROLE: { severity: 'error', summary: 'A role id that no role in the file has.' },
  E_UNKNOWN_ASSURANCE: {
    severity: 'error',
    summary: 'An assurance id that no assurance in the file has.',
  },
  E_UNKNOWN_DECISION: {
    severity: 'error',
    summary: 'A decision id that no decision in the file has.',
  },
  E_UNKNOWN_TARGET: {
    severity: 'error',
    summary: 'A valuation change names neither an assurance nor a decision.',
  },
  E_UNKNOWN_SOURCE: {
    severity: 'error',
    summary: 'A source id that is not in the top-level "sources".',
  },
  E_REQUIRES_CYCLE: { severity: 'error', summary: 'Assurances require each other in a circle.' },
  E_REQUIRES_EXCLUDED: {
    severity: 'error',
    summary:
      'An assurance needs (directly or through others) two assurances that exclude each other.',
  },
  E_EXCLUDES_SELF: { severity: 'error', summary: 'An assurance excludes itself.' },
  E_BAND: {
    severity: 'error',
    summary: "A meter's healthy band has its low end above its high end.",
  },
  E_CONDITION_NEVER: {
    severity: 'error',
    summary: 'A condition contradicts itself, so it can never hold.',
  },
  E_AGREEMENT_UNREACHABLE: {
    severity: 'error',
    summary: 'No coalition of roles can meet the agreement rule.',
  },
  E_TURN_ORDER: { severity: 'error', summary: 'The turn order misses a role or names one twice.' },
  E_DECISION_UNREACHABLE: {
    severity: 'error',
    summary: 'No way of playing can make this decision open.',
  },
  E_NO_FINAL_DECISION: {
    severity: 'error',
    summary: 'Every decision is a "defer", so the game can never end.',
  },
  E_MULTIPLE_DEFER: {
    severity: 'error',
    summary: 'More than one "defer" decision (the game allows one deferral).',
  },
  E_NO_DECISION_OPEN: {
    severity: 'error',
    summary:
      'For some number of agreed assurances no final decision allows that many: the game would stop there.',
  },
  W_DELIVERER_RED_LINE: {
    severity: 'warning',
    summary: 'The role that must deliver an assurance has it as a red line.',
  },
  W_NEVER_AVAILABLE: {
    severity: 'warning',
    summary:
      'An assurance can never be played: hidden and no event unlocks it (or one it requires).',
  },
  W_UNLOCK_AVAILABLE: {
    severity: 'warning',
    summary: 'An event unlocks an assurance that is already available.',
  },
  W_UNKNOWN_PORTRAIT: {
    severity: 'warning',
    summary: 'A role names a portrait the game does not have: it shows the generic one.',
  },
  W_NO_DECISION_OPEN: {
    severity: 'warning',
    summary:
      'For some number of agreed assurances only decisions needing particular assurances are open: the decider may be stuck.',
  },
  W_PLACEHOLDER_SOURCE: {
    severity: 'warning',
    summary:
      'A source looks like a placeholder (an example.org address, "TODO"): players would see it as a real citation.',
  },
  W_LONG_SHORT_NAME: {
    severity: 'warning',
    summary: "A role's short name is longer than a seat's label has room for.",
  },
  W_SAME_COLOUR: {
    severity: 'warning',
    summary: 'Two roles share a colour, so their seats cannot be told apart by colour.',
  },
  W_AGREEMENT_COUNT_IGNORED: {
    severity: 'warning',
    summary: '"count" is set but the agreement kind ignores it.',
  },
  W_CHECK_LIMIT: {
    severity: 'warning',
    summary: 'The file is too large for some meaning checks to run in full.',
  },
  // Either stage.
  E_TOO_MANY_PROBLEMS: {
    severity: 'error',
    summary: 'More problems were found than are listed (a warning if all the unlisted ones are).',
  },
  E_INTERNAL: { severity: 'error', summary: 'The loader itself failed; please report the file.' },
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export type PathSegment = string | number;

/** One thing wrong with a scenario file, located in the source. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** Plain English for a teacher-author: what is wrong and what to do. */
  message: string;
  /** File name as given to the loader (for messages that name the file). */
  file: string;
  path: PathSegment[];
  /** The path as authors read it, e.g. `$.roles[2].colour`. */
  pathText: string;
  /** 1-based, as an editor shows it. */
  line: number;
  /** 1-based, in UTF-16 code units; a byte-order mark takes no column. */
  column: number;
}

export function severityOf(code: ProblemCode): Severity {
  return PROBLEM_CODES[code].severity;
}

const plainKey = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["roles", 2, "colour"]` → `$.roles[2].colour`; odd keys are quoted: `$.x["a b"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (plainKey.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Compiler style, one line: `FILE:LINE:COL: error CODE at PATH: message`. */
export function formatProblem(problem: Problem): string {
  const { file, line, column, severity, code, pathText, message } = problem;
  return `${file}:${line}:${column}: ${severity} ${code} at ${pathText}: ${message}`;
}

/** Beyond this many candidates a suggestion is unlikely to help, and would cost time per problem. */
const MAX_CANDIDATES = 500;

/** The closest candidate to a likely typo, or undefined when none is close. */
function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length > MAX_CANDIDATES) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  for (const candidate of list) {
    if (candidate.toLowerCase() === lower) return candidate;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " Did you mean "x"?" or "" — appended to messages. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` Did you mean "${match}"?`;
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (the commonest typo),
 * giving up (returning limit + 1) once it must exceed `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // rows[i][j]: distance between the first i letters of a and the first j letters of b.
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    if (Math.min(...row) > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? limit + 1;
}
