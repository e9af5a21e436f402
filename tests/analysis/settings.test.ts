// readSettings: `settings.unblock` validated against SETTINGS_SCHEMA, with an error that names the
// key, then normalised. ajv is loaded only when a config has settings, so these also check that
// the schema compiled on first use gives the same messages.

import { describe, expect, it } from 'vitest';

import { EMPTY_SETTINGS, readSettings, UnblockSettingsError } from '../../analysis/settings.js';

describe('readSettings', () => {
  it('gives the empty settings when a config has no settings.unblock', () => {
    expect(readSettings(undefined)).toBe(EMPTY_SETTINGS);
    expect(readSettings({ react: { version: '18' } })).toBe(EMPTY_SETTINGS);
  });

  it('normalises valid settings: defaults, dotted paths, no node: prefix', () => {
    const settings = readSettings({ unblock: { blockingApis: [{ module: 'node:legacy-db', path: 'pool.querySync' }], offloadWrappers: ['runInPool'] } });
    expect(settings.moduleApis).toEqual([{ id: 'legacy-db.pool.querySync', module: 'legacy-db', path: ['pool', 'querySync'], family: 'user', severity: 'high' }]);
    expect(settings.offloadWrappers).toEqual(['runInPool']);
  });

  it('returns the same object for the same settings object', () => {
    const raw = { unblock: { offloadWrappers: ['runInPool'] } };
    expect(readSettings(raw)).toBe(readSettings(raw));
  });

  it.each([
    [{ blockingApis: [{ module: 'legacy-db' }] }, 'unblock: settings.unblock.blockingApis[0].path is required. See docs/settings.md.'],
    [{ offloadWrapper: ['runInPool'] }, 'unblock: settings.unblock.offloadWrapper is not a known key (expected one of: blockingApis, offloadWrappers, handlers, handlerFamilies). See docs/settings.md.'],
    [{ offloadWrappers: 'runInPool' }, 'unblock: settings.unblock.offloadWrappers must be an array. See docs/settings.md.'],
    [{ blockingApis: [{ module: 'legacy-db', path: 'querySync', severity: 'urgent' }] }, 'unblock: settings.unblock.blockingApis[0].severity must be one of: high, low. See docs/settings.md.'],
  ])('rejects %j, naming the key', (unblock, message) => {
    expect(() => readSettings({ unblock })).toThrow(new UnblockSettingsError(message));
  });

  it('throws UnblockSettingsError with a code', () => {
    try {
      readSettings({ unblock: 42 });
      expect.unreachable('settings.unblock = 42 was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(UnblockSettingsError);
      expect(error).toMatchObject({ code: 'ERR_UNBLOCK_INVALID_SETTINGS', message: 'unblock: settings.unblock must be an object. See docs/settings.md.' });
    }
  });
});
