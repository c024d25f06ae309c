var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { injectable } from 'tsyringe';
import { PluginContractError } from '../errors/codes.js';
/** Built-in and plugin commands by name; what each transport publishes as its menu. */
let CommandRegistry = class CommandRegistry {
    #commands = new Map();
    add(command, owner) {
        const existing = this.#commands.get(command.id);
        if (existing) {
            throw new PluginContractError(`command "/${command.id}" from ${owner} is already provided by ${existing.owner}`);
        }
        this.#commands.set(command.id, { command, owner });
    }
    get(name) {
        return this.#commands.get(name)?.command;
    }
    list() {
        return [...this.#commands.values()]
            .map(({ command }) => ({ name: command.id, description: command.description }))
            .sort((a, b) => a.name.localeCompare(b.name));
    }
    owner(name) {
        return this.#commands.get(name)?.owner;
    }
};
CommandRegistry = __decorate([
    injectable()
], CommandRegistry);
export { CommandRegistry };
//# sourceMappingURL=command-registry.js.map