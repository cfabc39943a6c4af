import type { Database } from '../db/client.js';

/**
 * What every resolver receives. One object per request: the dataloader plugin keys its loaders on
 * it, so no loader (and no cached row) outlives the request.
 */
export interface Context {
  db: Database;
}

export function createContext(db: Database): Context {
  return { db };
}
