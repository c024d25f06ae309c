import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe-schedule.js';

describe('describeSchedule', () => {
  it.each([
    ['0 9 * * 1-5', 'every weekday at 09:00 Europe/Berlin'],
    ['0 9 * * MON-FRI', 'every weekday at 09:00 Europe/Berlin'],
    ['30 7 * * *', 'every day at 07:30 Europe/Berlin'],
    ['0 9,17 * * *', 'every day at 09:00 and 17:00 Europe/Berlin'],
    ['15 8 * * 1', 'every Monday at 08:15 Europe/Berlin'],
    ['0 10 * * 6,0', 'every Saturday and Sunday at 10:00 Europe/Berlin'],
    ['0 10 * * 7', 'every Sunday at 10:00 Europe/Berlin'],
    ['0 6 1 * *', 'on day 1 of every month at 06:00 Europe/Berlin'],
    ['*/15 * * * *', 'every 15 minutes Europe/Berlin'],
    ['5 * * * *', 'every hour at :05 Europe/Berlin'],
    ['* * * * *', 'every minute Europe/Berlin'],
    ['*/10 * * * * *', 'every 10 seconds Europe/Berlin'],
    ['0 0 9 * * *', 'every day at 09:00 Europe/Berlin'],
    ['@daily', 'every day at 00:00 Europe/Berlin'],
  ])('%s → %s', (pattern, words) => {
    expect(describeSchedule(pattern, 'Europe/Berlin')).toBe(words);
  });

  it('falls back to the pattern for shapes it does not word', () => {
    expect(describeSchedule('0 9 1-7 * 1', 'UTC')).toBe('cron "0 9 1-7 * 1" UTC');
    expect(describeSchedule('0 9 * 1 *', 'UTC')).toBe('cron "0 9 * 1 *" UTC');
    expect(describeSchedule('0 8-18/2 * * *', 'UTC')).toBe('cron "0 8-18/2 * * *" UTC');
  });
});
