/** `1 account`, `3 accounts`: a count and its noun, for nouns that take an s. */
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export { plural };
