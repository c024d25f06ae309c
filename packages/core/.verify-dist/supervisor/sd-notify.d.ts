import type { Logger } from '../logging/logger.js';
import type { Notifier } from './notifier.js';
export declare function createNotifier(env: NodeJS.ProcessEnv, log: Logger): Notifier;
