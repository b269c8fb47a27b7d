/** Splits a command line as a POSIX shell would: quotes, backslash escapes, `#` comments. */
export function tokenize(line: string): string[] | { error: string } {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: `unterminated quote at column ${i + 1}` };
      cur += line.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        cur += line[j];
      }
      if (j >= line.length) return { error: `unterminated quote at column ${i + 1}` };
      has = true;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else if (c === '#' && !has) break;
    else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** The value after the first of `names` among `words` (`-t name`, `--tag name`). */
export function flagValue(words: string[], names: string[]): string | undefined {
  const i = words.findIndex((a) => names.includes(a));
  return i >= 0 ? words[i + 1] : undefined;
}
