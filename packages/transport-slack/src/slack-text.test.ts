import { describe, expect, it } from 'vitest';
import { inboundText, msToTs, tsAfter, tsToMs } from './slack-text.js';

describe('inboundText', () => {
  it('drops the bot mention, unescapes Slack markup and maps !command to /command', () => {
    expect(
      inboundText(
        '<@U0BOT> fix <https://x.dev/a?b=1&amp;c=2|x.dev> for <@U0ALICE> in <#C0FERRY|dev> &lt;now&gt;',
        'U0BOT',
      ),
    ).toBe('fix https://x.dev/a?b=1&c=2 for @U0ALICE in #dev <now>');
    expect(inboundText('<@U0BOT>: !cancel', 'U0BOT')).toBe('/cancel');
    expect(inboundText('!status please', 'U0BOT')).toBe('/status please');
    expect(inboundText('wow! great', 'U0BOT')).toBe('wow! great');
  });
});

describe('ts helpers', () => {
  it('converts and orders timestamps', () => {
    expect(tsToMs('1700000000.123456')).toBe(1_700_000_000_123);
    expect(msToTs(1_700_000_000_123)).toBe('1700000000.123000');
    expect(tsAfter('1700000000.000200', '1700000000.000100')).toBe(true);
    expect(tsAfter('999999999.9', '1000000000.0')).toBe(false);
    expect(tsAfter('1.5', undefined)).toBe(true);
  });
});
