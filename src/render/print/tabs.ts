// How many pages print at once. Two keep the browser busy on two cores (one lays out while
// node reads the other's PDF back); each more core can take another renderer. Past four,
// more tabs only add renderer memory (about 100 MB each) for packets that print in well
// under a second.
import { availableParallelism } from 'node:os';

export const TABS = Math.max(2, Math.min(4, availableParallelism()));
