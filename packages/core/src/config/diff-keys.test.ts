import { describe, expect, test } from 'vitest';
import { diffKeys } from './diff-keys.js';

describe('diffKeys', () => {
  test('lists changed leaf keys of tables present on both sides, sorted', () => {
    const a = {
      restart: { drain_timeout_s: 120, auto_resume: false },
      log_level: 'info',
      default_engine: 'claude',
    };
    const b = {
      restart: { drain_timeout_s: 60, auto_resume: false },
      log_level: 'debug',
      default_engine: 'claude',
    };
    expect(diffKeys(a, b)).toEqual(['log_level', 'restart.drain_timeout_s']);
  });

  test('reports an added or removed table as one key', () => {
    const a = { transports: { telegram: { bot_token: 'x' } } };
    const b = { transports: { slack: { app_token: 'y', bot_token: 'z' } } };
    expect(diffKeys(a, b)).toEqual(['transports.slack', 'transports.telegram']);
  });

  test('compares arrays as whole values, deeply', () => {
    const crons = [{ id: 'a', schedule: '* * * * *' }];
    expect(
      diffKeys({ triggers: { crons } }, { triggers: { crons: [{ id: 'a', schedule: '* * * * *' }] } }),
    ).toEqual([]);
    expect(
      diffKeys({ triggers: { crons } }, { triggers: { crons: [{ id: 'a', schedule: '0 * * * *' }] } }),
    ).toEqual(['triggers.crons']);
  });

  test('compares dates by value and quotes keys that need it', () => {
    const same = { projects: { 'my.app': { since: new Date('2024-01-01T00:00:00Z') } } };
    const later = { projects: { 'my.app': { since: new Date('2024-01-02T00:00:00Z') } } };
    expect(diffKeys(same, { projects: { 'my.app': { since: new Date('2024-01-01T00:00:00Z') } } })).toEqual(
      [],
    );
    expect(diffKeys(same, later)).toEqual(['projects."my.app".since']);
  });
});
