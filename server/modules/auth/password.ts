import { hash, verify } from "@node-rs/argon2";

const options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, unusable with isolatedModules) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified against when the account does not exist, so timing does not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

/** True when the password matches; always does the work of one verification. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword("tutora-dummy-password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
