/**
 * How the messages one side sends on one endpoint are told apart (JSON Schema `const` and `enum`,
 * AsyncAPI 3.0.0 "Schema Object" `discriminator`): by a property every payload requires with a
 * value of its own, or, where there is none, by their validators in document order. For the
 * latter, which pairs of payloads may accept one value, so that generation can warn.
 */
import type { JsonSchema, JsonValue, MessageModel, SchemaModel } from '../../model.js';
import { resolve } from '../../lib/json-schema.js';
import { isRecord } from '../../load/schemas.js';

export type Scalar = string | number | boolean | null;

/** Properties that name a message in protocols that use one, tried first in this order. */
const USUAL = ['type', 'event', 'op', 'action', 'method', 'kind', 'channel', 'topic'];

export interface Discriminator {
  readonly property: string;
  /** Message key -> its value. */
  readonly values: ReadonlyMap<string, Scalar>;
}

function isScalar(value: JsonValue | undefined): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function propertiesOf(schema: JsonSchema | null): Readonly<Record<string, JsonValue>> {
  const props = schema?.['properties'];
  return isRecord(props) ? (props as Record<string, JsonValue>) : {};
}

function requiredOf(schema: JsonSchema | null): readonly string[] {
  const required = schema?.['required'];
  return Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : [];
}

/** The one value a property schema allows (`const`, or an `enum` of one), or `undefined`. */
function onlyValue(schema: JsonSchema | null): Scalar | undefined {
  if (schema === null) return undefined;
  const c = schema['const'];
  if ('const' in schema && isScalar(c)) return c;
  const e = schema['enum'];
  if (Array.isArray(e) && e.length === 1 && isScalar(e[0])) return e[0];
  return undefined;
}

/**
 * The value of `property` in a payload: its single value, required; or, for the schema's own
 * `discriminator` property without one, the schema's name (as the Schema Object defines it).
 */
function valueOf(m: MessageModel, property: string, schemas: ReadonlyMap<string, SchemaModel>): Scalar | undefined {
  const payload = resolve(m.payload, schemas);
  if (!requiredOf(payload).includes(property)) return undefined;
  const own = onlyValue(resolve(propertiesOf(payload)[property] ?? null, schemas));
  if (own !== undefined) return own;
  return payload?.['discriminator'] === property ? m.payloadSchema : undefined;
}

function candidates(messages: readonly MessageModel[], schemas: ReadonlyMap<string, SchemaModel>): string[] {
  const declared = messages.map((m) => resolve(m.payload, schemas)?.['discriminator']).filter((d): d is string => typeof d === 'string');
  const first = resolve(messages[0]?.payload ?? null, schemas);
  const rest = Object.keys(propertiesOf(first)).sort((a, b) => rank(a) - rank(b));
  return [...new Set([...declared, ...rest])];
}

function rank(name: string): number {
  const i = USUAL.indexOf(name);
  return i < 0 ? USUAL.length : i;
}

/** The first candidate property whose value every message has, each its own; `null` for none. */
export function discriminatorOf(messages: readonly MessageModel[], schemas: ReadonlyMap<string, SchemaModel>): Discriminator | null {
  if (messages.length === 0) return null;
  for (const property of candidates(messages, schemas)) {
    const values = new Map<string, Scalar>();
    const seen = new Set<Scalar>();
    for (const m of messages) {
      const v = valueOf(m, property, schemas);
      if (v === undefined || seen.has(v)) break;
      seen.add(v);
      values.set(m.key, v);
    }
    if (values.size === messages.length) return { property, values };
  }
  return null;
}

/**
 * Pairs of messages (in document order) whose payloads may both accept one value. Conservative:
 * a pair is kept apart only by what shows at the top of both schemas (different `type`s, a
 * property one requires with a single value and the other declares with another, or a closed
 * schema and a property it does not declare that the other requires).
 */
export function ambiguousPairs(messages: readonly MessageModel[], schemas: ReadonlyMap<string, SchemaModel>): [MessageModel, MessageModel][] {
  const out: [MessageModel, MessageModel][] = [];
  for (const [i, a] of messages.entries()) {
    for (const b of messages.slice(i + 1)) {
      if (!disjoint(resolve(a.payload, schemas), resolve(b.payload, schemas), schemas)) out.push([a, b]);
    }
  }
  return out;
}

function disjoint(a: JsonSchema | null, b: JsonSchema | null, schemas: ReadonlyMap<string, SchemaModel>): boolean {
  if (a === null || b === null) return false;
  const ta = a['type'];
  const tb = b['type'];
  if (typeof ta === 'string' && typeof tb === 'string' && ta !== tb && !(ta === 'integer' && tb === 'number') && !(ta === 'number' && tb === 'integer')) return true;
  const pa = propertiesOf(a);
  const pb = propertiesOf(b);
  // A property one requires with a single value that the other declares with another one.
  const clash = (x: JsonSchema, px: Readonly<Record<string, JsonValue>>, py: Readonly<Record<string, JsonValue>>) =>
    requiredOf(x).some((name) => {
      const vx = onlyValue(resolve(px[name] ?? null, schemas));
      const vy = name in py ? onlyValue(resolve(py[name] ?? null, schemas)) : undefined;
      return vx !== undefined && vy !== undefined && vx !== vy;
    });
  if (clash(a, pa, pb) || clash(b, pb, pa)) return true;
  const closedWithout = (s: JsonSchema, props: Readonly<Record<string, JsonValue>>, other: JsonSchema) =>
    s['additionalProperties'] === false && requiredOf(other).some((n) => !(n in props));
  return closedWithout(a, pa, b) || closedWithout(b, pb, a);
}
