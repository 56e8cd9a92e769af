// Checks request bodies against Discord's OpenAPI spec: a small JSON Schema walker over vendor/discord-api-spec.
import { readFileSync } from 'node:fs';

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  params: number;
  operationId: string;
  body?: Schema;
}

const SPEC_PATH = new URL('../../vendor/discord-api-spec/openapi.json', import.meta.url);

export function createSpecValidator(path: URL | string = SPEC_PATH) {
  const spec = JSON.parse(readFileSync(path, 'utf8')) as {
    paths: Record<string, Record<string, Schema>>;
    components: { schemas: Record<string, Schema> };
  };
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      operations.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${source}$`),
        params: (template.match(/\{/g) ?? []).length,
        operationId: String(op.operationId),
        body: content?.['application/json']?.schema,
      });
    }
  }

  const resolve = (schema: Schema): Schema => {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    return resolve(spec.components.schemas[ref.replace('#/components/schemas/', '')]!);
  };

  function validate(raw: Schema, value: unknown, at: string): string[] {
    const schema = resolve(raw);
    const errors: string[] = [];
    const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type as string | string[]);
    if (types && !types.some((t) => isType(t, value)))
      return [`${at}: expected ${types.join('|')}, got ${typeName(value)}`];
    if (Array.isArray(schema.enum) && !schema.enum.includes(value))
      errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
    if ('const' in schema && schema.const !== value) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
    if (typeof value === 'string') {
      if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
        errors.push(`${at}: longer than ${schema.maxLength}`);
      if (typeof schema.minLength === 'number' && value.length < schema.minLength)
        errors.push(`${at}: shorter than ${schema.minLength}`);
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
        errors.push(`${at}: does not match ${schema.pattern}`);
    }
    if (typeof value === 'number') {
      if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
      if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    }
    if (Array.isArray(value)) {
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
        errors.push(`${at}: more than ${schema.maxItems} items`);
      if (typeof schema.minItems === 'number' && value.length < schema.minItems)
        errors.push(`${at}: fewer than ${schema.minItems} items`);
      if (schema.items)
        for (const [i, v] of value.entries()) errors.push(...validate(schema.items as Schema, v, `${at}[${i}]`));
    }
    if (isType('object', value)) {
      const object = value as Record<string, unknown>;
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      for (const name of (schema.required ?? []) as string[])
        if (!(name in object)) errors.push(`${at}.${name}: required`);
      for (const [name, v] of Object.entries(object)) {
        if (v === undefined) continue;
        if (properties[name]) errors.push(...validate(properties[name], v, `${at}.${name}`));
        else if (schema.additionalProperties === false) errors.push(`${at}.${name}: not allowed`);
        else if (isType('object', schema.additionalProperties))
          errors.push(...validate(schema.additionalProperties as Schema, v, `${at}.${name}`));
      }
    }
    for (const sub of (schema.allOf ?? []) as Schema[]) errors.push(...validate(sub, value, at));
    // oneOf is checked as anyOf: the spec's variants overlap (e.g.
    // int32 enums), and "matches one" is what matters here.
    const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (alternatives) {
      const results = alternatives.map((s) => validate(s, value, at));
      // None matched: report the branch that got furthest (deepest error path), the one the body was meant to be.
      const depth = (r: string[]) => Math.max(...r.map((e) => e.split(':')[0]!.length));
      if (!results.some((r) => r.length === 0)) errors.push(...results.reduce((a, b) => (depth(b) > depth(a) ? b : a)));
    }
    return errors;
  }

  return {
    /** The operation a request is for, preferring literal segments (/users/@me/channels over /users/{id}/…). */
    operation(method: string, path: string): Operation | undefined {
      return operations.filter((o) => o.method === method && o.regex.test(path)).sort((a, b) => a.params - b.params)[0];
    },
    /** Problems with a JSON body for this request, or ['no such operation'] when the spec has none. */
    check(method: string, path: string, body: unknown): string[] {
      const op = this.operation(method, path);
      if (!op) return [`${method} ${path}: no such operation in the spec`];
      if (!op.body) return body === undefined ? [] : [`${op.operationId}: takes no body`];
      return validate(op.body, body, op.operationId);
    },
  };
}

function isType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

export type SpecValidator = ReturnType<typeof createSpecValidator>;
