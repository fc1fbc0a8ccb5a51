import fc from 'fast-check';

/**
 * fast-check arbitraries derived from a JSON Schema (the OpenAPI document's, or a contract schema run
 * through `z.toJSONSchema`), so a route or event added later is fuzzed from its own schema without
 * anyone writing a generator for it. `validOf` aims at input the schema accepts (to reach handlers);
 * `hostileOf` mixes that with wrong types, boundary lengths, hostile unicode, huge numbers, missing and
 * extra fields and prototype keys.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
}

const MAX_DEPTH = 4;
/** Generated strings stay short unless a boundary is the point, so a run stays fast. */
const SHORT = 40;

/** Text that has broken parsers, databases and renderers somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'nul\u0000byte',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̸̡̢̛̗͎̜̫͓̤̹͖̀̈́́͆̓͛ḁ̴̛̗̀l̶̡̼̀g̸o',
  '\r\n\t\u0007\u001b[31m',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  `{{7*7}}\${7*7}<script>alert(1)</script>`,
  '__proto__',
  'constructor',
  '0x7fffffff',
  '-0',
  '1e999',
  'NaN',
  'null',
  'undefined',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

export const HUGE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  -0,
  0.1 + 0.2,
  Number.MIN_VALUE,
  -1,
];

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** An own, enumerable `__proto__` (or other) key: an object literal would set the prototype instead. */
export function withOwnKey(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

const unicodeText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom(...NASTY_STRINGS),
  );

/** A string of exactly `length` characters drawn from one (possibly multi-unit) character. */
const stringOfLength = (length: number) =>
  fc
    .constantFrom('a', 'é', '字', '😀', '\u0301', ' ')
    .map((char) => char.repeat(Math.max(0, length)).slice(0, Math.max(0, length) * char.length));

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function compiledPattern(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  const pattern = compiledPattern(schema.pattern);
  if (pattern)
    return fc.stringMatching(pattern).filter((value) => value.length <= (schema.maxLength ?? 10_000));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? SHORT, Math.max(minLength, SHORT));
  return fc.string({ unit: 'grapheme', minLength, maxLength }).filter((value) => value.length >= minLength);
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000);
  if (integer)
    return fc.integer({
      min: Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER),
      max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER),
    });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Input the schema most likely accepts. */
export function validOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => validOf(s, depth + 1)));
  if (schema.allOf?.[0]) return validOf(schema.allOf[0], depth + 1);
  if (depth > MAX_DEPTH) return fc.constant(null);
  const type = typesOf(schema)[0];
  switch (type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(validOf(schema.items ?? {}, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = (schema.required ?? []).filter((key) => key in properties);
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, child]) => [key, validOf(child, depth + 1)]),
        ),
        { requiredKeys: required },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of some other JSON type than the schema wants (or anything, for an open schema). */
export const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(...HUGE_NUMBERS),
    unicodeText(SHORT),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
    fc.constant({ $gt: '' }),
  );

function hostileString(schema: JsonSchema): fc.Arbitrary<unknown> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength;
  const lengths = [
    min,
    min - 1,
    0,
    1,
    ...(max !== undefined ? [max, max + 1, max * 2 + 7] : [10_000]),
  ].filter((length) => length >= 0 && length <= 70_000);
  return fc.oneof(
    fc.constantFrom(...lengths).chain(stringOfLength),
    unicodeText(Math.max(SHORT, (max ?? SHORT) + 2)),
    validString(schema).map((value) => `${value}\u0000`),
    validString(schema).map((value) => ` ${value.toUpperCase()} `),
  );
}

function hostileNumber(schema: JsonSchema): fc.Arbitrary<unknown> {
  const edges = [schema.minimum, schema.maximum]
    .filter((edge): edge is number => edge !== undefined)
    .flatMap((edge) => [edge - 1, edge + 1, edge + 0.5]);
  return fc.oneof(
    fc.constantFrom(...HUGE_NUMBERS, ...edges, 1.5),
    fc.double(),
    fc.constantFrom('1', '1e999', '-0', '0x10', ''),
  );
}

function hostileArray(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const item = schema.items ?? {};
  const tooMany = (schema.maxItems ?? 200) + 1;
  return fc.oneof(
    fc.constant([]),
    fc.array(hostileOf(item, depth + 1), { maxLength: 4 }),
    validOf(item, depth + 1).map((value) => Array.from({ length: Math.min(tooMany, 5_000) }, () => value)),
  );
}

function hostileObject(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  const valid = validOf(schema, depth) as fc.Arbitrary<Record<string, unknown>>;
  const options: Array<fc.Arbitrary<unknown>> = [
    fc.constant({}),
    // Extra fields, including prototype keys, on an otherwise valid object.
    fc
      .tuple(
        valid,
        fc.constantFrom(...PROTOTYPE_KEYS, 'isAdmin', 'userId', 'extra'),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([value, key, extra]) => withOwnKey(value, key, key === '__proto__' ? { isAdmin: true } : extra)),
    fc.constant(
      JSON.parse('{"__proto__":{"isAdmin":true,"polluted":1},"constructor":{"prototype":{"polluted":1}}}'),
    ),
  ];
  if (keys.length > 0) {
    // One field made hostile (or dropped) inside an otherwise valid object: judged on its own.
    options.push(
      fc.tuple(valid, fc.constantFrom(...keys)).chain(([value, key]) =>
        fc.option(hostileOf(properties[key] ?? {}, depth + 1), { nil: undefined, freq: 5 }).map((bad) => {
          const copy = { ...value };
          if (bad === undefined) delete copy[key];
          else copy[key] = bad;
          return copy;
        }),
      ),
      // Every field hostile at once.
      fc.record(Object.fromEntries(keys.map((key) => [key, hostileOf(properties[key] ?? {}, depth + 1)]))),
    );
  }
  return fc.oneof(...options);
}

/** Mostly wrong input for the schema, sometimes right, so both the validator and the handler are hit. */
export function hostileOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return wrongType();
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(validOf(schema, depth), ...alternatives.map((s) => hostileOf(s, depth + 1)));
  let typed: fc.Arbitrary<unknown> | undefined;
  if (schema.enum || schema.const !== undefined)
    typed = fc.oneof(
      unicodeText(SHORT),
      fc.constantFrom(...(schema.enum ?? [schema.const])).map((value) => `${String(value).toUpperCase()} `),
    );
  else
    switch (typesOf(schema)[0]) {
      case 'string':
        typed = hostileString(schema);
        break;
      case 'integer':
      case 'number':
        typed = hostileNumber(schema);
        break;
      case 'array':
        typed = hostileArray(schema, depth);
        break;
      case 'object':
        typed = hostileObject(schema, depth);
        break;
      default:
        typed = undefined;
    }
  return fc.oneof(
    { weight: 2, arbitrary: validOf(schema, depth) },
    { weight: 2, arbitrary: wrongType() },
    ...(typed ? [{ weight: 4, arbitrary: typed }] : []),
  );
}

/** Percent-encodes any text; a lone surrogate (which `encodeURIComponent` refuses) becomes invalid UTF-8. */
export function encodeAny(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}

/** Path parameter text: the real shape sometimes, hostile text (encoded or deliberately not) otherwise. */
export function hostilePathParam(schema: JsonSchema): fc.Arbitrary<string> {
  return fc.oneof(
    validString(schema).map(encodeAny),
    fc.constantFrom(...NASTY_STRINGS).map(encodeAny),
    fc.string({ unit: 'binary', maxLength: SHORT }).map(encodeAny),
    fc.constantFrom('%zz', '%', '%c0%ae', '..', '.', '%2e%2e%2f', '%2F', 'a%00b', '1e999', '-1', '0'),
    fc.integer({ min: 100, max: 3_000 }).map((length) => 'x'.repeat(length)),
  );
}

/** A 32-bit seed per name, so adding a route or event leaves every other one's sequence unchanged. */
export function seedFor(base: number, name: string): number {
  let hash = base | 0;
  for (let index = 0; index < name.length; index += 1)
    hash = Math.imul(hash ^ name.charCodeAt(index), 16_777_619);
  return hash | 0;
}
