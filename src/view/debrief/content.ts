/**
 * The debrief's words, as plain data (no Phaser, no DOM): the screen draws them on the canvas
 * and in its a11y regions, and the print summary writes them into the print-only section. One
 * source, so the screen, the screen reader and the paper say the same thing.
 */
import { roleLabel } from '../../app/announce.ts';
import { citedSources } from '../../app/citations.ts';
import { signed, timelineLines } from '../../app/timeline.ts';
import { scoreNumber } from '../../print/rule-words.ts';
import { BALANCE_RULE_TEXT, bandStatus } from '../../rules/scoring.ts';
import { METER_IDS, type Scenario } from '../../scenario/schema.ts';
import type { GameView } from '../../store/types.ts';
import type { TextBlock } from '../a11y/layer.ts';

export type DebriefTab = 'timeline' | 'results' | 'history' | 'compare' | 'discussion';

export const DEBRIEF_TABS: { id: DebriefTab; label: string }[] = [
  { id: 'results', label: 'Results' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'history', label: 'What really happened' },
  { id: 'compare', label: 'Your deal vs reality' },
  { id: 'discussion', label: 'Discussion' },
];

/** A paragraph of a section: a heading line, body text, or a source (a citation + URL). */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'source'; text: string; url: string | null };

export interface Section {
  id: DebriefTab;
  title: string;
  blocks: Block[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Only http(s) addresses become links (the print summary); anything else stays plain text. */
export function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The sources of the given lists, each once, as citation blocks with their addresses. */
function sourceBlocks(scenario: Scenario, ...lists: (readonly string[] | undefined)[]): Block[] {
  return citedSources(scenario, ...lists).map(
    (c): Block => ({ kind: 'source', text: `Source: ${c.text} — ${c.url}`, url: safeUrl(c.url) }),
  );
}

export function headline(game: GameView): string {
  const v = game.view;
  const decided = v.decision
    ? `Decision: ${game.scenario.decisions.find((d) => d.id === v.decision)?.title.text ?? v.decision}`
    : 'No decision';
  const roles = v.revealed?.roles ?? [];
  const happy = roles.filter((r) => r.score.satisfied).length;
  return `${decided} · Balance ${v.balance} / 100 · ${happy} of ${roles.length} roles satisfied`;
}

export function meterLines(game: GameView): string[] {
  const { scenario, view } = game;
  return METER_IDS.map((m) => {
    const meter = scenario.meters[m];
    const value = round1(view.meters[m]);
    const status = bandStatus(scenario, m, view.meters[m]);
    const word = status === 'healthy' ? 'healthy' : status === 'low' ? 'too low' : 'too high';
    const change = signed(view.meters[m] - meter.start);
    return `${meter.name.text}: ${value} (${word}; healthy band ${meter.band.low}–${meter.band.high}; started at ${meter.start}, ${change})`;
  });
}

export function roleLines(game: GameView): string[] {
  const { scenario } = game;
  return (game.view.revealed?.roles ?? []).map((r) => {
    const s = r.score;
    const verdict = s.satisfied ? '✓ satisfied' : '✗ not satisfied';
    return `${roleLabel(scenario, r.role)}: score ${scoreNumber(s.total)} against a reservation of ${scoreNumber(s.reservation)} — ${verdict} (assurances ${signed(s.assurances)}, decision ${signed(s.decision)}, meters ${signed(s.meters)})`;
  });
}

export function redLineLines(game: GameView): string[] {
  const { scenario } = game;
  const how: Record<string, string> = {
    proposed: 'proposed',
    supported: 'supported',
    amended: 'amended in',
    stance: 'publicly backed',
    decided: 'decided',
  };
  return (game.view.revealed?.redLineFlags ?? []).map((f) => {
    const what =
      f.kind === 'assurance'
        ? (scenario.assurances.find((a) => a.id === f.id)?.title.text ?? f.id)
        : (scenario.decisions.find((d) => d.id === f.id)?.title.text ?? f.id);
    return `⚑ ${roleLabel(scenario, f.role)} crossed a red line in round ${f.round}: ${how[f.how] ?? f.how} “${what}”`;
  });
}

export function buildSections(game: GameView): Section[] {
  const { scenario, view } = game;
  const timeline = timelineLines(scenario, view.log, view.packages);
  const flags = redLineLines(game);

  const results: Section = {
    id: 'results',
    title: 'Results',
    blocks: [
      { kind: 'heading', text: 'Final meters' },
      ...meterLines(game).map((text): Block => ({ kind: 'item', text })),
      { kind: 'para', text: `Balance: ${view.balance} / 100. ${BALANCE_RULE_TEXT}` },
      { kind: 'heading', text: 'Each role against its reservation value (revealed now)' },
      ...roleLines(game).map((text): Block => ({ kind: 'item', text })),
      { kind: 'heading', text: 'Red lines' },
      ...(flags.length > 0
        ? flags.map((text): Block => ({ kind: 'item', text }))
        : [{ kind: 'para', text: 'Nobody crossed a red line.' } satisfies Block]),
    ],
  };

  const timelineSection: Section = {
    id: 'timeline',
    title: 'Timeline: what moved and why',
    blocks:
      timeline.length > 0
        ? [
            {
              kind: 'para',
              text: 'Each line: the round, what happened and how the meters moved. Beside a promise, in brackets: the role that delivers it ↔ the role whose package it was.',
            },
            ...timeline.map((l): Block => ({ kind: 'item', text: l.text })),
          ]
        : [{ kind: 'para', text: 'Nothing moved the meters.' }],
  };

  const history: Section = {
    id: 'history',
    title: 'What really happened',
    blocks: scenario.debrief.history.flatMap((h): Block[] => [
      { kind: 'heading', text: h.date ?? 'Undated' },
      { kind: 'para', text: h.text.text },
      ...sourceBlocks(scenario, h.sources, h.text.sources),
    ]),
  };

  const auditOf = new Map(view.audits.map((a) => [a.assurance, a]));
  const dealItems = view.agreed.map((a): Block => {
    const card = scenario.assurances.find((x) => x.id === a.id);
    const audit = auditOf.get(a.id);
    const verdict = audit
      ? audit.breached
        ? ' — audited: BREACHED'
        : ' — audited: kept'
      : card?.verification
        ? ' — not binding, not audited'
        : ' — not verifiable';
    return {
      kind: 'item',
      text: `${card?.title.text ?? a.id} (delivered by ${roleLabel(scenario, card?.deliverer ?? null)}, agreed in round ${a.round})${verdict}`,
    };
  });
  const decision = scenario.decisions.find((d) => d.id === view.decision);
  const last = scenario.debrief.history[scenario.debrief.history.length - 1];
  const epilogues = view.epilogues
    .map((id) => scenario.epilogues.find((e) => e.id === id))
    .filter((e) => e !== undefined);
  const compare: Section = {
    id: 'compare',
    title: 'Your deal vs reality',
    blocks: [
      { kind: 'heading', text: 'Your table' },
      {
        kind: 'para',
        text: decision
          ? `${decision.title.text}: ${decision.summary.text}`
          : 'No decision was taken.',
      },
      ...(dealItems.length > 0
        ? dealItems
        : [{ kind: 'para', text: 'No assurances were agreed.' } satisfies Block]),
      ...(decision && !decision.enforcesConditions && dealItems.length > 0
        ? [
            {
              kind: 'para',
              text: 'This decision does not make the agreed assurances binding: they were promises, not contract terms.',
            } satisfies Block,
          ]
        : []),
      ...epilogues.map((e): Block => ({ kind: 'para', text: `${e.title.text}: ${e.text.text}` })),
      { kind: 'heading', text: 'In reality' },
      ...(last
        ? [
            {
              kind: 'para',
              text: `${last.date ? `${last.date}: ` : ''}${last.text.text}`,
            } satisfies Block,
            ...sourceBlocks(scenario, last.sources),
          ]
        : [{ kind: 'para', text: 'The scenario gives no real outcome.' } satisfies Block]),
      {
        kind: 'para',
        text: 'Which of your conditions would have changed what really happened? Which would the real parties have accepted?',
      },
    ],
  };

  const d = scenario.debrief;
  const discussion: Section = {
    id: 'discussion',
    title: 'Discussion',
    blocks: [
      { kind: 'heading', text: 'Questions' },
      // A question or a definition that states facts cites them (as the history does).
      ...d.questions.flatMap((q, i): Block[] => [
        { kind: 'item', text: `${i + 1}. ${q.text}` },
        ...sourceBlocks(scenario, q.sources),
      ]),
      { kind: 'heading', text: 'Key terms' },
      ...d.keyTerms.flatMap((k): Block[] => [
        { kind: 'item', text: `${k.term.text} — ${k.definition.text}` },
        ...sourceBlocks(scenario, k.sources, k.term.sources, k.definition.sources),
      ]),
      ...(d.objectives.length > 0
        ? [
            { kind: 'heading', text: 'What this game is meant to teach' } satisfies Block,
            ...d.objectives.map((o): Block => ({ kind: 'item', text: `• ${o.text}` })),
          ]
        : []),
    ],
  };
  return [results, timelineSection, history, compare, discussion];
}

/** A section as its screen-reader twin's headings, paragraphs and list items. */
export function sectionBlocks(section: Section): TextBlock[] {
  return section.blocks.map((b) => ({ kind: b.kind === 'source' ? 'para' : b.kind, text: b.text }));
}

/** A section as one plain text (for a ScrollText on the canvas). */
export function sectionText(section: Section): string {
  const out: string[] = [];
  for (const b of section.blocks) {
    if (b.kind === 'heading') out.push(`${out.length > 0 ? '\n' : ''}${b.text.toUpperCase()}`);
    else out.push(b.text);
  }
  return out.join('\n');
}
