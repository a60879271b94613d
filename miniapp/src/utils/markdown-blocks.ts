export type TextBlock = { kind: 'heading' | 'paragraph' | 'item'; text: string };

// Official notices arrive as light Markdown. The mini-app shows them as plain readable blocks
// (headings, paragraphs, list items) rather than embedding HTML, which weapp cannot run safely.
export function toTextBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('') });
    paragraph = [];
  };
  for (const rawLine of markdown.split(/\r?\n/)) {
    const line = stripInline(rawLine.trim());
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s*(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d+\.)\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      if (heading[1]) blocks.push({ kind: 'heading', text: heading[1] });
    } else if (item) {
      flush();
      blocks.push({ kind: 'item', text: rawLine.trim().startsWith('-') ? `• ${item[1]}` : line });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function stripInline(line: string): string {
  return line
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1') // [text](url) → text
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/\s{2,}$/, '');
}
