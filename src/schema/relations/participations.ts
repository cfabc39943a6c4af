/**
 * Participations: who took part in an event, with what role (Event.participants, a union of
 * speakers and organizations), and the events a speaker or an organization took part in
 * (Speaker.events, Organization.events).
 */
import { brandWithType } from '@pothos/core';
import { sql } from 'drizzle-orm';
import { fromItem, groupedLinkList, type ListSource, type NodeTable } from '../../db/pages.js';
import { eventParticipants, participantRole } from '../../db/schema.js';
import { builder } from '../builder.js';
import { edgeData, type ListDef, relatedConnection } from '../connections.js';
import { EVENT, EventNode, eventOrder, type EventRow } from '../event.js';
import { ORGANIZATION, OrganizationNode, type OrganizationRow } from '../organization.js';
import { SPEAKER, SpeakerNode, type SpeakerRow } from '../speaker.js';
import { enumOf } from '../types.js';

type ParticipantRole = (typeof participantRole.enumValues)[number];

const participantRoleDescriptions: Record<ParticipantRole, string> = {
  ACTOR: 'Did it.',
  TARGET: 'Had it done to them.',
  SUBJECT: 'What it was about.',
  PARTNER: 'Took part alongside the actor.',
  OBSERVER: 'Commented or witnessed without taking part.',
  OTHER: 'Any other part.',
};

export const ParticipantRoleEnum = enumOf(
  'ParticipantRole',
  'The part a speaker or an organization played in an event.',
  participantRole.enumValues,
  participantRoleDescriptions,
);

/** A speaker's or an organization's part in an event. */
interface Participation {
  roles: ParticipantRole[];
}

export const ParticipantUnion = builder.unionType('Participant', {
  description: 'Who takes part in an event: a speaker or an organization.',
  types: () => [SpeakerNode, OrganizationNode],
});

export const ParticipationConnection = builder.connectionObject(
  {
    type: EventNode,
    name: 'ParticipationConnection',
    description: 'A page of the events someone took part in, by date (unknown dates last).',
  },
  {
    name: 'ParticipationEdge',
    description: 'An event, and the parts they played in it.',
    fields: (t) => ({
      roles: t.field({
        type: [ParticipantRoleEnum],
        description: 'Their roles in the event, in the order ParticipantRole lists them.',
        resolve: (e) => edgeData<Participation>(e).roles,
      }),
    }),
  },
);

export const ParticipantConnection = builder.connectionObject(
  { type: ParticipantUnion, name: 'ParticipantConnection', description: 'A page of who took part in an event, in the order recorded.' },
  {
    name: 'ParticipantEdge',
    description: 'A speaker or an organization, and the part it played. One participant with two roles appears twice.',
    fields: (t) => ({
      role: t.field({
        type: ParticipantRoleEnum,
        description: 'The part it played.',
        resolve: (e) => edgeData<{ role: ParticipantRole }>(e).role,
      }),
    }),
  },
);

/** The events a speaker or an organization (`column` of event_participants) took part in, with their roles. */
function eventsOf(column: 'speakerId' | 'organizationId'): ListDef<{ node: EventRow } & Participation> {
  return {
    source: groupedLinkList({
      node: EVENT,
      link: eventParticipants,
      ordering: eventOrder,
      ref: (p) => p.eventId,
      where: (p, parent) => [sql`${p[column]} = ${parent}`],
      edge: (p) => sql`jsonb_build_object('roles', to_jsonb(array_agg(DISTINCT ${p.role} ORDER BY ${p.role})))`,
    }),
    item: (row) => ({ node: row.row as EventRow, roles: (row.edge?.roles as ParticipantRole[] | undefined) ?? [] }),
  };
}

/** Who took part in an event, in the order they were recorded: a speaker or an organization each. */
const participantSource: ListSource<{ link: typeof eventParticipants }> = {
  ordering: { name: 'participant', keys: [{ type: 'int', expr: ({ link }) => sql`${link.id}` }] },
  nodes: [SPEAKER, ORGANIZATION] as NodeTable[],
  scan(aliases, event) {
    const p = aliases.table(eventParticipants);
    const s = aliases.table(SPEAKER.table);
    const o = aliases.table(ORGANIZATION.table);
    return {
      rows: { link: p },
      from: sql`${fromItem(p)} LEFT JOIN ${fromItem(s)} ON ${s.id} = ${p.speakerId} LEFT JOIN ${fromItem(o)} ON ${o.id} = ${p.organizationId}`,
      where: [sql`${p.eventId} = ${event}`],
      nodes: [
        { of: SPEAKER, row: s, when: sql`${p.speakerId} IS NOT NULL` },
        { of: ORGANIZATION, row: o, when: sql`${p.speakerId} IS NULL` },
      ],
      edge: sql`jsonb_build_object('role', ${p.role})`,
    };
  },
};

const participantsOf: ListDef<{ node: SpeakerRow | OrganizationRow; role: ParticipantRole }> = {
  source: participantSource,
  item: (row) => {
    // The union tells Speaker from Organization by this brand.
    brandWithType(row.row, row.type === SPEAKER.type ? SpeakerNode : OrganizationNode);
    return { node: row.row as SpeakerRow | OrganizationRow, role: row.edge?.role as ParticipantRole };
  },
};

builder.objectFields(EventNode, (t) => ({
  participants: t.field({
    type: ParticipantConnection,
    description: 'Who took part, each with their role.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(participantsOf, EVENT),
  }),
}));

builder.objectFields(SpeakerNode, (t) => ({
  events: t.field({
    type: ParticipationConnection,
    description: 'The events the speaker took part in, by date (unknown dates last), each with their roles.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(eventsOf('speakerId'), SPEAKER),
  }),
}));

builder.objectFields(OrganizationNode, (t) => ({
  events: t.field({
    type: ParticipationConnection,
    description: 'The events the organization took part in, by date (unknown dates last), each with its roles.',
    args: t.arg.connectionArgs(),
    ...relatedConnection(eventsOf('organizationId'), ORGANIZATION),
  }),
}));
