/**
 * The role cards as DOM: two overview sheets (the situation; meters, decisions and the teacher's
 * objectives and lesson plans), then two
 * sheets per role (a public card, then a private card, so double-sided printing puts the
 * private card on the back). Scenario text is data, so every string goes in with `textContent` (never
 * `innerHTML`), and only http(s) addresses become links. Black-and-white friendly: "PRIVATE",
 * "decides" and "red line" are words and borders, never a colour alone (print.css).
 */
import type { RoleCard, RoleCardsModel, SourceLine, WorthLine } from './role-cards.ts';
import { scoreNumber } from './rule-words.ts';

export interface RenderOptions {
  /** URL of a role's portrait (its scenario value); undefined leaves the portrait out. */
  portraitUrl?: (portrait: string) => string | undefined;
}

type Tag = keyof HTMLElementTagNameMap;

/** Creates an element with an optional class and text, appended to `parent` when given. */
export function el<K extends Tag>(
  tag: K,
  options: { className?: string; text?: string; parent?: HTMLElement } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  options.parent?.appendChild(node);
  return node;
}

function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function sources(parent: HTMLElement, list: readonly SourceLine[], label = 'Sources'): void {
  if (list.length === 0) return;
  const box = el('div', { className: 'sources', parent });
  el('p', { className: 'sources-label', text: `${label}:`, parent: box });
  const ol = el('ol', { parent: box });
  for (const s of list) {
    const li = el('li', { parent: ol });
    li.append(`${s.text} — `);
    const href = safeHref(s.url);
    if (href) {
      const a = el('a', { text: s.url, parent: li });
      a.href = href;
      a.rel = 'noopener noreferrer';
    } else li.append(s.url);
  }
}

function sheetOf(className: string, headingId: string, parent?: HTMLElement): HTMLElement {
  const node = el('section', { className: `sheet ${className}`, parent });
  node.setAttribute('aria-labelledby', headingId);
  return node;
}

/** Two pages, so that printed double-sided every role card starts on a front page. */
function overview(model: RoleCardsModel): HTMLElement {
  const part = el('div', { className: 'overview' });
  const situation = sheetOf('situation', 'overview-situation', part);
  el('p', { className: 'kicker', text: `Oversight · ${model.title}`, parent: situation });
  el('h2', { text: 'The situation (read it aloud)', parent: situation }).id = 'overview-situation';
  el('p', {
    className: 'meta',
    text: `${model.place} · ${model.period} · ${model.cards.length} roles · ${model.deciderName} decides`,
    parent: situation,
  });
  el('p', { className: 'lead', text: model.summary, parent: situation });

  el('h3', { text: 'Around the table', parent: situation });
  const roles = el('ul', { className: 'plain', parent: situation });
  for (const c of model.cards) {
    const li = el('li', { parent: roles });
    el('strong', { text: c.shortName, parent: li });
    li.append(`: ${c.name}${c.isDecider ? ' (decides)' : ''}`);
  }

  el('h3', { text: 'How the table works', parent: situation });
  const how = el('ol', { parent: situation });
  for (const line of model.howItWorks) el('li', { text: line, parent: how });
  sources(situation, model.summarySources);

  const rules = sheetOf('rules', 'overview-rules', part);
  el('p', { className: 'kicker', text: `Oversight · ${model.title}`, parent: rules });
  el('h2', { text: 'Meters and decisions', parent: rules }).id = 'overview-rules';
  el('h3', { text: 'The three public meters', parent: rules });
  const meters = el('ul', { className: 'plain', parent: rules });
  for (const m of model.meters) {
    const li = el('li', { parent: meters });
    el('strong', { text: m.name, parent: li });
    li.append(`: ${m.description} ${m.numbers}`);
  }
  el('p', {
    className: 'small',
    text: `Balance score (0–100): ${model.balanceRule}`,
    parent: rules,
  });

  el('h3', { text: `The decisions (${model.deciderName} decides)`, parent: rules });
  const decisions = el('ul', { className: 'plain', parent: rules });
  for (const d of model.decisions) {
    const li = el('li', { parent: decisions });
    el('strong', { text: d.title, parent: li });
    li.append(`: ${d.summary}`);
    if (d.notes.length > 0) {
      el('span', { className: 'note', text: ` ${d.notes.join(' ')}`, parent: li });
    }
  }
  teacherNotes(rules, model);
  return part;
}

/** The scenario's learning objectives and lesson plans (its own words), when it has any. */
function teacherNotes(parent: HTMLElement, model: RoleCardsModel): void {
  if (model.objectives.length > 0) {
    el('h3', { text: 'For the teacher: learning objectives', parent });
    const list = el('ol', { parent });
    for (const o of model.objectives) el('li', { text: o, parent: list });
  }
  if (model.lessonPlans.length > 0) {
    el('h3', { text: 'For the teacher: suggested lesson plans', parent });
    const plans = el('ul', { className: 'plain', parent });
    for (const { minutes, plan } of model.lessonPlans) {
      const li = el('li', { parent: plans });
      el('strong', { text: `${minutes} minutes`, parent: li });
      li.append(`: ${plan}`);
    }
  }
}

function worthList(parent: HTMLElement, lines: readonly WorthLine[], caption: string): void {
  const table = el('table', { className: 'worth', parent });
  el('caption', { text: caption, parent: table });
  const head = el('tr', { parent: el('thead', { parent: table }) });
  el('th', { text: 'Worth to you', parent: head }).scope = 'col';
  el('th', { text: 'Option', parent: head }).scope = 'col';
  const body = el('tbody', { parent: table });
  for (const line of lines) {
    const tr = el('tr', { parent: body });
    if (line.redLine) tr.className = 'red-line';
    el('td', { className: 'num', text: line.worthText, parent: tr });
    const name = el('td', { text: line.title, parent: tr });
    if (line.redLine)
      el('strong', { className: 'red-line-word', text: ' — RED LINE', parent: name });
    if (line.note) el('span', { className: 'note', text: `, ${line.note}`, parent: name });
  }
}

/** The head of both halves of a card: portrait, name, seat (and whose eyes it is for). */
function cardHead(
  parent: HTMLElement,
  model: RoleCardsModel,
  c: RoleCard,
  options: RenderOptions,
  headingId: string,
  kicker: string,
): void {
  const head = el('header', { className: 'card-head', parent });
  const url = options.portraitUrl?.(c.portrait);
  if (url) {
    const img = el('img', { className: 'portrait', parent: head });
    img.src = url;
    img.alt = '';
    img.width = 96;
    img.height = 96;
  }
  const titles = el('div', { className: 'card-titles', parent: head });
  el('p', { className: 'kicker', text: `${kicker} · ${model.title}`, parent: titles });
  el('h2', { text: c.name, parent: titles }).id = headingId;
  const seat = el('p', { className: 'seat', parent: titles });
  if (c.isDecider) el('strong', { className: 'badge', text: 'Decides', parent: seat });
  seat.append(c.seat);
}

/** One role: a public card (front) and a private card (back). */
function card(model: RoleCardsModel, c: RoleCard, options: RenderOptions): HTMLElement {
  const article = el('article', { className: `role${c.isDecider ? ' decider' : ''}` });
  article.dataset.role = c.roleId;
  const nameId = `card-${c.roleId}-name`;
  article.setAttribute('aria-labelledby', nameId);

  const pub = sheetOf('card-public', nameId, article);
  cardHead(pub, model, c, options, nameId, 'Role card (public)');
  el('h3', { text: 'Public brief (everyone may hear this)', parent: pub });
  el('p', { className: 'brief', text: c.publicBrief, parent: pub });
  el('h3', { text: 'Promises only you can offer', parent: pub });
  if (c.offers.length === 0) {
    el('p', {
      text: 'None: you deliver no promise yourself. Your power is your vote on every package.',
      parent: pub,
    });
  } else {
    const ul = el('ul', { className: 'offers', parent: pub });
    for (const o of c.offers) {
      const li = el('li', { parent: ul });
      el('strong', { text: o.title, parent: li });
      li.append(`: ${o.summary} `);
      el('span', { className: 'effects', text: `(${o.effects})`, parent: li });
      if (o.notes.length > 0) {
        el('span', { className: 'note', text: ` ${o.notes.join(' ')}`, parent: li });
      }
    }
    el('p', {
      className: 'small',
      text: 'Any role may put these in a package, but no package with one of them is agreed unless you support it.',
      parent: pub,
    });
  }
  sources(pub, c.publicSources);

  const privId = `card-${c.roleId}-private`;
  // Named by its heading and the banner, so it never shares a name with the public card.
  const priv = sheetOf('card-private', `${privId} ${privId}-banner`, article);
  cardHead(priv, model, c, options, privId, 'Role card (private)');
  el('p', {
    className: 'private-banner',
    text: `PRIVATE · for ${c.shortName} only · do not show the other players`,
    parent: priv,
  }).id = `${privId}-banner`;
  el('h3', { text: 'Private brief', parent: priv });
  el('p', { className: 'brief', text: c.privateBrief, parent: priv });

  const grid = el('div', { className: 'private-grid', parent: priv });
  const left = el('div', { parent: grid });
  el('h3', { text: 'How you score', parent: left });
  const meters = el('ul', { parent: left });
  for (const line of c.meters) el('li', { text: line, parent: meters });
  for (const line of c.scoring) el('p', { className: 'small', text: line, parent: left });
  el('p', {
    className: 'goal',
    text: `You are satisfied if your final score is ${scoreNumber(c.reservation)} or more (your reservation value). Nobody else sees this number until the debrief.`,
    parent: left,
  });
  el('h3', { text: 'Red lines', parent: left });
  if (c.redLines.length === 0) {
    el('p', { text: 'None: everything is open to negotiation.', parent: left });
  } else {
    const ul = el('ul', { parent: left });
    for (const line of c.redLines) el('li', { text: line, parent: ul });
    el('p', {
      className: 'small',
      text: 'Bots never cross their red lines. If you cross one, the debrief shows a red-line flag.',
      parent: left,
    });
  }

  const right = el('div', { parent: grid });
  worthList(right, c.decisionWorth, 'Decisions, best for you first');
  worthList(right, c.assuranceWorth, 'Promises, best for you first');
  sources(priv, c.privateSources);
  return article;
}

/** The sheets for a scenario: the overview, then one card per role. */
export function renderRoleCards(model: RoleCardsModel, options: RenderOptions = {}): HTMLElement {
  const root = el('div', { className: 'sheets' });
  root.dataset.scenario = model.scenarioId;
  root.append(overview(model), ...model.cards.map((c) => card(model, c, options)));
  return root;
}
