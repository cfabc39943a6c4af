/**
 * What a field's selection asks for, read from the query itself, so a resolver can leave out work
 * nobody asked for (counting a long list, checking for rows before a cursor).
 */
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects `path` (field names, not aliases) anywhere in its
 * selection, through fragments and inline fragments. A field under @skip/@include counts as
 * selected: asking for too much is only slower, never wrong.
 */
export function selectsField(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && selects(node.selectionSet, path, info, new Set()));
}

function selects(set: SelectionSetNode, path: readonly string[], info: GraphQLResolveInfo, seen: Set<string>): boolean {
  const [name, ...rest] = path;
  return set.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        if (selection.name.value !== name) return false;
        return rest.length === 0 || (selection.selectionSet !== undefined && selects(selection.selectionSet, rest, info, seen));
      case Kind.INLINE_FRAGMENT:
        return selects(selection.selectionSet, path, info, seen);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = info.fragments[selection.name.value];
        // Validation forbids fragment cycles; `seen` only keeps a bad document from looping here.
        if (!fragment || seen.has(fragment.name.value)) return false;
        return selects(fragment.selectionSet, path, info, new Set(seen).add(fragment.name.value));
      }
    }
  });
}
