import { injectable } from 'tsyringe';
import type { Command } from '../api/command.js';
import type { CommandInfo } from '../api/transport.js';
import { PluginContractError } from '../errors/codes.js';

/** Built-in and plugin commands by name; what each transport publishes as its menu. */
@injectable()
export class CommandRegistry {
  readonly #commands = new Map<string, { command: Command; owner: string }>();
  /** Old names kept working (`/engines` → `/engine`); not shown in menus. */
  readonly #aliases = new Map<string, string>();

  add(command: Command, owner: string): void {
    const existing = this.#commands.get(command.id);
    if (existing) {
      throw new PluginContractError(
        `command "/${command.id}" from ${owner} is already provided by ${existing.owner}`,
      );
    }
    if (this.#aliases.has(command.id)) {
      throw new PluginContractError(
        `command "/${command.id}" from ${owner} is already an alias of /${this.#aliases.get(command.id)}`,
      );
    }
    this.#commands.set(command.id, { command, owner });
  }

  /** Makes `/alias` run `/target` (which must be registered first). */
  alias(alias: string, target: string): void {
    if (!this.#commands.has(target)) throw new PluginContractError(`alias /${alias}: no command /${target}`);
    if (this.#commands.has(alias) || this.#aliases.has(alias))
      throw new PluginContractError(`alias /${alias}: the name is taken`);
    this.#aliases.set(alias, target);
  }

  get(name: string): Command | undefined {
    return this.#commands.get(this.#aliases.get(name) ?? name)?.command;
  }

  list(): CommandInfo[] {
    return [...this.#commands.values()]
      .map(({ command }) => ({ name: command.id, description: command.description }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  owner(name: string): string | undefined {
    return this.#commands.get(this.#aliases.get(name) ?? name)?.owner;
  }
}
