// A set of the keys util/words.ts makes for runs of words (runKeys: integers below 2^52,
// held exactly in doubles), kept in one typed array. The leak guard asks whether each of a
// big fact base's shown runs of words is a window of withheld text — over a million
// questions at 10,000 facts, nearly all answered no. Asked of a Map, each question boxes
// its key into a new heap number (a Map holds values, not doubles), which cost more than
// the hashing that made the key, and the collector's time besides; asked here, a key
// stays a double and the answer is one or two reads of the array.

const EMPTY = -1;

export class KeySet {
  private slots = new Float64Array(16).fill(EMPTY);
  private mask = 15;
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(key: number): boolean {
    return this.slots[this.slotOf(key)] === key;
  }

  add(key: number): void {
    if (!(key >= 0 && Number.isInteger(key))) throw new RangeError(`KeySet holds non-negative integers, not ${key}`);
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const i = this.slotOf(key);
    if (this.slots[i] === key) return;
    this.slots[i] = key;
    this.count++;
  }

  /** Where `key` is, or the empty slot where it would go (the table is never more than half full). */
  private slotOf(key: number): number {
    // A key's low 32 bits are its second hash (26 bits, see runKeys) and six of the first:
    // already uniform, so they index the table as they are.
    const { slots, mask } = this;
    for (let i = (key >>> 0) & mask; ; i = (i + 1) & mask) {
      const slot = slots[i] as number;
      if (slot === key || slot === EMPTY) return i;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(EMPTY);
    this.mask = this.slots.length - 1;
    this.count = 0;
    for (const key of old) if (key !== EMPTY) this.add(key);
  }
}
