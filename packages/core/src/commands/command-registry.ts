import { injectable } from 'tsyringe';
import type { Command } from '../api/command.js';
import type { CommandInfo } from '../api/transport.js';
import { PluginContractError } from '../errors/codes.js';

/** Built-in and plugin commands by name; what each transport publishes as its menu. */
@injectable()
export class CommandRegistry {
  readonly #commands = new Map<string, { command: Command; owner: string }>();

  add(command: Command, owner: string): void {
    const existing = this.#commands.get(command.id);
    if (existing) {
      throw new PluginContractError(
        `command "/${command.id}" from ${owner} is already provided by ${existing.owner}`,
      );
    }
    this.#commands.set(command.id, { command, owner });
  }

  get(name: string): Command | undefined {
    return this.#commands.get(name)?.command;
  }

  list(): CommandInfo[] {
    return [...this.#commands.values()]
      .map(({ command }) => ({ name: command.id, description: command.description }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  owner(name: string): string | undefined {
    return this.#commands.get(name)?.owner;
  }
}
