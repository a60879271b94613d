import { publicApi } from '../support/api-sample';
import { renderPage, waitUntil } from '../support/weapp-simulator';

describe('privacy consent in the weapp build', () => {
  it('should listen for WeChat consent requests from launch', async () => {
    const page = await renderPage('pages/index/index', { respond: publicApi });
    await page.waitForId('nav-grid');

    expect(page.wx.privacyHandler()).toEqual(expect.any(Function));
  });

  it('should leave a consent request for the person to answer, never answer it itself', async () => {
    const page = await renderPage('pages/index/index', { respond: publicApi });
    await page.waitForId('nav-grid');
    const handler = await waitUntil(() => page.wx.privacyHandler(), 'the consent listener');
    const resolve = jest.fn();

    handler(resolve, { referrer: 'saveImageToPhotosAlbum' });
    await new Promise((done) => setTimeout(done, 100));

    expect(resolve).not.toHaveBeenCalled();
  });
});
