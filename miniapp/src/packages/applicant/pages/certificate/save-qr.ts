import Taro from '@tarojs/taro';

import { isH5 } from '../../../../utils/platform';

// Saves the certificate's QR: into the album in WeChat (it asks for the permission itself), as
// a PNG download in a browser. The data URL comes from the server, so no canvas is needed.
export async function saveQrImage(dataUrl: string, fileName: string): Promise<void> {
  if (isH5()) {
    const link = document.createElement('a');
    link.href = dataUrl;
    link.download = `${fileName}.png`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}.png`;
  const files = Taro.getFileSystemManager();
  files.writeFileSync(filePath, dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
  } finally {
    // The album keeps the copy the holder asked for; the staging file in the mini-program's own
    // files would stay on the phone after sign-out, certificate number and all.
    files.unlink({ filePath, fail: () => undefined });
  }
}
