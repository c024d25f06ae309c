import { describe, expect, it } from 'vitest';
import type { Command } from '../api/command.js';
import { CommandRegistry } from './command-registry.js';

const command = (id: string): Command => ({ id, description: `does ${id}`, handle: async () => undefined });

describe('CommandRegistry', () => {
  it('an alias runs its target, names the same owner, and stays out of the menu', () => {
    const r = new CommandRegistry();
    const engine = command('engine');
    r.add(engine, '@ferry/core');
    r.alias('engines', 'engine');
    expect(r.get('engines')).toBe(engine);
    expect(r.owner('engines')).toBe('@ferry/core');
    expect(r.list().map((c) => c.name)).toEqual(['engine']);
  });

  it('refuses a command whose name is taken by a command or an alias, naming both owners', () => {
    const r = new CommandRegistry();
    r.add(command('engine'), '@ferry/core');
    r.alias('engines', 'engine');
    expect(() => r.add(command('engine'), 'ferry-command-x')).toThrow(
      /from ferry-command-x is already provided by @ferry\/core/,
    );
    expect(() => r.add(command('engines'), 'ferry-command-x')).toThrow(/already an alias of \/engine/);
    expect(() => r.alias('engines', 'engine')).toThrow(
      expect.objectContaining({ code: 'FERRY_PLUGIN_CONTRACT' }),
    );
    expect(() => r.alias('x', 'nothing')).toThrow(/no command \/nothing/);
  });
});
