import { WechatAccessTokenRepository } from '../../src/modules/wechat/wechat-access-token.repository';
import { WechatEventRepository } from '../../src/modules/wechat/wechat-event.repository';
import { WechatHttp } from '../../src/modules/wechat/wechat-api.http';
import { mockMethods } from './mock-methods';

export const newWechatAccessTokenRepositoryMock = (): jest.Mocked<WechatAccessTokenRepository> =>
  mockMethods(WechatAccessTokenRepository);
export const newWechatEventRepositoryMock = (): jest.Mocked<WechatEventRepository> =>
  mockMethods(WechatEventRepository);
export const newWechatHttpMock = (): jest.Mocked<WechatHttp> => mockMethods(WechatHttp);
