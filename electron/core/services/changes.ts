/** Names of the fields whose values differ: what the audit log records of an edit (never the values). */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
  return Object.keys(after)
    .filter((key) => JSON.stringify(before[key as keyof T]) !== JSON.stringify(after[key as keyof T]))
    .sort();
}
