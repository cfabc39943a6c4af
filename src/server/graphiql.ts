/** Example queries preloaded in GraphiQL's tabs; each runs as it is on the seed corpus. */
export const graphiqlTabs: { query: string; variables?: string }[] = [
  {
    query: `# Everything Claudia Sheinbaum said in the corpus, ordered by the article's date, then
# position in the article. For DIRECT and PARTIAL quotes, article.body.slice(startOffset,
# endOffset) is exactly \`text\`. Page on with \`after: <endCursor>\`.
query QuotesBySpeaker {
  speaker(slug: "claudia-sheinbaum") {
    name
    roles { title organization { name } }
    quotes(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        kind
        text
        speakerDescription
        verb
        said { start end precision text }
        article { slug publishedOn }
        paragraph { position }
        startOffset
        endOffset
      }
    }
  }
}
`,
  },
  {
    query: `# What happened in August 2025: every event whose date range overlaps the month,
# by date. A date is a range with a precision ("in August" is a MONTH), so
# \`events(on: "2025-08-12")\` also finds events known only to the month.
query EventsInAMonth {
  events(from: "2025-08-01", to: "2025-08-31", first: 50) {
    totalCount
    nodes {
      slug
      title
      kind
      date { start end precision text external }
      places
      participants {
        edges {
          role
          node {
            __typename
            ... on Speaker { slug name }
            ... on Organization { slug name }
          }
        }
      }
      articles { edges { sentence node { slug } } }
    }
  }
}
`,
  },
  {
    query: `# Full-text search across articles, quotes, speakers, organizations and events,
# best first, with the matched words between <mark> and </mark>. Names match even
# misspelled or without accents: try "Sheinbam" or "MS13".
query Search {
  search(query: "military force against cartels", first: 10) {
    totalCount
    edges {
      rank
      snippet
      node {
        __typename
        ... on Article { slug title }
        ... on Quote { text speaker { name } }
        ... on Speaker { slug name }
        ... on Organization { slug name aliases }
        ... on Event { slug title }
      }
    }
  }
  organizations(search: "MS13") { nodes { slug name aliases kind } }
  speakers(search: "Sheinbam") { nodes { slug name } }
}
`,
  },
  {
    query: `# The seed article, its paragraphs, and who and what it mentions. Any entity's \`id\`
# can be fetched back with node(id: ...).
query Article {
  article(slug: "trump-orders-pentagon-military-force-cartels") {
    id
    title
    authors
    outlet
    publishedOn
    paragraphs { position startOffset endOffset text }
    speakers(first: 50) { totalCount edges { mention node { slug name kind } } }
    organizations(first: 50) { totalCount edges { mention node { slug name kind } } }
    events(first: 50) { totalCount edges { sentence node { slug title date { start end precision text } } } }
  }
}
`,
  },
];
