var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { inject, injectable } from 'tsyringe';
import { diffKeys } from './diff-keys.js';
/**
 * The config the host started with. The composition root loads it (`loadConfig`) and
 * registers it under this token before resolving CONFIG_SERVICE, so a load error surfaces
 * at startup as one line, not as a DI resolution failure.
 */
export const INITIAL_CONFIG = Symbol.for('ferry.initialConfig');
/** Holds the current config. Register it as a singleton in the host's container. */
let ConfigService = class ConfigService {
    #loaded;
    constructor(initial) {
        this.#loaded = initial;
    }
    get path() {
        return this.#loaded.path;
    }
    get stateDir() {
        return this.#loaded.stateDir;
    }
    get current() {
        return this.#loaded.config;
    }
    get loaded() {
        return this.#loaded;
    }
    /**
     * The live-reload seam: swaps in a newly loaded config and returns the dotted keys whose
     * effective values changed (defaults applied, so writing out a default changes nothing).
     * Deciding hot vs restart per key belongs to the reload flow, not here.
     */
    replace(next) {
        const changed = diffKeys(this.#loaded.config, next.config);
        this.#loaded = next;
        return changed;
    }
};
ConfigService = __decorate([
    injectable(),
    __param(0, inject(INITIAL_CONFIG)),
    __metadata("design:paramtypes", [Object])
], ConfigService);
export { ConfigService };
//# sourceMappingURL=config-service.js.map