/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Article($slug: String!) {\n  article(slug: $slug) {\n    id\n    slug\n    title\n    authors\n    outlet\n    url\n    language\n    publishedOn\n    paragraphs {\n      position\n      startOffset\n      endOffset\n      text\n    }\n  }\n}": typeof types.ArticleDocument,
    "query EventsBetween($from: Date!, $to: Date!, $first: Int = 50, $after: String) {\n  events(from: $from, to: $to, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      slug\n      title\n      kind\n      date {\n        start\n        end\n        precision\n        text\n      }\n      places\n    }\n  }\n}": typeof types.EventsBetweenDocument,
    "query QuotesBySpeaker($speaker: String!, $first: Int = 20, $after: String) {\n  quotes(speaker: $speaker, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      text\n      speakerDescription\n      verb\n      speaker {\n        slug\n        name\n      }\n      article {\n        slug\n        title\n        publishedOn\n      }\n      startOffset\n      endOffset\n    }\n  }\n}": typeof types.QuotesBySpeakerDocument,
    "query Search($query: String!, $first: Int = 10, $after: String) {\n  search(query: $query, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      rank\n      snippet\n      node {\n        __typename\n        ... on Node {\n          id\n        }\n        ... on Article {\n          slug\n          title\n        }\n        ... on Quote {\n          text\n          speaker {\n            name\n          }\n        }\n        ... on Speaker {\n          slug\n          name\n        }\n        ... on Organization {\n          slug\n          name\n        }\n        ... on Event {\n          slug\n          title\n        }\n      }\n    }\n  }\n}": typeof types.SearchDocument,
    "query SpeakerSearch($search: String!, $first: Int = 10) {\n  speakers(search: $search, first: $first) {\n    nodes {\n      id\n      slug\n      name\n      kind\n      aliases\n      description\n    }\n  }\n}": typeof types.SpeakerSearchDocument,
};
const documents: Documents = {
    "query Article($slug: String!) {\n  article(slug: $slug) {\n    id\n    slug\n    title\n    authors\n    outlet\n    url\n    language\n    publishedOn\n    paragraphs {\n      position\n      startOffset\n      endOffset\n      text\n    }\n  }\n}": types.ArticleDocument,
    "query EventsBetween($from: Date!, $to: Date!, $first: Int = 50, $after: String) {\n  events(from: $from, to: $to, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      slug\n      title\n      kind\n      date {\n        start\n        end\n        precision\n        text\n      }\n      places\n    }\n  }\n}": types.EventsBetweenDocument,
    "query QuotesBySpeaker($speaker: String!, $first: Int = 20, $after: String) {\n  quotes(speaker: $speaker, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      text\n      speakerDescription\n      verb\n      speaker {\n        slug\n        name\n      }\n      article {\n        slug\n        title\n        publishedOn\n      }\n      startOffset\n      endOffset\n    }\n  }\n}": types.QuotesBySpeakerDocument,
    "query Search($query: String!, $first: Int = 10, $after: String) {\n  search(query: $query, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      rank\n      snippet\n      node {\n        __typename\n        ... on Node {\n          id\n        }\n        ... on Article {\n          slug\n          title\n        }\n        ... on Quote {\n          text\n          speaker {\n            name\n          }\n        }\n        ... on Speaker {\n          slug\n          name\n        }\n        ... on Organization {\n          slug\n          name\n        }\n        ... on Event {\n          slug\n          title\n        }\n      }\n    }\n  }\n}": types.SearchDocument,
    "query SpeakerSearch($search: String!, $first: Int = 10) {\n  speakers(search: $search, first: $first) {\n    nodes {\n      id\n      slug\n      name\n      kind\n      aliases\n      description\n    }\n  }\n}": types.SpeakerSearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Article($slug: String!) {\n  article(slug: $slug) {\n    id\n    slug\n    title\n    authors\n    outlet\n    url\n    language\n    publishedOn\n    paragraphs {\n      position\n      startOffset\n      endOffset\n      text\n    }\n  }\n}"): (typeof documents)["query Article($slug: String!) {\n  article(slug: $slug) {\n    id\n    slug\n    title\n    authors\n    outlet\n    url\n    language\n    publishedOn\n    paragraphs {\n      position\n      startOffset\n      endOffset\n      text\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EventsBetween($from: Date!, $to: Date!, $first: Int = 50, $after: String) {\n  events(from: $from, to: $to, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      slug\n      title\n      kind\n      date {\n        start\n        end\n        precision\n        text\n      }\n      places\n    }\n  }\n}"): (typeof documents)["query EventsBetween($from: Date!, $to: Date!, $first: Int = 50, $after: String) {\n  events(from: $from, to: $to, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      slug\n      title\n      kind\n      date {\n        start\n        end\n        precision\n        text\n      }\n      places\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuotesBySpeaker($speaker: String!, $first: Int = 20, $after: String) {\n  quotes(speaker: $speaker, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      text\n      speakerDescription\n      verb\n      speaker {\n        slug\n        name\n      }\n      article {\n        slug\n        title\n        publishedOn\n      }\n      startOffset\n      endOffset\n    }\n  }\n}"): (typeof documents)["query QuotesBySpeaker($speaker: String!, $first: Int = 20, $after: String) {\n  quotes(speaker: $speaker, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      text\n      speakerDescription\n      verb\n      speaker {\n        slug\n        name\n      }\n      article {\n        slug\n        title\n        publishedOn\n      }\n      startOffset\n      endOffset\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Search($query: String!, $first: Int = 10, $after: String) {\n  search(query: $query, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      rank\n      snippet\n      node {\n        __typename\n        ... on Node {\n          id\n        }\n        ... on Article {\n          slug\n          title\n        }\n        ... on Quote {\n          text\n          speaker {\n            name\n          }\n        }\n        ... on Speaker {\n          slug\n          name\n        }\n        ... on Organization {\n          slug\n          name\n        }\n        ... on Event {\n          slug\n          title\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query Search($query: String!, $first: Int = 10, $after: String) {\n  search(query: $query, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      rank\n      snippet\n      node {\n        __typename\n        ... on Node {\n          id\n        }\n        ... on Article {\n          slug\n          title\n        }\n        ... on Quote {\n          text\n          speaker {\n            name\n          }\n        }\n        ... on Speaker {\n          slug\n          name\n        }\n        ... on Organization {\n          slug\n          name\n        }\n        ... on Event {\n          slug\n          title\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SpeakerSearch($search: String!, $first: Int = 10) {\n  speakers(search: $search, first: $first) {\n    nodes {\n      id\n      slug\n      name\n      kind\n      aliases\n      description\n    }\n  }\n}"): (typeof documents)["query SpeakerSearch($search: String!, $first: Int = 10) {\n  speakers(search: $search, first: $first) {\n    nodes {\n      id\n      slug\n      name\n      kind\n      aliases\n      description\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;