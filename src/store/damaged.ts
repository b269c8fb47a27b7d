/**
 * Damaged copies of the saved workspace: when the stored text cannot be read whole, it is kept aside before
 * anything is saved over it, each copy in a slot of its own (a few slots, newest first), listed in the page
 * with Restore and Download; the same text found again is not kept twice. A copy is never overwritten by the next one: when the slots are full or the
 * browser's quota refuses it, the copy is not kept and the caller offers it as a download instead.
 */
import { message, type Message } from '../i18n';

/** The one slot of earlier versions, still listed (and freed) like the others. */
export const DAMAGED_KEY = 'ecs-sandbox.workspace.damaged';
/** The list of kept copies: [{ slot, savedAt, why, size }], newest first. */
export const DAMAGED_INDEX_KEY = 'ecs-sandbox.workspace.damaged.index';
export const DAMAGED_SLOTS = 5;
const SLOT_PREFIX = 'ecs-sandbox.workspace.damaged.';

export interface DamagedCopy {
  /** The storage key the text is kept under. */
  slot: string;
  /** When it was found damaged (ms since 1970, as the page's clock said), or 0 when not known. */
  savedAt: number;
  /** What could not be read in it. */
  why: string;
  /** Its length in characters. */
  size: number;
}

type Storage2 = Pick<Storage, 'getItem' | 'setItem'>;

function slotsOf(storage: Storage2): DamagedCopy[] {
  let raw: string | null = null;
  try {
    raw = storage.getItem(DAMAGED_INDEX_KEY);
  } catch {
    return [];
  }
  let data: unknown;
  try {
    data = raw === null ? [] : JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  // The list is as untrusted as anything else in storage: each entry is read through its own members.
  const out: DamagedCopy[] = [];
  for (const e of data) {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) continue;
    const get = (k: string): unknown => (Object.hasOwn(e, k) ? (e as Record<string, unknown>)[k] : undefined);
    const slot = get('slot');
    if (typeof slot !== 'string' || !isSlotKey(slot) || out.some((c) => c.slot === slot)) continue;
    const savedAt = get('savedAt');
    const why = get('why');
    const size = get('size');
    out.push({ slot, savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0, why: typeof why === 'string' ? why.slice(0, 2000) : '', size: typeof size === 'number' && Number.isFinite(size) ? size : 0 });
  }
  return out;
}

const isSlotKey = (k: string) => new RegExp(`^${SLOT_PREFIX.replace(/\./g, '\\.')}[0-9]$`).test(k);

function writeIndex(storage: Storage2, list: DamagedCopy[]): void {
  storage.setItem(DAMAGED_INDEX_KEY, JSON.stringify(list));
}

function readKey(storage: Storage2, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** The kept copies, newest first; the single copy an earlier version kept comes last. */
export function listDamaged(storage: Storage2 | undefined): DamagedCopy[] {
  if (!storage) return [];
  const list = slotsOf(storage).filter((c) => (readKey(storage, c.slot) ?? '') !== '');
  const legacy = readKey(storage, DAMAGED_KEY);
  if (legacy) list.push({ slot: DAMAGED_KEY, savedAt: 0, why: 'kept by an earlier version of the sandbox', size: legacy.length });
  return list;
}

/** A kept copy's text, or null when there is none in that slot. */
export function readDamaged(storage: Storage2 | undefined, slot: string): string | null {
  if (!storage || (slot !== DAMAGED_KEY && !isSlotKey(slot))) return null;
  const t = readKey(storage, slot);
  return t === '' ? null : t;
}

/**
 * Keeps a damaged text in a free slot. Never overwrites a kept copy: with every slot taken, or when the browser
 * refuses to store it, the copy is not kept and the answer says why.
 */
export function keepDamaged(storage: Storage2 | undefined, raw: string, why: string, now: number): { kept: DamagedCopy } | { refused: 'no storage' | 'slots full' | 'quota' } {
  if (!storage) return { refused: 'no storage' };
  const list = slotsOf(storage).filter((c) => (readKey(storage, c.slot) ?? '') !== '');
  // The same text found again (a reload before anything was saved over it) is the copy already kept.
  const same = list.find((c) => c.size === raw.length && readKey(storage, c.slot) === raw);
  if (same) return { kept: same };
  if (list.length >= DAMAGED_SLOTS) return { refused: 'slots full' };
  let n = 0;
  while (list.some((c) => c.slot === `${SLOT_PREFIX}${n}`)) n++;
  const copy: DamagedCopy = { slot: `${SLOT_PREFIX}${n}`, savedAt: now, why, size: raw.length };
  try {
    storage.setItem(copy.slot, raw);
    writeIndex(storage, [copy, ...list]);
  } catch {
    try {
      storage.setItem(copy.slot, '');
    } catch {
      // The slot stays as it was: it is not in the list, so nothing reads it.
    }
    return { refused: 'quota' };
  }
  return { kept: copy };
}

/** Frees a slot (after the learner has downloaded or restored what was in it). */
export function deleteDamaged(storage: Storage2 | undefined, slot: string): boolean {
  if (!storage || (slot !== DAMAGED_KEY && !isSlotKey(slot))) return false;
  try {
    storage.setItem(slot, '');
    if (slot !== DAMAGED_KEY)
      writeIndex(
        storage,
        slotsOf(storage).filter((c) => c.slot !== slot),
      );
    return true;
  } catch {
    return false;
  }
}

/** Why a copy could not be kept, in words. */
const REFUSED_KEY = { 'no storage': 'damaged.refused.noStorage', 'slots full': 'damaged.refused.slotsFull', quota: 'damaged.refused.quota' } as const;

/** Why a copy could not be kept, as a message the page says in its language. */
export function refusedMessage(refused: keyof typeof REFUSED_KEY): Message {
  return message(REFUSED_KEY[refused]);
}

/** The slot name of the copy that could not be kept: it lives only in this page until downloaded or let go. */
export const UNKEPT = 'unkept';

const held = new WeakMap<object, { raw: string; why: string; savedAt: number }>();

/** Holds a copy that could not be kept, for `owner` (the store's port); while held, nothing is saved over it. */
export function holdUnkept(owner: object, copy: { raw: string; why: string; savedAt: number }): void {
  held.set(owner, copy);
}

export function unkeptCopy(owner: object): { raw: string; why: string; savedAt: number } | undefined {
  return held.get(owner);
}

export function releaseUnkept(owner: object): void {
  held.delete(owner);
}
