/**
 * Window hash → the ids holding it: the quotation index's lookup table.
 *
 * A corpus of 50,000 articles quotes some 300,000 times, in millions of
 * five-word windows. Held in a `Map` (with a `Set` where several wordings
 * share a window) the table took 2.5 s to build, on the main thread, the
 * first time an opened article's quotations were checked after a load.
 * Here it is open addressing over two typed arrays: no object per entry, a
 * few tens of nanoseconds per window. Most windows belong to one wording;
 * the few that several share keep their ids in a small array.
 */

/** An empty slot. Keys are stored as hash + 1: window hashes are below 2^30. */
const EMPTY = 0;
/** A slot whose window went: probing goes on past it. */
const GONE = 0xffffffff;

export class WindowTable {
  private keys: Uint32Array;
  /** The id, or `-(list + 1)` when several ids share the window. */
  private vals: Int32Array;
  private lists: number[][] = [];
  private freeLists: number[] = [];
  /** Slots in use, live or gone: what makes probing long. */
  private used = 0;
  private live = 0;
  private shift: number;

  constructor(capacity = 1024) {
    let bits = 3;
    while (1 << bits < capacity * 2) bits++;
    this.keys = new Uint32Array(1 << bits);
    this.vals = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  /** Windows held. */
  get size(): number {
    return this.live;
  }

  /** Records that `id` holds the window `hash` (once per id and window: the caller's windows are unique). */
  add(hash: number, id: number): void {
    const key = (hash >>> 0) + 1;
    let slot = this.find(key);
    if (slot >= 0) {
      const v = this.vals[slot];
      if (v >= 0) {
        const list = this.freeLists.length ? this.freeLists.pop()! : this.lists.length;
        this.lists[list] = [v, id];
        this.vals[slot] = -(list + 1);
      } else this.lists[-v - 1].push(id);
      return;
    }
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    slot = this.free(key);
    if (this.keys[slot] === EMPTY) this.used++;
    this.keys[slot] = key;
    this.vals[slot] = id;
    this.live++;
  }

  /** Forgets that `id` holds the window `hash`. */
  remove(hash: number, id: number): void {
    const slot = this.find((hash >>> 0) + 1);
    if (slot < 0) return;
    const v = this.vals[slot];
    if (v >= 0) {
      if (v !== id) return;
      this.keys[slot] = GONE;
      this.live--;
      return;
    }
    const list = this.lists[-v - 1];
    const at = list.indexOf(id);
    if (at < 0) return;
    list[at] = list[list.length - 1];
    list.pop();
    if (list.length === 1) {
      this.vals[slot] = list[0];
      this.lists[-v - 1] = [];
      this.freeLists.push(-v - 1);
    }
  }

  /** Calls `f` with each id holding the window `hash`. */
  forEach(hash: number, f: (id: number) => void): void {
    const slot = this.find((hash >>> 0) + 1);
    if (slot < 0) return;
    const v = this.vals[slot];
    if (v >= 0) f(v);
    else for (const id of this.lists[-v - 1]) f(id);
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The slot holding `key`, or -1. */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = this.home(key); ; slot = (slot + 1) & mask) {
      const k = this.keys[slot];
      if (k === key) return slot;
      if (k === EMPTY) return -1;
    }
  }

  /** The first empty or gone slot on `key`'s probe path (`key` is not in the table). */
  private free(key: number): number {
    const mask = this.keys.length - 1;
    let slot = this.home(key);
    while (this.keys[slot] !== EMPTY && this.keys[slot] !== GONE) slot = (slot + 1) & mask;
    return slot;
  }

  /** Twice the room when live windows fill a quarter of it, else the same room without the gone slots. */
  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    const bits = 32 - this.shift + (this.live * 4 >= keys.length ? 1 : 0);
    this.keys = new Uint32Array(1 << bits);
    this.vals = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.used = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === EMPTY || k === GONE) continue;
      const slot = this.free(k);
      this.keys[slot] = k;
      this.vals[slot] = vals[i];
      this.used++;
    }
  }
}
