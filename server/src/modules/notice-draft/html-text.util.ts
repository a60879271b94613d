// Notices are often saved from the office's website as .html. The drafter reads plain text line by
// line, so only what a reader sees matters: scripts, styles and comments go, block elements and
// <br> become line breaks, entities are decoded. A hand-written pass is enough because the result
// is only read, never rendered, and reviewed against the quotes before anything is published.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  yen: '¥',
  copy: '©',
};

const BLOCK_TAGS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h[1-6]',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
].join('|');

// Markers that cannot occur in a notice: where a block opens or closes, and a <br>.
const BLOCK_OPEN = '\u0002';
const BLOCK_CLOSE = '\u0003';
const LINE_BREAK = '\u0004';

export function htmlToText(html: string): string {
  const marked = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\b[^>]*>/gi, LINE_BREAK)
    .replace(new RegExp(`<(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), BLOCK_OPEN)
    .replace(new RegExp(`</(?:${BLOCK_TAGS})\\s*>`, 'gi'), BLOCK_CLOSE)
    // Cells of one row stay on one line, as a reader sees them.
    .replace(/<\/t[dh]\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  const text = marked
    // Whitespace in the source is layout, not content; line breaks come from the markup.
    .replace(/\s+/g, ' ')
    // Between two blocks one line break, plus a blank line for each empty block: converted PDFs
    // mark a page end with empty paragraphs, which the drafter reads as a broken sentence.
    .replace(/[\u0002\u0003](?:\s*[\u0002\u0003])*/g, (run) => {
      const emptyBlocks = run.replace(/\s/g, '').split(BLOCK_OPEN + BLOCK_CLOSE).length - 1;
      return '\n'.repeat(1 + emptyBlocks);
    })
    .replaceAll(LINE_BREAK, '\n');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const isHex = body[1] === 'x' || body[1] === 'X';
      const codePoint = Number.parseInt(body.slice(isHex ? 2 : 1), isHex ? 16 : 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
