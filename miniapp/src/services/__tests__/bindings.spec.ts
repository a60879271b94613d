// bindings.ts wires the app's Taro-backed client; swap it for a recorder.
const mockHttp = {
  get: jest.fn().mockResolvedValue({}),
  post: jest.fn().mockResolvedValue({}),
  delete: jest.fn().mockResolvedValue(undefined),
};
jest.mock('../http', () => ({ http: mockHttp }));

import {
  bindApplication,
  getMyApplication,
  getMyApplications,
  unbindApplication,
} from '../bindings';

describe('bindings', () => {
  beforeEach(() => jest.clearAllMocks());

  it('should POST the binding request to /me/bindings', async () => {
    const request = {
      name: '阿依古丽',
      idCardNumber: '650102199001011234',
      applicationNo: 'ZC2025-001',
    };
    await bindApplication(request);
    expect(mockHttp.post).toHaveBeenCalledWith('/me/bindings', request);
  });

  it('should GET the list of my applications', async () => {
    await getMyApplications();
    expect(mockHttp.get).toHaveBeenCalledWith('/me/applications');
  });

  it('should GET one application by its encoded id', async () => {
    await getMyApplication('a/1');
    expect(mockHttp.get).toHaveBeenCalledWith('/me/applications/a%2F1');
  });

  it('should DELETE the binding by application id', async () => {
    await expect(unbindApplication('a1')).resolves.toBeUndefined();
    expect(mockHttp.delete).toHaveBeenCalledWith('/me/bindings/a1');
    expect(mockHttp.post).not.toHaveBeenCalled();
  });
});
