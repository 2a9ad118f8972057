/**
 * The ledger's time of a movement row `alias` (docs/decisions/0029): effective_at, or
 * created_at for rows recorded before that column existed. Written the same way everywhere
 * so the expression indexes on it (movements_item_effective_at, movements_effective_at) apply.
 */
export const ledgerTime = (alias: string) => `coalesce(${alias}.effective_at, ${alias}.created_at)`;
