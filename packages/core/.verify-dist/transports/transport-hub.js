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
import { TransportNotFoundError } from '../errors/codes.js';
import { PlainPresenter } from '../runs/plain-presenter.js';
import { LOGGER } from '../tokens.js';
/** The transports of this generation, addressed by chat address. */
let TransportHub = class TransportHub {
    log;
    #transports = new Map();
    #plain = new PlainPresenter();
    constructor(log) {
        this.log = log;
    }
    add(transport) {
        this.#transports.set(transport.id, transport);
    }
    list() {
        return [...this.#transports.values()];
    }
    ids() {
        return [...this.#transports.keys()];
    }
    has(id) {
        return this.#transports.has(id);
    }
    get(id) {
        const t = this.#transports.get(id);
        if (!t)
            throw new TransportNotFoundError(`no transport "${id}" is running; configured: ${this.ids().join(', ') || 'none'}`);
        return t;
    }
    presenter(chat) {
        return this.get(chat.transport).presenter ?? this.#plain;
    }
    capabilities(chat) {
        return this.get(chat.transport).capabilities;
    }
    send(chat, msg) {
        return this.get(chat.transport).send(chat, msg);
    }
    edit(ref, msg) {
        return this.get(ref.chat.transport).edit(ref, msg);
    }
    delete(ref) {
        return this.get(ref.chat.transport).delete(ref);
    }
    /** For messages whose loss is acceptable (progress, notices): failures are logged, not thrown. */
    async trySend(chat, msg) {
        try {
            return await this.send(chat, msg);
        }
        catch (err) {
            this.log.warn({ err, chat }, 'could not send a notice');
            return undefined;
        }
    }
    async tryEdit(ref, msg) {
        try {
            await this.edit(ref, msg);
            return true;
        }
        catch (err) {
            this.log.debug({ err, ref }, 'could not edit a message');
            return false;
        }
    }
};
TransportHub = __decorate([
    injectable(),
    __param(0, inject(LOGGER)),
    __metadata("design:paramtypes", [Object])
], TransportHub);
export { TransportHub };
//# sourceMappingURL=transport-hub.js.map