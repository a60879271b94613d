import { SchedulerRegistry } from '@nestjs/schedule';

import { PollerService } from '../../src/modules/mirror/poll/poller.service';
import {
  PLATFORM_STAND_IN_CLIENT_ID,
  PLATFORM_STAND_IN_CLIENT_SECRET,
  startPlatformStandIn,
} from '../support/platform-stand-in';
import type { RunningPlatformStandIn } from '../support/platform-stand-in';
import { platformApplicationData } from '../support/factories';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('polling wired into the application', () => {
  let platform: RunningPlatformStandIn;
  let t: TestApp;
  beforeAll(async () => {
    platform = await startPlatformStandIn();
    t = await createTestApp({
      PLATFORM_API_BASE: platform.baseUrl,
      PLATFORM_CLIENT_ID: PLATFORM_STAND_IN_CLIENT_ID,
      PLATFORM_CLIENT_SECRET: PLATFORM_STAND_IN_CLIENT_SECRET,
      PLATFORM_POLL_INTERVAL_SECONDS: '3600',
    });
  });
  afterAll(async () => {
    await t.close();
    await platform.close();
  });

  it('registers one interval and applies what the platform reports', async () => {
    expect(t.app.get(SchedulerRegistry).getIntervals()).toEqual(['platform-poll']);
    const applicationNo = `PW${Date.now().toString(36)}-1`;
    platform.standIn.changes.push({
      changeId: `c-${applicationNo}`,
      data: platformApplicationData(applicationNo, 'submitted', '2023-08-01T04:00:00Z', {
        employer: null,
        county: null,
      }),
    });
    const summary = await t.app.get(PollerService).runOnce();
    expect(summary).toMatchObject({ pages: 1 });
    const [row] = await t.dataSource.query(
      'SELECT status FROM application WHERE applicationNo = ?',
      [applicationNo],
    );
    expect(row).toEqual({ status: 'submitted' });
  });

  it('refuses an interval without the API settings, naming them', async () => {
    await expect(createTestApp({ PLATFORM_POLL_INTERVAL_SECONDS: '60' })).rejects.toThrow(
      'Invalid environment variables: PLATFORM_API_BASE, PLATFORM_CLIENT_ID, PLATFORM_CLIENT_SECRET',
    );
  });
});
