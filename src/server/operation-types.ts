/**
 * An operation whose type the schema lacks (a subscription or a mutation: this API answers
 * queries only) is refused at validation, so it gets a 400 like any invalid document. graphql-js 16
 * would only fail it at execution, an answer without `data` sent as 200, which the GraphQL over HTTP
 * specification forbids for application/graphql-response+json.
 */
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This API has no ${node.operation}s; it answers queries only.`, { nodes: node }));
  },
});

export function operationTypesPlugin(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(KnownOperationTypesRule);
    },
  };
}
