import { requestSubscriptions } from '../subscribe-request';
import type { SubscribeOption, SubscribeRequestDeps } from '../subscribe-request';

const TEMPLATES = [
  { kind: 'application_returned', templateId: 'T1' },
  { kind: 'fee_due', templateId: 'T2' },
  { kind: 'paper_materials_due', templateId: 'T3' },
  { kind: 'certificate_ready', templateId: 'T4' },
] as SubscribeRequestDeps['templates'];

function setUp(overrides: Partial<SubscribeRequestDeps> = {}) {
  const calls: SubscribeOption[] = [];
  const reports: unknown[] = [];
  const notes: Array<[string, Record<string, number> | undefined]> = [];
  const deps: SubscribeRequestDeps = {
    isWeapp: () => true,
    templates: TEMPLATES,
    requestSubscribeMessage: (option) => calls.push(option),
    report: async (report) => reports.push(report),
    onNote: (key, values) => notes.push([key, values]),
    ...overrides,
  };
  return { deps, calls, reports, notes };
}

describe('requestSubscriptions', () => {
  it('should ask WeChat within the same call, for at most three templates', () => {
    const { deps, calls } = setUp();
    requestSubscriptions(deps);
    // No await happened: the request is already made when the handler returns.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.tmplIds).toEqual(['T1', 'T2', 'T3']);
  });

  it('should report each decision and say how many were accepted', async () => {
    const { deps, calls, reports, notes } = setUp();
    requestSubscriptions(deps);
    calls[0]?.success({
      errMsg: 'requestSubscribeMessage:ok',
      T1: 'accept',
      T2: 'reject',
      T3: 'accept',
    });
    await Promise.resolve();
    expect(reports).toEqual([{ results: { T1: 'accept', T2: 'reject', T3: 'accept' } }]);
    expect(notes).toEqual([['subscribe.accepted', { count: 2 }]]);
  });

  it('should explain the main switch on 20004, report it, and not ask again', () => {
    const { deps, calls, reports, notes } = setUp();
    requestSubscriptions(deps);
    calls[0]?.fail({ errCode: 20004 });
    expect(notes).toEqual([['subscribe.mainSwitchOff', undefined]]);
    expect(reports).toEqual([{ results: {}, errorCode: 20004 }]);
    expect(calls).toHaveLength(1);
  });

  it('should say a refusal is fine and other failures are temporary', () => {
    const refused = setUp();
    requestSubscriptions(refused.deps);
    refused.calls[0]?.success({ T1: 'reject', T2: 'ban', T3: 'filter' });
    expect(refused.notes).toEqual([['subscribe.rejected', undefined]]);
    const failed = setUp();
    requestSubscriptions(failed.deps);
    failed.calls[0]?.fail({ errCode: 10005 });
    expect(failed.notes).toEqual([['subscribe.failed', undefined]]);
  });

  it('should not call WeChat outside weapp or without templates', () => {
    const h5 = setUp({ isWeapp: () => false });
    requestSubscriptions(h5.deps);
    expect(h5.calls).toEqual([]);
    expect(h5.notes).toEqual([['subscribe.notWeapp', undefined]]);
    const none = setUp({ templates: [] });
    requestSubscriptions(none.deps);
    expect(none.calls).toEqual([]);
    expect(none.notes).toEqual([['subscribe.unavailable', undefined]]);
  });
});
