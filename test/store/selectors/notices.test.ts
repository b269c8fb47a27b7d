import { describe, expect, it } from 'vitest';
import { NOTICE_LIFETIME, noticeLifetime } from '../../../src/store/selectors/notices';
import type { Notice } from '../../../src/store/store';

const notice = (over: Partial<Notice>): Notice => ({ id: 1, text: 'x', tone: 'info', count: 1, ...over });

describe('how long a notice stays', () => {
  it('longer the graver it is: 5 s for news, 8 s for a warning, 10 s for an error', () => {
    expect(NOTICE_LIFETIME).toEqual({ info: 5_000, warning: 8_000, error: 10_000 });
    expect(noticeLifetime(notice({ tone: 'warning' }))).toBe(8_000);
    expect(noticeLifetime(notice({ tone: 'error' }))).toBe(10_000);
  });

  it('a sticky notice waits for the learner, whatever its tone', () => {
    expect(noticeLifetime(notice({ tone: 'info', sticky: true }))).toBeNull();
    expect(noticeLifetime(notice({ tone: 'error', sticky: true }))).toBeNull();
  });
});
