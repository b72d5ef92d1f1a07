/**
 * `subscribe` and `unsubscribe` name events; a name outside the spec's `EventName` fails the
 * generated validator with an `enum` error at `/data/events/<index>`. The spec answers such a
 * request with `UNKNOWN_EVENT` naming every unknown name rather than with `INVALID_MESSAGE`, but
 * only when the names are all that is wrong with it: otherwise the validator's own error stands.
 */
import { ProtocolError } from '../errors.js';
import type { ValidationIssue, Validator } from '../protocol.js';

const EVENT_ITEM = /^\/data\/events\/(\d+)$/;
/** The spec's bound on an echoed name (`ErrorDetails.event`) and on the list of them. */
const MAX_NAME = 64;
const MAX_NAMES = 64;

/**
 * The `UNKNOWN_EVENT` error for a request that is invalid only because it names unknown events,
 * or `null` when the validator's error should be sent as it is.
 */
export function unknownEventsError(input: unknown, issue: ValidationIssue, known: readonly string[], validate: Validator<unknown>): ProtocolError | null {
  if (issue.keyword !== 'enum' || !EVENT_ITEM.test(issue.pointer)) return null;
  const events = eventsOf(input);
  if (events === null) return null;
  const knownSet = new Set(known);
  const unknown = events.flatMap((name, index) => (knownSet.has(name) ? [] : [{ index }]));
  if (unknown.length === 0) return null;
  // Stand-ins: known names the request does not list, one per unknown name, so that the rest
  // of the request (uniqueness, counts, every other field) is judged exactly as it was sent.
  const spare = known.filter((name) => !events.includes(name));
  if (spare.length < unknown.length) return null;
  const replaced = [...events];
  unknown.forEach(({ index }, i) => (replaced[index] = spare[i] as string));
  const data = (input as { data: object }).data;
  if (!validate({ ...(input as object), data: { ...data, events: replaced } }).ok) return null;
  return unknownEventsIn(events, known);
}

/** `UNKNOWN_EVENT` naming every name of `events` outside `known`, or `null` when there is none. */
export function unknownEventsIn(events: readonly string[], known: readonly string[]): ProtocolError | null {
  const knownSet = new Set(known);
  const unknown = events.flatMap((name, index) => (knownSet.has(name) ? [] : [{ name, index }]));
  const first = unknown[0];
  if (first === undefined) return null;
  const names = unknown.slice(0, MAX_NAMES).map(({ name }) => name.slice(0, MAX_NAME));
  const details: Record<string, string | readonly string[]> = { pointer: `/data/events/${first.index}`, events: names };
  if (first.name.length > 0) details['event'] = first.name.slice(0, MAX_NAME);
  const quoted = names.map((name) => JSON.stringify(name)).join(', ');
  return new ProtocolError('UNKNOWN_EVENT', `unknown event${unknown.length === 1 ? '' : 's'} ${quoted}: nothing was changed`, { details });
}

/** `data.events` when it is a list of strings, else `null`. */
function eventsOf(input: unknown): string[] | null {
  if (typeof input !== 'object' || input === null) return null;
  const data = (input as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const events = (data as { events?: unknown }).events;
  if (!Array.isArray(events) || !events.every((name): name is string => typeof name === 'string')) return null;
  return events;
}
