/**
 * The organization tree and the bodies that speak for organizations: Organization.parent and
 * Organization.children; Speaker.organization (a speaker of kind ORGANIZATION) and
 * Organization.speakers.
 */
import { asc, sql } from 'drizzle-orm';
import { tableList } from '../../db/pages.js';
import { inIds, rowColumns } from '../../db/rows.js';
import { speakers } from '../../db/schema.js';
import { builder } from '../builder.js';
import { type ListDef, prefetchedRow, relatedConnection, relatedRow } from '../connections.js';
import type { Context } from '../context.js';
import { ORGANIZATION, OrganizationConnection, OrganizationNode, organizationOrder, type OrganizationRow } from '../organization.js';
import { SPEAKER, SpeakerNode, type SpeakerRow } from '../speaker.js';

const childrenOf: ListDef<{ node: OrganizationRow }> = {
  source: tableList({ node: ORGANIZATION, ordering: organizationOrder, where: (o, parent) => [sql`${o.parentId} = ${parent}`] }),
  item: (row) => ({ node: row.row as OrganizationRow }),
};

builder.objectFields(OrganizationNode, (t) => ({
  parent: t.field({
    type: OrganizationNode,
    nullable: true,
    description: 'The organization this one is part of, if any.',
    extensions: relatedRow(ORGANIZATION, ORGANIZATION, (o) => o.parentId),
    resolve: (o, _args, _ctx, info) => prefetchedRow<OrganizationRow>(o, info) ?? o.parentId,
  }),
  children: t.field({
    type: OrganizationConnection,
    description: 'The organizations that are part of this one, by slug.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(childrenOf, ORGANIZATION),
  }),
  speakers: t.loadableGroup({
    type: SpeakerNode,
    description: 'The speakers that stand for this organization as a body ("the State Department said").',
    load: (ids: number[], ctx: Context) =>
      ctx.db.select(rowColumns(speakers)).from(speakers).where(inIds(speakers.organizationId, ids)).orderBy(asc(speakers.slug)),
    group: (s) => (s as SpeakerRow).organizationId as number,
    resolve: (o) => o.id,
  }),
}));

builder.objectFields(SpeakerNode, (t) => ({
  organization: t.field({
    type: OrganizationNode,
    nullable: true,
    description: 'For a speaker of kind ORGANIZATION: the organization that speaks.',
    extensions: relatedRow(SPEAKER, ORGANIZATION, (s) => s.organizationId),
    resolve: (s, _args, _ctx, info) => prefetchedRow<OrganizationRow>(s, info) ?? s.organizationId,
  }),
}));
