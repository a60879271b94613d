import { openExternalUrl } from './platform';

// H5 opens the platform in a new tab. Kept apart from the weapp variant because Taro's H5
// clipboard API brings its toast, modal and action-sheet (~8 KB gzipped) onto the first screen.
export function showPlatformAddress(url: string): void {
  openExternalUrl(url);
}
