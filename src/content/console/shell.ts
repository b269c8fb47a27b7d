/** The value after the first of `names` among `words` (`-t name`, `--tag name`). */
export function flagValue(words: string[], names: string[]): string | undefined {
  const i = words.findIndex((a) => names.includes(a));
  return i >= 0 ? words[i + 1] : undefined;
}
