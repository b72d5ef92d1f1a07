/**
 * The small Markdown helpers the docs emitter builds reference.md with (CommonMark plus GitHub's
 * tables). Every piece of text from the spec goes through one of them, so escaping happens in one
 * place: `text` for plain strings (titles, summaries, names), `inline` / `block` for the spec's
 * own CommonMark (descriptions), `code` for literal values, and `table` for `|` and line breaks.
 */

/** Plain text as inline Markdown: characters that would start emphasis, code, links or HTML are escaped. */
export function text(plain: string): string {
  return plain.replace(/[\\`*_[\]<>&]/g, (c) => (c === '<' ? '&lt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/**
 * A code span that shows `value` exactly: the backtick fence is one longer than the longest run
 * of backticks inside, and padded with a space when the value starts or ends with a backtick or
 * a space (CommonMark 6.1). An empty value has no code span; it is shown as `""`.
 */
export function code(value: string): string {
  if (value === '') return '`""`';
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(value) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** An internal link to an anchor of the same document. */
export function link(label: string, anchor: string): string {
  return `[${label}](#${anchor})`;
}

/** A JSON value as it appears on the wire, in a code span: `"chat.send"`, `1000`, `true`. */
export function jsonCode(value: unknown): string {
  return code(JSON.stringify(value) ?? 'undefined');
}

/**
 * Escapes `<` outside code spans, so that text like `token=<jwt>` is shown instead of being read as
 * an HTML tag; autolinks (`<https://...>`) are kept.
 */
function escapeHtmlOutsideCode(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (ch === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
      const close = line.indexOf(run, i + run.length);
      if (close !== -1) {
        out += line.slice(i, close + run.length);
        i = close + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    if (ch === '<') {
      const autolink = /^<(?:https?|mailto):[^\s<>]*>/.exec(line.slice(i));
      if (autolink) {
        out += autolink[0];
        i += autolink[0].length;
        continue;
      }
      out += '&lt;';
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** The spec's CommonMark on one line, for a table cell or a list item: line breaks become spaces. */
export function inline(markdown: string): string {
  return escapeHtmlOutsideCode(markdown.trim().replace(/\s*\n\s*/g, ' '));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?=\s|$)/;

/**
 * The spec's CommonMark as a block nested under a heading of level `parentLevel`: its ATX
 * headings are shifted so that the highest becomes `parentLevel + 1` (at most 6), and `<` is
 * escaped outside code. Fenced code blocks are kept as they are.
 */
export function block(markdown: string, parentLevel: number): string {
  const lines = markdown.trim().split('\n');
  let fence: string | null = null;
  let top = 7;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]?.startsWith(fence)) fence = null;
      continue;
    }
    if (f) fence = f[1] ?? null;
    else top = Math.min(top, ATX.exec(line)?.[1]?.length ?? 7);
  }
  const shift = top === 7 ? 0 : parentLevel + 1 - top;
  // Fenced blocks are kept; each paragraph is escaped as a whole, so a code span that wraps onto
  // the next line is still seen as code.
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length > 0) out.push(escapeHtmlOutsideCode(prose.join('\n')));
    prose = [];
  };
  fence = null;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]?.startsWith(fence)) fence = null;
      out.push(line);
      continue;
    }
    if (f) {
      flush();
      fence = f[1] ?? null;
      out.push(line);
      continue;
    }
    const h = ATX.exec(line);
    if (h && shift !== 0) {
      const level = Math.min(6, Math.max(1, (h[1]?.length ?? 1) + shift));
      prose.push('#'.repeat(level) + line.replace(ATX, ''));
    } else {
      prose.push(line);
      // A blank line ends a paragraph, and no code span crosses it.
      if (line.trim() === '') flush();
    }
  }
  flush();
  return out.join('\n');
}

/** The ATX headings of a Markdown text, outside fenced code: level and text. */
export function headings(markdown: string): { level: number; text: string }[] {
  const out: { level: number; text: string }[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]?.startsWith(fence)) fence = null;
      continue;
    }
    if (f) {
      fence = f[1] ?? null;
      continue;
    }
    const h = ATX.exec(line);
    if (h) out.push({ level: h[1]?.length ?? 1, text: line.replace(ATX, '').replace(/\s+#+\s*$/, '').trim() });
  }
  return out;
}

/**
 * The anchor GitHub derives from a heading's text (without its `-1`, `-2` suffix for repeats):
 * lower case, punctuation other than `-` and `_` removed, spaces as `-`. Inline code and emphasis
 * markers are removed with the punctuation.
 */
export function githubSlug(headingText: string): string {
  return headingText
    .replace(/<[^>]*>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * An explicit anchor before a heading, so that links do not depend on how a renderer slugs the
 * heading's text. Several anchors may name the same heading.
 */
export function heading(level: number, title: string, anchors: readonly string[] = []): string {
  const marks = anchors.map((a) => `<a id="${a}"></a>`).join('');
  return `${marks === '' ? '' : `${marks}\n`}${'#'.repeat(level)} ${title}`;
}

/** A fenced code block whose fence is longer than any run of backticks in `body`. */
export function fence(info: string, body: string): string {
  const longest = Math.max(0, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return `${marks}${info}\n${body}\n${marks}`;
}

/** One cell: `|` escaped (GitHub splits cells on it, even inside code spans) and line breaks as spaces. */
function cell(content: string): string {
  return content.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

/** One table row; cells are inline Markdown. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A GitHub table: a header row, the delimiter row, and one row per entry. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [tableRow(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(tableRow)].join('\n');
}

/** A bullet list, one item a line. */
export function list(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}
