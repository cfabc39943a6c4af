import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaText } from '../../scripts/print-schema.js';
import { NODE_TYPES } from '../../src/schema/ids.js';
import { schema } from '../../src/schema/index.js';

/** Every named thing of the schema that lacks a description, as "Type.field(arg)". */
function undescribed(): string[] {
  const missing: string[] = [];
  const ownTypes = Object.values(schema.getTypeMap()).filter(
    (t: GraphQLNamedType) => !t.name.startsWith('__') && !isSpecifiedScalarType(t),
  );
  for (const type of ownTypes) {
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) {
          if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
      }
    }
  }
  return missing;
}

describe('the schema', () => {
  it('matches the committed schema.graphql (run `npm run schema:print` after changing it)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribed()).toEqual([]);
  });

  it('decodes global ids of exactly the types that implement Node', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('no Node interface');
    const implementations = schema.getPossibleTypes(node).map((t) => t.name);
    expect([...implementations].sort()).toEqual([...NODE_TYPES].sort());
  });

  it('names the DESIGN.md root fields and relations', () => {
    const query = schema.getQueryType()!.getFields();
    const args = (field: string) => query[field]!.args.map((a) => a.name);
    expect(args('articles')).toEqual(
      expect.arrayContaining(['search', 'publishedFrom', 'publishedTo', 'first', 'after', 'last', 'before']),
    );
    expect(args('speakers')).toEqual(expect.arrayContaining(['search']));
    expect(args('quotes')).toEqual(expect.arrayContaining(['speaker', 'article', 'search', 'from', 'to']));
    expect(args('organizations')).toEqual(expect.arrayContaining(['search', 'kind']));
    expect(args('events')).toEqual(expect.arrayContaining(['from', 'to', 'on', 'participant', 'kind']));
    expect(args('search')).toEqual(expect.arrayContaining(['query']));
    for (const field of ['article', 'speaker', 'organization', 'event', 'node', 'nodes']) expect(query[field]).toBeDefined();
    const fields = (type: string) => {
      const t = schema.getType(type);
      if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
      return Object.keys(t.getFields());
    };
    expect(fields('Speaker')).toEqual(expect.arrayContaining(['quotes', 'events', 'organizations', 'articles']));
    expect(fields('Organization')).toEqual(expect.arrayContaining(['members', 'events']));
    expect(fields('Article')).toEqual(expect.arrayContaining(['quotes', 'events', 'speakers', 'organizations']));
    expect(fields('Quote')).toEqual(expect.arrayContaining(['speaker', 'article']));
    expect(fields('Event')).toEqual(expect.arrayContaining(['participants', 'articles', 'date']));
    expect(fields('PartialDate')).toEqual(['start', 'end', 'precision', 'text', 'external']);
    for (const connection of Object.keys(schema.getTypeMap()).filter((n) => n.endsWith('Connection'))) {
      expect(fields(connection)).toEqual(expect.arrayContaining(['edges', 'nodes', 'pageInfo', 'totalCount']));
    }
  });
});
