/**
 * The header's small line icons, drawn in the text colour. Each stands inside a button whose accessible name
 * is its word (aria-label), and whose title says it on hover, so the icon itself is hidden from assistive technology.
 */
const paths = {
  // Two links of a chain.
  share: 'M6.5 9.5l3-3 M7 4.5l1.2-1.2a2.5 2.5 0 013.5 3.5L10.5 8 M9 11.5l-1.2 1.2a2.5 2.5 0 01-3.5-3.5L5.5 8',
  // An arrow down onto a tray.
  export: 'M8 2.5v7 M5 6.5l3 3 3-3 M3 11v2.5h10V11',
  // An arrow up out of a tray.
  import: 'M8 9.5v-7 M5 5.5l3-3 3 3 M3 11v2.5h10V11',
  // A keyboard.
  keys: 'M2 4.5h12v7H2z M4.5 7h1 M7.5 7h1 M10.5 7h1 M5 9.5h6',
  // A crescent moon, and a sun.
  dark: 'M11.5 10.5A5 5 0 015.5 4.5a5 5 0 106 6z',
  light: 'M8 5.5a2.5 2.5 0 110 5 2.5 2.5 0 010-5z M8 1.5v1.5 M8 13v1.5 M1.5 8H3 M13 8h1.5 M3.4 3.4l1 1 M11.6 11.6l1 1 M3.4 12.6l1-1 M11.6 4.4l1-1',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
