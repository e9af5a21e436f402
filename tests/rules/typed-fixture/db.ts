// A module the typed tests import from: the database is created here, used elsewhere.
import Database from 'better-sqlite3';

export const db = new Database(':memory:');
export const findUser = db.prepare<[number], { id: number; name: string }>('select id, name from users where id = ?');

/** A client with an in-memory `*Sync` API that does no I/O. */
export class MemoryCache {
  private readonly entries = new Map<string, string>();
  getSync(key: string): string | undefined {
    return this.entries.get(key);
  }
}

/** A user type whose methods block, declared for settings.unblock.blockingApis. */
export class LegacyClient {
  querySync(sql: string): unknown[] {
    return [sql];
  }
}
