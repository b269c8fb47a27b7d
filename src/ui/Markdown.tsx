import { Fragment, type ReactNode } from 'react';

/** Whether a piece of code is a whole console command ("curl localhost:3000/api/users", "aws ecs list-clusters"), not a word or a template. */
export function isCommand(code: string): boolean {
  const t = code.trim();
  if (/[<>…]|\n/.test(t)) return false;
  const words = t.split(/\s+/);
  if (!/^(aws|docker|curl|copilot|sim|traffic|process|translate|sleep)$/.test(words[0] ?? '')) return false;
  return words.length >= (words[0] === 'aws' ? 3 : 2);
}

/** What to put after a command in the text (a "Run in console" button), if anything. */
type CommandExtra = ((command: string) => ReactNode) | undefined;

/**
 * Lesson text as Markdown, rendered to React elements: headings, paragraphs, lists, code blocks,
 * inline code, bold, italics and links. Raw HTML is never interpreted (it shows as text), and only
 * https links and in-app links (#lesson=…) become anchors. With `command`, each console command in
 * the text (a code block's lines, or inline code that is a whole command) gets what it returns.
 */
export function Markdown({ text, command }: { text: string; command?: (command: string) => ReactNode }) {
  const blocks: ReactNode[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  let key = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (/^```/.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i]!)) body.push(lines[i++]!);
      i++;
      const runnable = command ? body.filter(isCommand) : [];
      const pre = (
        <pre key={key++} className="md-code">
          <code>{body.join('\n')}</code>
        </pre>
      );
      blocks.push(
        runnable.length ? (
          <div key={key++} className="md-block">
            {pre}
            {runnable.map((c, j) => (
              <div key={j} className="run">
                {command!(c)}
              </div>
            ))}
          </div>
        ) : (
          pre
        ),
      );
      continue;
    }
    const h = /^(#{1,4}) (.+)$/.exec(line);
    if (h) {
      const level = Math.min(6, h[1]!.length + 2);
      const Tag = `h${level}` as 'h3';
      blocks.push(<Tag key={key++}>{inline(h[2]!, command)}</Tag>);
      i++;
      continue;
    }
    if (/^\s*([-*]|\d+\.) /.test(line)) {
      const ordered = /^\s*\d+\. /.test(line);
      const items: string[] = [];
      while (i < lines.length && (/^\s*([-*]|\d+\.) /.test(lines[i]!) || (/^\s{2,}\S/.test(lines[i]!) && items.length))) {
        if (/^\s*([-*]|\d+\.) /.test(lines[i]!)) items.push(lines[i]!.replace(/^\s*([-*]|\d+\.) /, ''));
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      const List = ordered ? 'ol' : 'ul';
      blocks.push(
        <List key={key++}>
          {items.map((t, j) => (
            <li key={j}>{inline(t, command)}</li>
          ))}
        </List>,
      );
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,4} |```|\s*([-*]|\d+\.) )/.test(lines[i]!)) para.push(lines[i++]!);
    blocks.push(<p key={key++}>{inline(para.join(' '), command)}</p>);
  }
  return <div className="md">{blocks}</div>;
}

/** One line of lesson text inside other text (a checklist detail's `how`): its inline spans, with a command's extra, in a span. */
export function MarkdownSpan({ text, command }: { text: string; command?: (command: string) => ReactNode }) {
  return <span className="md">{inline(text, command)}</span>;
}

/** Inline spans: `code`, **bold**, *italic*, [text](url). Everything else is plain text. */
function inline(text: string, command: CommandExtra): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let k = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(<Fragment key={k++}>{text.slice(last, m.index)}</Fragment>);
    if (m[1] !== undefined) {
      out.push(<code key={k++}>{m[1]}</code>);
      if (command && isCommand(m[1])) out.push(<Fragment key={k++}>{command(m[1])}</Fragment>);
    } else if (m[2] !== undefined) out.push(<strong key={k++}>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(<em key={k++}>{m[3]}</em>);
    else {
      const href = m[5]!;
      const safe = /^https:\/\//.test(href) || /^#lesson=[\w-]+$/.test(href);
      out.push(
        safe ? (
          <a key={k++} href={href} {...(href.startsWith('https:') ? { target: '_blank', rel: 'noreferrer' } : {})}>
            {m[4]}
          </a>
        ) : (
          <Fragment key={k++}>{m[4]}</Fragment>
        ),
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(<Fragment key={k++}>{text.slice(last)}</Fragment>);
  return out;
}
