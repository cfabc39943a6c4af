/**
 * The data that link tables put on edges: how an article names what it mentions, the sentence
 * that reports an event, the roles a speaker holds in an organization. Both directions of each
 * link use these, so they live apart from either type (and from the import cycle between them).
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowFromJson, type Row } from '../db/rows.js';
import { speakerRoles } from '../db/schema.js';
import type { Types } from './builder.js';
import { edgeData, type JsonObject } from './connections.js';

/** How an article names a speaker or an organization it mentions (`x` is the link table). */
export interface Mention {
  mention: string | null;
}

export const mentionEdge = sql`jsonb_build_object('mention', x.mention)`;

export function toMention(edge: JsonObject | null): Mention {
  return { mention: (edge?.mention as string | null) ?? null };
}

/** The edge field of a mention, for articles, speakers and organizations alike. */
export function mentionFields<Edge extends object>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Edge>, description: string) {
  return { mention: t.string({ nullable: true, description, resolve: (e) => edgeData<Mention>(e).mention }) };
}

/** Where an article reports an event: the sentence and its offsets into the body. */
export interface Report {
  sentence: string | null;
  startOffset: number | null;
  endOffset: number | null;
}

export const reportEdge = sql`jsonb_build_object('sentence', x.sentence, 'startOffset', x.start_offset, 'endOffset', x.end_offset)`;

export function toReport(edge: JsonObject | null): Report {
  return {
    sentence: (edge?.sentence as string | null) ?? null,
    startOffset: (edge?.startOffset as number | null) ?? null,
    endOffset: (edge?.endOffset as number | null) ?? null,
  };
}

/** The edge fields of a report, for both directions of the article–event link. */
export function reportFields<Edge extends object>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Edge>) {
  const report = (e: Edge) => edgeData<Report>(e);
  return {
    sentence: t.string({
      nullable: true,
      description: 'The sentence of the article that reports the event.',
      resolve: (e) => report(e).sentence,
    }),
    startOffset: t.int({
      nullable: true,
      description: 'Offset of the sentence in `Article.body` (UTF-16 code units).',
      resolve: (e) => report(e).startOffset,
    }),
    endOffset: t.int({
      nullable: true,
      description: 'Offset just past the sentence in `Article.body`.',
      resolve: (e) => report(e).endOffset,
    }),
  };
}

export type RoleRow = Row<typeof speakerRoles>;

/** A speaker's roles in one organization, oldest first. */
export interface Roles {
  roles: RoleRow[];
}

/**
 * Joins each row of `t` to `x.roles` (jsonb): the roles that link it (by the `own` column of
 * speaker_roles) to the parent (by the `other` column).
 */
export function rolesJoin(own: 'speaker_id' | 'organization_id', other: 'speaker_id' | 'organization_id', parent: SQL): SQL {
  return sql`JOIN (
    SELECT r.${sql.identifier(own)} AS ref, jsonb_agg(to_jsonb(r) ORDER BY r.start_on ASC NULLS LAST, r.id) AS roles
    FROM speaker_roles r WHERE r.${sql.identifier(other)} = ${parent} GROUP BY r.${sql.identifier(own)}
  ) x ON x.ref = t.id`;
}

export const rolesEdge = sql`jsonb_build_object('roles', x.roles)`;

export function toRoles(edge: JsonObject | null): Roles {
  return { roles: ((edge?.roles as JsonObject[] | undefined) ?? []).map((r) => rowFromJson(speakerRoles, r)) };
}
