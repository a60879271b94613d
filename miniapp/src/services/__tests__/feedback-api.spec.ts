// The feedback services wire the app's Taro-backed clients; swap both for recorders.
const mockHttp = {
  get: jest.fn().mockResolvedValue({ items: [] }),
  post: jest.fn().mockResolvedValue({}),
};
const mockOfficeHttp = {
  get: jest.fn().mockResolvedValue({ items: [], page: 1, pageSize: 20, total: 0 }),
  post: jest.fn().mockResolvedValue({}),
};
jest.mock('../http', () => ({ http: mockHttp }));
jest.mock('../office-http', () => ({ officeHttp: mockOfficeHttp }));

import { getMyFeedback, submitFeedback } from '../feedback-api';
import {
  getStaffFeedback,
  getStaffFeedbackList,
  markFeedbackHandled,
  replyToFeedback,
} from '../office-feedback-api';

describe('feedback-api', () => {
  beforeEach(() => jest.clearAllMocks());

  it('should POST a submission to /me/feedback with the applicant client', async () => {
    const request = {
      regionCode: '6532',
      category: 'suggestion' as const,
      text: '希望增加维吾尔文的材料清单。',
    };
    await submitFeedback(request);
    expect(mockHttp.post).toHaveBeenCalledWith('/me/feedback', request);
    expect(mockOfficeHttp.post).not.toHaveBeenCalled();
  });

  it('should GET my submissions from /me/feedback', async () => {
    await expect(getMyFeedback()).resolves.toEqual({ items: [] });
    expect(mockHttp.get).toHaveBeenCalledWith('/me/feedback');
  });
});

describe('office-feedback-api', () => {
  beforeEach(() => jest.clearAllMocks());

  it('should GET the list with its filter and page through the office client', async () => {
    await getStaffFeedbackList({ state: 'open', page: 2, pageSize: 20 });
    expect(mockOfficeHttp.get).toHaveBeenCalledWith('/staff/feedback', {
      state: 'open',
      page: 2,
      pageSize: 20,
    });
    expect(mockHttp.get).not.toHaveBeenCalled();
  });

  it('should GET one item by its encoded id', async () => {
    await getStaffFeedback('7/1');
    expect(mockOfficeHttp.get).toHaveBeenCalledWith('/staff/feedback/7%2F1');
  });

  it('should POST a reply, and the closing, to the item', async () => {
    await replyToFeedback('7', { reply: '已核实。', isHandled: true });
    await markFeedbackHandled('7');
    expect(mockOfficeHttp.post).toHaveBeenNthCalledWith(1, '/staff/feedback/7/reply', {
      reply: '已核实。',
      isHandled: true,
    });
    expect(mockOfficeHttp.post).toHaveBeenNthCalledWith(2, '/staff/feedback/7/handled');
  });
});
