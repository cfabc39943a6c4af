/**
 * Global ids: base64url("Type:id") with no padding. Decoding is strict (one canonical spelling,
 * a known node type, a positive 32-bit id), so a mangled or foreign id is a clear client error
 * rather than a null or an internal error.
 */
import { badUserInput } from './errors.js';

/** Every type that implements Node; a test checks this matches the schema. */
export const NODE_TYPES = ['Article', 'Speaker', 'Organization', 'Quote', 'Event'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

const MAX_ID = 2 ** 31 - 1;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const DECODED = /^([A-Za-z]+):([1-9][0-9]{0,9})$/;

export function encodeGlobalId(typename: string, id: number | string | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: NodeTypeName; id: string } {
  const invalid = (why: string) => badUserInput(`Invalid global id ${JSON.stringify(globalId)}: ${why}.`, { globalId });
  if (!BASE64URL.test(globalId)) throw invalid('not an id this API issued');
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  // Re-encoding must give the same string: rejects padding, trailing bits and other aliases.
  if (Buffer.from(decoded, 'utf8').toString('base64url') !== globalId) {
    throw invalid('not an id this API issued');
  }
  const match = DECODED.exec(decoded);
  if (!match) throw invalid('not an id this API issued');
  const [, typename, id] = match as unknown as [string, string, string];
  if (!(NODE_TYPES as readonly string[]).includes(typename)) {
    throw invalid(`${typename} is not a node type (expected one of ${NODE_TYPES.join(', ')})`);
  }
  if (Number(id) > MAX_ID) throw invalid('the id is out of range');
  return { typename: typename as NodeTypeName, id };
}
