import { describe, expect, it } from 'vitest';
import { ContentLimits } from '../../sandbox/github-limits.ts';
import { SECONDARY_RATE_LIMIT_MESSAGE } from '../../sandbox/github-faults.ts';
import type { GitHubError } from '../../sandbox/github-wire.ts';

const refusal = (limits: ContentLimits, method = 'POST'): GitHubError | undefined => {
  try {
    limits.admit(method);
    return undefined;
  } catch (error) {
    return error as GitHubError;
  }
};

describe("the stand-in's content-creation limit", () => {
  it("counts writes only, and refuses past the minute's budget as GitHub does", () => {
    const limits = new ContentLimits({ perMinute: 3, perHour: 10 });
    for (let i = 0; i < 5; i++) expect(refusal(limits, 'GET')).toBeUndefined();
    for (const method of ['POST', 'PATCH', 'DELETE'])
      expect(refusal(limits, method)).toBeUndefined();
    const error = refusal(limits);
    expect(error?.status).toBe(403);
    expect(error?.message).toBe(SECONDARY_RATE_LIMIT_MESSAGE);
    const wait = Number(error?.headers['retry-after']);
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(limits.stats).toMatchObject({ admitted: 3, refused: 1 });
  });

  it('defaults to 80 per minute and 500 per hour; a faster clock frees the window sooner', async () => {
    expect(new ContentLimits()).toMatchObject({ perMinute: 80, perHour: 500, scale: 1 });
    const limits = new ContentLimits({ perMinute: 2, perHour: 3, scale: 6000 }); // minute: 10 ms
    expect(refusal(limits)).toBeUndefined();
    expect(refusal(limits)).toBeUndefined();
    expect(refusal(limits)?.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(refusal(limits)).toBeUndefined();
    // The hour's budget (600 ms here) is spent: the wait stated is the hour's, in GitHub seconds.
    const hourly = Number(refusal(limits)?.headers['retry-after']);
    expect(hourly).toBeGreaterThan(3000);
  });
});
