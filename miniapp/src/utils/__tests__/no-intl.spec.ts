import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// `Intl` is not defined in WeChat's Android JavaScript engine (and Debian's Chromium has no ug
// locale): dates and numbers are formatted by our own code. Any use of it, or of the toLocale…
// methods that lean on it, would break the Uyghur and Chinese screens there.
const FORBIDDEN = /\bIntl\s*[.[]|\btoLocale(?:Date|Time)?String\b/;
const ROOT = resolve(__dirname, '../../../..');
const SOURCES = [join(ROOT, 'miniapp', 'src'), join(ROOT, 'shared', 'src')];
const WEAPP_BUILD = join(ROOT, 'miniapp', 'dist', 'weapp');

function filesUnder(dir: string, isWanted: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, isWanted);
    return isWanted(path) ? [path] : [];
  });
}

const offenders = (files: string[]): string[] =>
  files
    .filter((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        // A comment may name what is forbidden.
        .some((line) => FORBIDDEN.test(line) && !/^\s*\/\//.test(line)),
    )
    .map((file) => relative(ROOT, file));

describe('no Intl on the phone', () => {
  it('should not use Intl or toLocaleString in the mini-app or shared sources', () => {
    const sources = SOURCES.flatMap((dir) =>
      filesUnder(dir, (path) => /\.tsx?$/.test(path) && !/(\.spec\.tsx?|__tests__)/.test(path)),
    );
    expect(sources.length).toBeGreaterThan(50);
    expect(offenders(sources)).toEqual([]);
  });

  it('should not use Intl or toLocaleString anywhere in the built weapp, when there is one', () => {
    if (!existsSync(WEAPP_BUILD)) return;
    const built = filesUnder(WEAPP_BUILD, (path) => path.endsWith('.js'));
    expect(offenders(built)).toEqual([]);
  });
});
