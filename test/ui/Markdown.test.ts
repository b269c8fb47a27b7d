import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { isCommand, Markdown } from '../../src/ui/Markdown';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('lesson text as Markdown', () => {
  it('renders headings, lists, code, emphasis and safe links', () => {
    expect(html('## Steps\n\n1. Run `docker build`\n2. **Then** *run* it\n\nSee [the docs](https://docs.aws.amazon.com/ecs/) or [L5](#lesson=L5).')).toBe(
      '<div class="md"><h4>Steps</h4><ol><li>Run <code>docker build</code></li><li><strong>Then</strong> <em>run</em> it</li></ol>' +
        '<p>See <a href="https://docs.aws.amazon.com/ecs/" target="_blank" rel="noreferrer">the docs</a> or <a href="#lesson=L5">L5</a>.</p></div>',
    );
  });

  it('never interprets raw HTML or script links: they stay text', () => {
    const out = html('<img src=x onerror=alert(1)> and [click](javascript:alert(1)) and [x](http://plain.example)');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('href="javascript');
    expect(out).not.toContain('href="http://plain');
    expect(out).toContain('click');
  });

  it('keeps code blocks verbatim', () => {
    expect(html('```\n<b>not bold</b>\n  indented\n```')).toBe('<div class="md"><pre class="md-code"><code>&lt;b&gt;not bold&lt;/b&gt;\n  indented</code></pre></div>');
  });
});

describe('commands in lesson text', () => {
  const withRun = (text: string) => renderToStaticMarkup(createElement(Markdown, { text, command: (c: string) => createElement('button', null, `run ${c}`) }));

  it('gives each whole command (inline or a code block’s line) what the pane puts after it, and leaves words and templates alone', () => {
    expect(withRun('Send `curl localhost:3000/api/users`, then `/api/threads`; `aws ecs` is a prefix; `docker build -t <name> .` a template.')).toBe(
      '<div class="md"><p>Send <code>curl localhost:3000/api/users</code><button>run curl localhost:3000/api/users</button>, then <code>/api/threads</code>; ' +
        '<code>aws ecs</code> is a prefix; <code>docker build -t &lt;name&gt; .</code> a template.</p></div>',
    );
    expect(withRun('```sh\naws ecs list-clusters\n# a comment\nprocess ps\n```')).toBe(
      '<div class="md"><div class="md-block"><pre class="md-code"><code>aws ecs list-clusters\n# a comment\nprocess ps</code></pre>' +
        '<div class="run"><button>run aws ecs list-clusters</button></div><div class="run"><button>run process ps</button></div></div></div>',
    );
  });

  it('knows a command from a word', () => {
    expect(['sleep 1m', 'traffic stats 3000', 'docker ps', 'aws ecs list-clusters', 'copilot app init forum'].every(isCommand)).toBe(true);
    expect(['aws ecs', 'docker', 'ls -l', 'curl …', 'hostPort: 80'].some(isCommand)).toBe(false);
  });
});
