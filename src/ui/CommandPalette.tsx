import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { paletteMatches, selectPalette, type PaletteEntry } from '../store/selectors/palette';
import type { MessageKey } from '../i18n';
import { useRun, useSandbox } from './context';
import { useDialog } from './useDialog';
import { actionLabel, choiceLabel, reasonIn, useT } from './i18n';

/** The entries the filter lets through, and the one the arrows have reached. */
function useListing(query: string) {
  const t = useT();
  const english = useSandbox(selectPalette);
  // The palette reads, and filters, in the page's language.
  const entries = useMemo(
    () =>
      english.map((e) => {
        const base = `${actionLabel(t, e.id, e.label.replace(/(…|: .*)$/s, ''))}${e.input !== undefined ? '…' : ''}`;
        return { ...e, label: e.choice !== undefined ? `${base}: ${choiceLabel(t, e.id, e.arg, e.choice)}` : base, group: t(`group.${e.group}` as MessageKey) as PaletteEntry['group'] };
      }),
    [english, t],
  );
  const shown = useMemo(() => entries.filter((e) => paletteMatches(e, query)), [entries, query]);
  const [active, setActive] = useState(0);
  const at = Math.min(active, Math.max(0, shown.length - 1));
  return { shown, at, setActive };
}

function Entry({ e, id, active, onChoose, onPoint }: { e: PaletteEntry; id: string; active: boolean; onChoose: () => void; onPoint: () => void }) {
  const t = useT();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    // The filter field keeps the focus and names the active entry (aria-activedescendant); a click chooses too.
    <li
      ref={ref}
      id={id}
      role="option"
      aria-selected={active}
      aria-disabled={e.disabled !== null}
      className={`palette-entry${active ? ' active' : ''}${e.disabled ? ' off' : ''}`}
      onMouseDown={(ev) => ev.preventDefault()}
      onClick={onChoose}
      onMouseMove={onPoint}
    >
      <span className="palette-group">{e.group}</span>
      <span className="palette-label">{e.label}</span>
      {e.disabled && <span className="palette-why">{t('palette.notNow', { why: reasonIn(t, e.disabled) })}</span>}
      {e.shortcut && <kbd>{e.shortcut}</kbd>}
    </li>
  );
}

/** The entries the filter lets through, as a listbox; when none does, one disabled option says so. */
function EntryList({ list, shown, at, query, onChoose, onPoint }: { list: string; shown: PaletteEntry[]; at: number; query: string; onChoose: (e: PaletteEntry) => void; onPoint: (i: number) => void }) {
  const t = useT();
  return (
    <ul id={list} role="listbox" aria-label={t('palette.actions')} className="palette-list">
      {shown.map((e, i) => (
        <Entry key={e.key} e={e} id={`${list}-${i}`} active={i === at} onChoose={() => onChoose(e)} onPoint={() => onPoint(i)} />
      ))}
      {shown.length === 0 && (
        <li role="option" aria-selected={false} aria-disabled className="palette-entry off">
          {t('palette.none', { query })}
        </li>
      )}
    </ul>
  );
}

/** Where an arrow key (or Home or End, while no line is asked for) moves the active entry among `count`; undefined for any other key. */
function moveTo(key: string, at: number, count: number, asking: boolean): number | undefined {
  const to = key === 'ArrowDown' ? at + 1 : key === 'ArrowUp' ? at - 1 : key === 'Home' && !asking ? 0 : key === 'End' && !asking ? count - 1 : undefined;
  return to === undefined ? undefined : count ? (to + count) % count : 0;
}

/** The palette while it is open: a filter field over every registered action, or the line an action asks for. */
function PaletteBody({ close }: { close: () => void }) {
  const run = useRun();
  const t = useT();
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState<PaletteEntry | null>(null);
  const { shown, at, setActive } = useListing(asking ? '' : query);
  const list = useId();
  const input = useRef<HTMLInputElement>(null);
  const choose = (e: PaletteEntry | undefined) => {
    if (!e || e.disabled) return;
    if (e.input !== undefined) {
      setAsking(e);
      setQuery('');
      input.current?.focus();
      return;
    }
    close();
    run(e.id, e.arg);
  };
  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    const to = moveTo(ev.key, at, shown.length, asking !== null);
    if (to !== undefined) {
      ev.preventDefault();
      setActive(to);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!asking) choose(shown[at]);
      else if (query.trim()) {
        close();
        run(asking.id, query);
      }
    }
  };
  const activeId = !asking && shown[at] ? `${list}-${at}` : undefined;
  return (
    <>
      <label className="palette-prompt" htmlFor={`${list}-q`}>
        {asking ? asking.label.replace(/…$/, '') : t('palette.prompt')}
      </label>
      <input
        ref={input}
        id={`${list}-q`}
        className="palette-input"
        autoComplete="off"
        spellCheck={false}
        value={query}
        placeholder={asking ? asking.input : t('palette.placeholder')}
        role={asking ? undefined : 'combobox'}
        aria-expanded={asking ? undefined : true}
        aria-controls={asking ? undefined : list}
        aria-autocomplete={asking ? undefined : 'list'}
        aria-activedescendant={activeId}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {asking ? <p className="palette-hint">{t('palette.asking')}</p> : <EntryList list={list} shown={shown} at={at} query={query} onChoose={choose} onPoint={setActive} />}
      <p className="palette-hint sr-only" aria-live="polite">
        {asking ? '' : t('palette.count', { count: shown.length })}
      </p>
    </>
  );
}

/**
 * The command palette (Ctrl+K, Cmd+K on a Mac): every registered action with its key and whether it
 * can run now (and why not), filtered by typing, chosen with the arrows and Enter; Escape closes it
 * and the focus returns where it was.
 */
export function CommandPalette() {
  const { ref, open, close } = useDialog('palette');
  const t = useT();
  return (
    <dialog ref={ref} className="palette" aria-label={t('palette.label')}>
      {open && <PaletteBody close={close} />}
    </dialog>
  );
}
