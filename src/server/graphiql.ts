/** Example queries preloaded in GraphiQL's tabs; each runs as it is on the seed corpus. */
export const graphiqlTabs: { query: string; variables?: string }[] = [
  {
    query: `# The seed article, its paragraphs, and any entity by global id with node(id).
query Article {
  article(slug: "trump-orders-pentagon-military-force-cartels") {
    id
    title
    authors
    outlet
    publishedOn
    paragraphs { position startOffset endOffset text }
  }
}
`,
  },
];
