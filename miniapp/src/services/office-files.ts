import Taro from '@tarojs/taro';

import { isH5 } from '../utils/platform';
import type { PickedFile } from './office-http-client';

// Picks one file with one of `extensions` (e.g. ['.csv', '.xlsx']): the browser's file dialog on
// H5, a file from a WeChat chat on weapp (the only way a mini-program reaches documents).
// Resolves null when the person cancels.
export function pickOfficeFile(extensions: readonly string[]): Promise<PickedFile | null> {
  if (isH5()) return pickInBrowser(extensions);
  return Taro.chooseMessageFile({
    count: 1,
    type: 'file',
    extension: extensions.map((extension) => extension.replace(/^\./, '')),
  }).then(
    (result) => {
      const file = result.tempFiles[0];
      return file ? { path: file.path, name: file.name, size: file.size } : null;
    },
    () => null,
  );
}

function pickInBrowser(extensions: readonly string[]): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}
