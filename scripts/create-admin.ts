import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { personSortName } from "../common/format.js";
import { loadConfig } from "../server/config.js";
import { type Db, openDatabase } from "../server/db/client.js";
import { startEmbeddedPostgres } from "../server/db/embedded.js";
import { runMigrations } from "../server/db/migrate.js";
import { hashPassword } from "../server/modules/auth/password.js";

const inputSchema = z.object({
  email: z.string().trim().email(),
  firstName: z.string().trim().min(1).max(200),
  lastName: z.string().trim().min(1).max(200),
  password: z.string().min(12, "the password needs at least 12 characters").max(1000),
});
export type AdminInput = z.infer<typeof inputSchema>;

/** Creates an admin account, or gives the admin role and the new password to an existing account. */
export async function createAdmin(db: Db, input: AdminInput): Promise<{ id: string; created: boolean }> {
  const valid = inputSchema.parse(input);
  const passwordHash = await hashPassword(valid.password);
  return db.transaction(async (tx) => {
    const existing = await tx.execute<{ id: string }>(
      sql`select id from users where lower(email) = lower(${valid.email})`,
    );
    const found = existing.rows[0];
    if (found) {
      await tx.execute(sql`
        update users set password_hash = ${passwordHash}, active = true, updated_at = now(),
          roles = (select array_agg(distinct r) from unnest(roles || '{admin}'::role[]) r)
        where id = ${found.id}`);
      await tx.execute(sql`insert into audit_log (action, entity_type, entity_id, after)
        values ('user.admin_granted', 'user', ${found.id}, ${JSON.stringify({ email: valid.email })}::jsonb)`);
      return { id: found.id, created: false };
    }
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into users (email, password_hash, first_name, last_name, sort_name, roles)
      values (${valid.email}, ${passwordHash}, ${valid.firstName}, ${valid.lastName},
        ${personSortName(valid.lastName, valid.firstName)}, '{admin}')
      returning id`);
    const id = inserted.rows[0]?.id ?? "";
    await tx.execute(sql`insert into audit_log (action, entity_type, entity_id, after)
      values ('user.admin_created', 'user', ${id}, ${JSON.stringify({ email: valid.email })}::jsonb)`);
    return { id, created: true };
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      "first-name": { type: "string", default: "Admin" },
      "last-name": { type: "string", default: "Tutora" },
      password: { type: "string" },
    },
  });
  if (!values.email) {
    console.error(
      "Usage: npm run create-admin -- --email admin@example.com [--first-name A --last-name B] [--password P]",
    );
    console.error("Without --password (or TUTORA_ADMIN_PASSWORD), a password is generated and printed once.");
    process.exit(2);
  }
  const generated = !values.password && !process.env.TUTORA_ADMIN_PASSWORD;
  const password = values.password ?? process.env.TUTORA_ADMIN_PASSWORD ?? crypto.randomBytes(15).toString("base64url");
  const config = loadConfig();
  let stop: (() => Promise<void>) | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
    stop = embedded.stop;
  }
  const database = openDatabase(url, 2);
  try {
    await runMigrations(database.db);
    const result = await createAdmin(database.db, {
      email: values.email,
      firstName: values["first-name"] ?? "Admin",
      lastName: values["last-name"] ?? "Tutora",
      password,
    });
    console.log(`${result.created ? "Created" : "Updated"} admin ${values.email}.`);
    if (generated) console.log(`Password (shown once): ${password}`);
  } catch (error) {
    if (error instanceof z.ZodError) {
      console.error(error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
      process.exitCode = 2;
    } else {
      throw error;
    }
  } finally {
    await database.close();
    if (stop) await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
