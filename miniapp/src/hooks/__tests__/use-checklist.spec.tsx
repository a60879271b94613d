import { act } from 'react';

import { ApiError } from '../../services/api-error';
import { getMyChecklist, tickMyChecklist } from '../../services/facts';
import { renderHook } from '../../test/render-hook';
import { useChecklist } from '../use-checklist';

jest.mock('../../services/facts', () => ({
  getMyChecklist: jest.fn(),
  tickMyChecklist: jest.fn(),
}));

const getMock = jest.mocked(getMyChecklist);
const tickMock = jest.mocked(tickMyChecklist);

describe('useChecklist', () => {
  beforeEach(() => {
    getMock.mockResolvedValue({ applicationId: '7', tickedItemKeys: ['recommendation_report'] });
  });
  afterEach(() => jest.resetAllMocks());

  it('should show the ticks kept on the server', async () => {
    const hook = await renderHook(() => useChecklist('7'));
    expect(getMock).toHaveBeenCalledWith('7');
    expect(hook.current.tickedKeys).toEqual(['recommendation_report']);
    await hook.unmount();
  });

  it('should tick at once and keep what the server answers', async () => {
    let answer: (value: { applicationId: string; tickedItemKeys: string[] }) => void = () =>
      undefined;
    tickMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const hook = await renderHook(() => useChecklist('7'));
    await act(async () => hook.current.tick('wage_file', true));
    expect(hook.current.tickedKeys).toEqual(['recommendation_report', 'wage_file']);
    expect(tickMock).toHaveBeenCalledWith('7', { itemKey: 'wage_file', isDone: true });
    await act(async () =>
      answer({ applicationId: '7', tickedItemKeys: ['recommendation_report', 'wage_file'] }),
    );
    expect(hook.current.tickedKeys).toEqual(['recommendation_report', 'wage_file']);
    expect(hook.current.error).toBeNull();
    await hook.unmount();
  });

  it('should put the ticks back and say why when the server refuses', async () => {
    tickMock.mockRejectedValue(new ApiError('APPLICATION_NOT_FOUND', 404));
    const hook = await renderHook(() => useChecklist('7'));
    await act(async () => hook.current.tick('recommendation_report', false));
    expect(hook.current.tickedKeys).toEqual(['recommendation_report']);
    expect(hook.current.error).not.toBeNull();
    expect(hook.current.error).not.toContain('APPLICATION_NOT_FOUND');
    await hook.unmount();
  });
});
