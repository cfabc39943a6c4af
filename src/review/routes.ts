/**
 * The review page in the server: `/articles` lists the corpus's articles, `/articles/<slug>` shows
 * one (a reader's "who said what"). HTML from the database through the db layer; GET and HEAD only.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { articleForReview, listArticles } from './database.js';
import { renderArticle, renderIndex, renderNotFound } from './page.js';

const html = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });

/** `/articles/<slug>`: slugs are lowercase ascii words joined by hyphens. */
const ARTICLE = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

export function reviewPlugin(db: Database): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/articles' && url.pathname !== '/articles/' && !url.pathname.startsWith('/articles/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      if (url.pathname === '/articles' || url.pathname === '/articles/') {
        endResponse(html(200, renderIndex(await listArticles(db))));
        return;
      }
      const slug = ARTICLE.exec(url.pathname)?.[1];
      const article = slug ? await articleForReview(db, slug) : undefined;
      endResponse(article ? html(200, renderArticle(article)) : html(404, renderNotFound(slug ?? url.pathname.slice('/articles/'.length))));
    },
  };
}
