/** Parses the AWS CLI shorthand syntax: `a=1,b=[x,y],c={d=e}`. */
export function shorthand(text: string): Record<string, unknown> | string {
  let i = 0;
  const value = (stop: string): unknown => {
    if (text[i] === '[') {
      i++;
      const list: unknown[] = [];
      while (i < text.length && text[i] !== ']') {
        list.push(value(',]'));
        if (text[i] === ',') i++;
      }
      if (text[i] !== ']') throw new Error("expected ']'");
      i++;
      return list;
    }
    if (text[i] === '{') {
      i++;
      const obj = pairs('}');
      if (text[i] !== '}') throw new Error("expected '}'");
      i++;
      return obj;
    }
    let s = '';
    while (i < text.length && !stop.includes(text[i]!)) s += text[i++];
    return s;
  };
  const pairs = (end: string): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    while (i < text.length && text[i] !== end) {
      let key = '';
      while (i < text.length && text[i] !== '=' && text[i] !== ',') key += text[i++];
      if (text[i] !== '=') throw new Error(`expected '=' after '${key}'`);
      i++;
      const stops = end === '' ? ',' : `,${end}`;
      // a value without brackets runs to the next `,key=` (values may hold commas only inside brackets)
      obj[key.trim()] = value(stops);
      if (text[i] === ',') i++;
    }
    return obj;
  };
  try {
    const r = pairs('');
    if (i < text.length) return `unexpected '${text[i]!}' at position ${i + 1}`;
    return r;
  } catch (e) {
    return (e as Error).message;
  }
}
