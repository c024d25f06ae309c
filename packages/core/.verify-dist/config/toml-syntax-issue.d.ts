import type { TomlError } from 'smol-toml';
import type { ConfigIssue } from './config-invalid-error.js';
/**
 * Turns smol-toml's error (message + code frame) into one issue: the line, the key written on
 * it (or the key whose value spans it, or the enclosing table), and a short problem.
 */
export declare function tomlSyntaxIssue(file: string, text: string, err: TomlError): ConfigIssue;
