import { useLiveQuery } from 'dexie-react-hooks';
import { codesDb, type CodesDb } from './db';

/**
 * How extension pages read the vault: a live query over one of the vault's reads, re-run when
 * the codes change. `undefined` while the first answer loads.
 */
export function useVaultQuery<T>(read: (db: CodesDb) => Promise<T>, deps: unknown[]): T | undefined {
  // The caller's deps say when `read` changes, as with useEffect.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useLiveQuery(() => read(codesDb()), deps);
}
