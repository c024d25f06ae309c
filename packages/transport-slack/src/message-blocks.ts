import type { OutgoingMessage } from '@ferry/core';
import type { KnownBlock } from '@slack/web-api';

/** Every button Ferry posts has an action id with this prefix; the transport listens to these only. */
export const ACTION_PREFIX = 'ferry_button';

/** A section block's text limit. */
const SECTION_MAX = 3000;

/**
 * Block Kit for a message with buttons: the text in a section, each row of buttons an actions
 * block whose button `value` is the button's data (echoed back on a click). A message without
 * buttons has no blocks, and an edit sends `[]` so earlier buttons disappear.
 */
export function messageBlocks(msg: OutgoingMessage): KnownBlock[] {
  const rows = (msg.buttons ?? []).filter((row) => row.length > 0);
  if (rows.length === 0) return [];
  const text = msg.text.length > SECTION_MAX ? `${msg.text.slice(0, SECTION_MAX - 1)}…` : msg.text;
  return [
    { type: 'section', text: { type: 'mrkdwn', text: text || ' ' } },
    ...rows.map(
      (row, r): KnownBlock => ({
        type: 'actions',
        block_id: `${ACTION_PREFIX}_row_${r}`,
        elements: row.map((button, i) => ({
          type: 'button',
          action_id: `${ACTION_PREFIX}_${r}_${i}`,
          text: { type: 'plain_text', text: button.text.slice(0, 75), emoji: true },
          value: button.data,
        })),
      }),
    ),
  ];
}
