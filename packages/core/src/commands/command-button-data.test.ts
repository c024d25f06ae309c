import { describe, expect, it } from 'vitest';
import {
  decodeButtonData,
  encodeButtonData,
  encodeButtons,
  MAX_CALLBACK_DATA_BYTES,
} from './command-button-data.js';

describe('command button data', () => {
  it('namespaces a payload by command id and reads it back', () => {
    const data = encodeButtonData('git', 'diff');
    expect(data).toBe('cmd:git:diff');
    expect(decodeButtonData(data)).toEqual({ commandId: 'git', payload: 'diff' });
    expect(decodeButtonData('cmd:git:')).toEqual({ commandId: 'git', payload: '' });
    expect(decodeButtonData('cmd:git:a:b')).toEqual({ commandId: 'git', payload: 'a:b' });
  });

  it('leaves data that is not a command button alone (the progress message’s cancel:<run>)', () => {
    expect(decodeButtonData('cancel:12')).toBeUndefined();
    expect(decodeButtonData('cmd:Not-An-Id:x')).toBeUndefined();
  });

  it('fits Telegram’s 64 bytes exactly, counting bytes, not characters', () => {
    const room = MAX_CALLBACK_DATA_BYTES - 'cmd:git:'.length;
    expect(Buffer.byteLength(encodeButtonData('git', 'x'.repeat(room)))).toBe(64);
    expect(() => encodeButtonData('git', 'x'.repeat(room + 1))).toThrow(
      expect.objectContaining({ code: 'FERRY_COMMAND_BUTTON' }),
    );
    // 28 × "é" is 28 characters but 56 bytes: fits; one more does not
    expect(() => encodeButtonData('git', 'é'.repeat(28))).not.toThrow();
    expect(() => encodeButtonData('git', 'é'.repeat(29))).toThrow(
      /58 bytes.*66 bytes of callback data, over the 64-byte limit.*56 bytes/s,
    );
  });

  it('encodes rows of buttons before anything is sent, and refuses the whole set for one bad payload', () => {
    expect(
      encodeButtons('git', [[{ text: 'Diff', payload: 'diff' }], [{ text: 'Log', payload: 'log' }]]),
    ).toEqual([[{ text: 'Diff', data: 'cmd:git:diff' }], [{ text: 'Log', data: 'cmd:git:log' }]]);
    expect(encodeButtons('git', undefined)).toBeUndefined();
    expect(() =>
      encodeButtons('git', [
        [
          { text: 'ok', payload: 'a' },
          { text: 'big', payload: 'b'.repeat(99) },
        ],
      ]),
    ).toThrow(/\/git: the button payload/);
  });
});
