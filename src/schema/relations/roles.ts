/**
 * Roles: the positions speakers hold in organizations ("President of Mexico"). Speaker.roles,
 * Speaker.organizations and Organization.members, each organization or member with its roles.
 */
import { sql } from 'drizzle-orm';
import { aliasName, groupedLinkList } from '../../db/pages.js';
import { inIds, type Row, rowFromJson, rowJson } from '../../db/rows.js';
import { speakerRoles } from '../../db/schema.js';
import { builder } from '../builder.js';
import { edgeData, type ListDef, relatedConnection } from '../connections.js';
import type { Context } from '../context.js';
import { DateScalar } from '../dates.js';
import { ORGANIZATION, OrganizationNode, organizationOrder, type OrganizationRow } from '../organization.js';
import { SPEAKER, SpeakerNode, speakerOrder, type SpeakerRow } from '../speaker.js';

type RoleRow = Row<typeof speakerRoles>;

/** A speaker's roles in one organization, oldest first. */
interface Roles {
  roles: RoleRow[];
}

/** Oldest first (unknown starts last), then by id: the order of roles everywhere. */
const roleOrder = (r: typeof speakerRoles) => sql`${r.startOn} ASC NULLS LAST, ${r.id}`;

/** The roles of one speaker in one organization, as the edge's jsonb (an aggregate over the group's rows `r`). */
const rolesEdge = (r: typeof speakerRoles) =>
  sql`jsonb_build_object('roles', jsonb_agg(${rowJson(speakerRoles, aliasName(r))} ORDER BY ${roleOrder(r)}))`;

function toRoles(edge: Record<string, unknown> | null): Roles {
  return { roles: ((edge?.roles as Record<string, unknown>[] | undefined) ?? []).map((r) => rowFromJson(speakerRoles, r)) };
}

export const RoleRef = builder.objectRef<RoleRow>('Role').implement({
  description: 'A position a speaker holds in an organization ("President of Mexico"), with dates where known.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The position ("US Ambassador to Mexico").' }),
    speaker: t.field({ type: SpeakerNode, description: 'Who holds it.', resolve: (r) => r.speakerId }),
    organization: t.field({ type: OrganizationNode, description: 'Where.', resolve: (r) => r.organizationId }),
    start: t.expose('startOn', { type: DateScalar, nullable: true, description: 'When it began, if known.' }),
    end: t.expose('endOn', {
      type: DateScalar,
      nullable: true,
      description: 'When it ended, if known; null while it lasts or when unknown.',
    }),
    datesExternal: t.exposeBoolean('datesExternal', {
      description: "True when the dates come from outside the corpus's articles.",
    }),
  }),
});

export const OrganizationRoleConnection = builder.connectionObject(
  {
    type: OrganizationNode,
    name: 'OrganizationRoleConnection',
    description: 'A page of the organizations a speaker holds roles in, by slug.',
  },
  {
    name: 'OrganizationRoleEdge',
    description: 'An organization, and the roles the speaker holds in it.',
    fields: (t) => ({
      roles: t.field({
        type: [RoleRef],
        description: "The speaker's roles in the organization, oldest first.",
        resolve: (e) => edgeData<Roles>(e).roles,
      }),
    }),
  },
);

export const MemberConnection = builder.connectionObject(
  { type: SpeakerNode, name: 'MemberConnection', description: 'A page of the people who hold roles in an organization, by slug.' },
  {
    name: 'MemberEdge',
    description: 'A member, and the roles they hold in the organization.',
    fields: (t) => ({
      roles: t.field({
        type: [RoleRef],
        description: 'Their roles in the organization, oldest first.',
        resolve: (e) => edgeData<Roles>(e).roles,
      }),
    }),
  },
);

const organizationsOf: ListDef<{ node: OrganizationRow } & Roles> = {
  source: groupedLinkList({
    node: ORGANIZATION,
    link: speakerRoles,
    ordering: organizationOrder,
    ref: (r) => r.organizationId,
    where: (r, speaker) => [sql`${r.speakerId} = ${speaker}`],
    edge: rolesEdge,
  }),
  item: (row) => ({ node: row.row as OrganizationRow, ...toRoles(row.edge) }),
};

const membersOf: ListDef<{ node: SpeakerRow } & Roles> = {
  source: groupedLinkList({
    node: SPEAKER,
    link: speakerRoles,
    ordering: speakerOrder,
    ref: (r) => r.speakerId,
    where: (r, organization) => [sql`${r.organizationId} = ${organization}`],
    edge: rolesEdge,
  }),
  item: (row) => ({ node: row.row as SpeakerRow, ...toRoles(row.edge) }),
};

builder.objectFields(SpeakerNode, (t) => ({
  roles: t.loadableGroup({
    type: RoleRef,
    description: 'Every role the speaker holds or held, oldest first.',
    load: (ids: number[], ctx: Context) =>
      ctx.db.select().from(speakerRoles).where(inIds(speakerRoles.speakerId, ids)).orderBy(roleOrder(speakerRoles)),
    group: (r) => r.speakerId,
    resolve: (s) => s.id,
  }),
  organizations: t.field({
    type: OrganizationRoleConnection,
    description: 'The organizations the speaker holds roles in, by slug, each with those roles.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(organizationsOf, SPEAKER),
  }),
}));

builder.objectFields(OrganizationNode, (t) => ({
  members: t.field({
    type: MemberConnection,
    description: 'The people who hold roles in this organization, by slug, each with those roles.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(membersOf, ORGANIZATION),
  }),
}));
