import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { captureLogger } from '../supervisor/__fixtures__/capture-logger.js';
import { makeTempDir } from '../supervisor/__fixtures__/temp-dir.js';
import { StateStore } from './state-store.js';

function openStore(stateDir = makeTempDir(), clock?: ManualClock): StateStore {
  const store = StateStore.open(stateDir, { logger: captureLogger().logger, clock });
  onTestFinished(() => store.close());
  return store;
}

describe('StateStore.namespace', () => {
  it('keeps namespaces apart: same key, separate values, separate key lists and deletes', () => {
    const store = openStore();
    const cron = store.namespace('cron');
    const cost = store.namespace('cost');

    cron.set('last', { at: 1 });
    cost.set('last', 42);
    cost.set('only-cost', true);
    cron.delete('last');

    expect(cron.get('last')).toBeUndefined();
    expect(cost.get('last')).toBe(42);
    expect(cron.keys()).toEqual([]);
    expect(cost.keys()).toEqual(['last', 'only-cost']);
  });

  it('round-trips JSON values and overwrites on a second set', () => {
    const store = openStore();
    const kv = store.namespace('p');
    const value = { list: [1, 'two', null], nested: { ok: true }, text: 'ünïcødé 🚢' };

    kv.set('v', value);
    kv.set('n', null);
    kv.set('x', 1);
    kv.set('x', 2);

    expect(kv.get('v')).toEqual(value);
    expect(kv.get('n')).toBeNull();
    expect(kv.get('x')).toBe(2);
    expect(kv.get('missing')).toBeUndefined();
  });

  it('treats set(key, undefined) as delete', () => {
    const kv = openStore().namespace('p');
    kv.set('k', 1);

    kv.set('k', undefined);

    expect(kv.get('k')).toBeUndefined();
    expect(kv.keys()).toEqual([]);
  });

  it('lists keys by exact, case-sensitive prefix, with no wildcard characters', () => {
    const kv = openStore().namespace('p');
    for (const key of ['job:1', 'job:2', 'jobs', 'Job:3', 'a_b', 'axb', '100%', '100x']) kv.set(key, 0);

    expect(kv.keys('job:')).toEqual(['job:1', 'job:2']);
    expect(kv.keys('a_')).toEqual(['a_b']);
    expect(kv.keys('100%')).toEqual(['100%']);
    expect(kv.keys()).toHaveLength(8);
  });

  it('commits each set on return: another connection sees it at once', () => {
    const store = openStore();
    store.namespace('p').set('k', 'v');

    const other = new Database(store.path, { readonly: true });
    onTestFinished(() => void other.close());
    const row = other.prepare("SELECT value_json FROM plugin_kv WHERE namespace = 'p' AND key = 'k'").get();

    expect(row).toEqual({ value_json: '"v"' });
  });

  it('keeps values across a reopen and stamps them with the injected clock', () => {
    const stateDir = makeTempDir();
    const first = StateStore.open(stateDir, {
      logger: captureLogger().logger,
      clock: new ManualClock(7_000),
    });
    first.namespace('p').set('k', [1, 2]);
    first.close();

    const store = openStore(stateDir);

    expect(store.namespace('p').get('k')).toEqual([1, 2]);
    expect(store.db.prepare('SELECT updated_at FROM plugin_kv').pluck().get()).toBe(7_000);
  });

  it.each([
    ['a function', () => 1],
    ['a bigint', 10n],
    ['a symbol', Symbol('s')],
  ])('refuses %s with FERRY_STATE_VALUE and keeps the old value', (_name, value) => {
    const kv = openStore().namespace('p');
    kv.set('k', 'old');

    expect(() => kv.set('k', value)).toThrow(expect.objectContaining({ code: 'FERRY_STATE_VALUE' }));
    expect(kv.get('k')).toBe('old');
  });
});
