import { z } from 'zod';

/**
 * Plain sentences for every validation problem, so that no screen and no HTTP client ever reads the validation
 * library's own wording ("Invalid input: expected string, received undefined"). A schema's own message (written where
 * the field is defined: "A note cannot be empty.") always wins; this names the field as a person would for the rest.
 */
const FIELDS: Record<string, string> = {
  itemId: 'the agenda item',
  noteId: 'the note',
  groupId: 'the group',
  cardId: 'the data card',
  column: 'the column',
  columns: 'the columns',
  text: 'the text',
  title: 'the title',
  name: 'the name',
  plannedMinutes: 'the planned minutes',
  moduleType: 'the kind of agenda item',
  facilitatorNotes: 'the facilitator notes',
  prompt: 'the prompt',
  minutes: 'the extra time',
  index: 'the position',
  toIndex: 'the position',
  item: 'the agenda item',
  patch: 'the changes',
  locked: 'locked',
  to: 'the next step',
  dotsPerPerson: 'the dots per person',
  maxPerItem: 'the dots per item',
  onto: 'where the note goes',
  target: 'what the dot is for',
  kind: 'the kind',
  id: 'the id',
  delta: 'the dot',
  onBehalfOf: 'the name of the person in the room',
  carried: 'carried forward',
  card: 'the data card',
  value: 'the value',
  note: 'the note',
  mission: 'the mission',
  vision: 'the vision',
  values: 'the values',
  pastedCarried: 'the carried-forward items',
  outcomeId: 'the outcome',
  rating: 'the rating',
  open: 'open',
  role: 'the role',
  joinCode: 'the join code',
  sessionId: 'the session',
  facilitatorKey: 'the facilitator key',
  participantToken: 'the participant token',
  lastSeq: 'the last event seen',
  protocol: 'the page version',
  templateId: 'the template',
  type: 'the kind of command',
  payload: 'the details of the command',
  scope: 'what the report covers',
  timeZone: 'the time zone',
  workGroupId: 'the work group',
  intoId: 'what it merges into',
  fromId: 'what merges into another',
  valueId: 'the value',
  proposalId: 'the proposal',
  actionId: 'the action',
  description: 'the description',
  scale: 'the scale',
  score: 'the score',
  phase: 'the phase',
  shown: 'shown',
  involve: 'who needs to be involved',
  reason: 'the reason',
  themeId: 'the theme',
  strategyId: 'the strategy',
  stepId: 'the action step',
  answerId: 'the answer',
  participantId: 'the participant',
  source: 'where the theme comes from',
  capacity: 'the capacity',
  selfSelect: 'pick their own group',
  action: 'what the timer does',
  warning: 'time warning',
  ready: 'ready',
  what: 'the action step',
  owner: 'the owner',
  byWhen: 'by when',
  field: 'the heading',
  // The stakeholder eco-map.
  centre: 'the agency at the centre',
  partnerId: 'the partner',
  category: 'the category',
  side: 'the side',
  names: 'the names',
  mark: 'the mark',
  vote: 'the vote',
  how: 'how',
  who: 'who',
  when: 'when',
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no (true or false)',
  object: 'a set of fields',
  array: 'a list',
};

/** Fields named in the plural ("The columns are missing."). */
const PLURAL = new Set([
  'the columns',
  'the planned minutes',
  'the facilitator notes',
  'the changes',
  'the dots per person',
  'the dots per item',
  'the values',
  'the carried-forward items',
  'the details of the command',
  'the names',
]);

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** How a person would name the field at the end of a path ("the agenda item", "entry 3 of the columns"). */
export function fieldName(path: readonly PropertyKey[] | undefined): string {
  const keys = path ?? [];
  const last = keys[keys.length - 1];
  if (typeof last === 'number') return `entry ${last + 1} of ${fieldName(keys.slice(0, -1))}`;
  if (last === undefined) return 'the request';
  const name = String(last);
  return Object.prototype.hasOwnProperty.call(FIELDS, name) ? FIELDS[name]! : `the field "${name}"`;
}

const list = (values: readonly unknown[]): string => values.map((v) => `"${String(v)}"`).join(', ');

/** Loosely typed on purpose: the raw issue of every zod check passes through here. */
interface RawIssue {
  code?: string;
  path?: PropertyKey[];
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  keys?: string[];
  values?: unknown[];
  format?: string;
  discriminator?: string;
}

/** One sentence for one validation problem. */
export function humanIssue(issue: RawIssue): string {
  const field = fieldName(issue.path);
  const Field = capital(field);
  const many = PLURAL.has(field);
  const is = many ? 'are' : 'is';
  const needs = many ? 'need' : 'needs';
  const has = many ? 'have' : 'has';
  const n = (x: number | bigint | undefined): string => String(x ?? '');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${Field} ${is} missing.`;
      return `${Field} should be ${EXPECTED[issue.expected ?? ''] ?? 'something else'}.`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? `${Field} ${is} empty.` : `${Field} ${needs} at least ${n(issue.minimum)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${Field} ${needs} at least ${n(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}.`;
      return `${Field} must be at least ${n(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${Field} can be at most ${n(issue.maximum)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${Field} can have at most ${n(issue.maximum)} entries.`;
      return `${Field} can be at most ${n(issue.maximum)}.`;
    case 'invalid_format':
      return `${Field} ${has} characters that are not allowed.`;
    case 'invalid_value':
      return issue.values && issue.values.length <= 8 ? `${Field} must be one of ${list(issue.values)}.` : `${Field} ${is} not one we know.`;
    case 'unrecognized_keys':
      return (issue.keys?.length ?? 0) > 1
        ? `We do not know the fields ${list(issue.keys ?? [])} here.`
        : `We do not know the field ${list(issue.keys ?? [])} here.`;
    case 'invalid_union':
      if (issue.discriminator === 'type' || field === FIELDS.type) return 'We do not know that kind of command.';
      if (issue.discriminator === 'role') return 'Say whether you join as the facilitator, a participant or the board.';
      return `${Field} ${is} not in a form we know.`;
    case 'not_multiple_of':
      return `${Field} must be a whole number.`;
    default:
      return `${Field} ${is} not valid.`;
  }
}

// App-wide: every parse that has no message of its own gets ours, wherever it runs (server, client, templates).
z.config({ customError: (issue) => humanIssue(issue as RawIssue) });

/** The sentence for a failed parse: its first problem (each message names its field). */
export function describeIssues(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? 'That request is not valid.';
}
