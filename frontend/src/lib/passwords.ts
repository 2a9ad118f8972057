// The contract's password rule (10–200 characters); form-rules.ts checks it before the round trip.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
