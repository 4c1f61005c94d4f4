/** An amount in dollars as the clerk reads it: "$12.34". */
export const money = (x: number): string => `$${x.toFixed(2)}`;
