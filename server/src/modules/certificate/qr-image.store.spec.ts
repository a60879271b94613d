import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { QR_IMAGE_STORE_MAX_ENTRIES, QrImageRenderer, QrImageStore } from './qr-image.store';

const URL_A = 'https://titletrack.example.cn/verify/a';
const URL_B = 'https://titletrack.example.cn/verify/b';

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return (
    jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
      png.width,
      png.height,
    )?.data ?? null
  );
}

describe(QrImageStore.name, () => {
  let renderer: QrImageRenderer;
  let sut: QrImageStore;

  beforeEach(() => {
    renderer = new QrImageRenderer();
    sut = new QrImageStore(renderer);
  });

  afterEach(() => jest.restoreAllMocks());

  it('renders a PNG that decodes to the URL', async () => {
    const image = await sut.imageOf(URL_A);

    expect(image).toMatch(/^data:image\/png;base64,/);
    expect(decodeQr(image)).toBe(URL_A);
  });

  it('renders a URL once and gives the same image after', async () => {
    const render = jest.spyOn(renderer, 'render');

    const first = await sut.imageOf(URL_A);
    const second = await sut.imageOf(URL_A);

    expect(second).toBe(first);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('renders once for requests that arrive while the first render runs', async () => {
    const render = jest.spyOn(renderer, 'render');

    const images = await Promise.all([sut.imageOf(URL_A), sut.imageOf(URL_A), sut.imageOf(URL_A)]);

    expect(new Set(images).size).toBe(1);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('gives another URL its own image', async () => {
    const a = await sut.imageOf(URL_A);
    const b = await sut.imageOf(URL_B);

    expect(b).not.toBe(a);
    expect(decodeQr(b)).toBe(URL_B);
  });

  it('does not keep a failed render: the next request tries again', async () => {
    const render = jest
      .spyOn(renderer, 'render')
      .mockRejectedValueOnce(new Error('canvas exploded'))
      .mockResolvedValueOnce('data:image/png;base64,AAAA');

    await expect(sut.imageOf(URL_A)).rejects.toThrow('canvas exploded');
    await expect(sut.imageOf(URL_A)).resolves.toBe('data:image/png;base64,AAAA');
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('keeps at most its cap, dropping the least recently shown first', async () => {
    const render = jest
      .spyOn(renderer, 'render')
      .mockImplementation(async (text) => `data:image/png;base64,${text}`);
    await sut.imageOf(URL_A);
    for (let index = 0; index < QR_IMAGE_STORE_MAX_ENTRIES - 1; index += 1) {
      await sut.imageOf(`${URL_B}${index}`);
    }
    // Shown again, so it is now the most recently shown.
    await sut.imageOf(URL_A);
    await sut.imageOf(`${URL_B}-new`);

    expect(sut.size).toBe(QR_IMAGE_STORE_MAX_ENTRIES);
    render.mockClear();
    await sut.imageOf(URL_A);
    expect(render).not.toHaveBeenCalled();
    await sut.imageOf(`${URL_B}0`);
    expect(render).toHaveBeenCalledWith(`${URL_B}0`);
  });
});
