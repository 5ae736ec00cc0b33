// Checks a JSON value against a schema of the Trello OpenAPI file: types, nullability, enums and id patterns of the keys present.
import { readFileSync } from 'node:fs';
import { FIXTURES_DIR } from '../../fixtures/fixtures-dir';

/** The parts of an OpenAPI schema object the check reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  pattern?: string;
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
}

/** One operation of the OpenAPI file. */
export interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema } | undefined> };
}

/** The OpenAPI file, as far as the tests read it. */
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export const openApi = JSON.parse(readFileSync(`${FIXTURES_DIR}/trello-openapi.json`, 'utf8')) as OpenApi;

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = openApi.components.schemas[name];
  if (!target) throw new Error(`no schema ${name}`);
  // A `nullable` next to a `$ref` applies to the reference.
  return { ...resolve(target), nullable: schema.nullable ?? target.nullable };
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      throw new Error(`unknown schema type ${type}`);
  }
}

/**
 * Mismatches between `value` and `schema`, as `path: reason` strings. Keys the schema does not define are not
 * checked; paths in `errata` (where the spec contradicts what the real API sends; `[]` stands for any array index)
 * are skipped.
 */
export function schemaProblems(value: unknown, schema: Schema, path: string, errata: ReadonlySet<string> = new Set()): string[] {
  if (errata.has(path.replace(/\[\d+\]/g, '[]'))) return [];
  const resolved = resolve(schema);
  if (value === null) return resolved.nullable ? [] : [`${path}: null, schema not nullable`];
  if (resolved.oneOf) {
    const fits = resolved.oneOf.some((option) => schemaProblems(value, option, path, errata).length === 0);
    return fits ? [] : [`${path}: fits none of oneOf`];
  }
  if (resolved.type && !typeMatches(resolved.type, value)) return [`${path}: expected ${resolved.type}, got ${JSON.stringify(value)}`];
  if (resolved.enum && !resolved.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  if (resolved.pattern && typeof value === 'string' && !new RegExp(resolved.pattern).test(value)) return [`${path}: ${value} does not match ${resolved.pattern}`];
  if (Array.isArray(value) && resolved.items) {
    const items = resolved.items;
    return value.flatMap((item, index) => schemaProblems(item, items, `${path}[${index}]`, errata));
  }
  if (resolved.properties && typeof value === 'object') {
    const properties = resolved.properties;
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
      properties[key] ? schemaProblems(child, properties[key], `${path}.${key}`, errata) : [],
    );
  }
  return [];
}

/** The schema of a component by name. */
export function component(name: string): Schema {
  return { $ref: `#/components/schemas/${name}` };
}
