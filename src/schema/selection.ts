/**
 * What a field's selection asks for, read from the query itself, so a resolver can leave out work
 * nobody asked for (counting a long list, checking for rows before a cursor).
 */
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects `path` (field names, not aliases) anywhere in its
 * selection, through fragments and inline fragments. A field under @skip/@include counts as
 * selected: asking for too much is only slower, never wrong.
 */
export function selectsField(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return fieldsAt(info, path).length > 0;
}

/**
 * The field nodes at `path` under the field being resolved, through fragments and inline
 * fragments, all of them (a field asked twice, under aliases, gives two).
 */
export function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  const found: FieldNode[] = [];
  const walk = (set: SelectionSetNode, rest: readonly string[], seen: Set<string>) => {
    const [name, ...tail] = rest;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== name) continue;
        if (tail.length === 0) found.push(selection);
        else if (selection.selectionSet) walk(selection.selectionSet, tail, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, rest, seen);
      } else {
        const fragment = info.fragments[selection.name.value];
        // Validation forbids fragment cycles; `seen` only keeps a bad document from looping here.
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, rest, new Set(seen).add(fragment.name.value));
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) walk(node.selectionSet, path, new Set());
  return found;
}

/**
 * The arguments of a connection field node asking for its first page: none, or only `first` (a
 * literal or a variable). Undefined for anything else (cursors, `last`, other arguments).
 */
export function firstPageArgs(node: FieldNode, info: GraphQLResolveInfo): { first: number | null } | undefined {
  const args = node.arguments ?? [];
  if (args.length === 0) return { first: null };
  if (args.length !== 1 || args[0]?.name.value !== 'first') return undefined;
  const value = args[0].value;
  if (value.kind === Kind.INT) return { first: Number(value.value) };
  if (value.kind === Kind.NULL) return { first: null };
  if (value.kind === Kind.VARIABLE) {
    const v = info.variableValues[value.name.value];
    if (typeof v === 'number') return { first: v };
    if (v == null) return { first: null };
  }
  return undefined;
}
