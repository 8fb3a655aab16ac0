import { randomUUID } from 'node:crypto';
import type { Db } from '../src/server/db';

/** Two organizations with one owner each; Acme has two patterns, Globex one. */
export async function twoOrganizations(db: Db) {
  const ada = await addUser(db, 'ada@acme.test');
  const bob = await addUser(db, 'bob@globex.test');
  const acme = await addOrganization(db, 'Acme', ada);
  const globex = await addOrganization(db, 'Globex', bob);
  await addPattern(db, acme, ada, 'hello', 'Hi from Acme');
  await addPattern(db, acme, ada, 'price', 'Ask sales');
  await addPattern(db, globex, bob, 'hello', 'Hi from Globex');
  return { ada, bob, acme, globex };
}

export async function addUser(db: Db, email: string): Promise<string> {
  const [user] = await db.query<{ id: string }>(
    "INSERT INTO users (email, password_hash) VALUES ($1, 'not-a-real-hash') RETURNING id",
    [email],
  );
  return user!.id;
}

/** As signup will: the organization and its first owner, in one transaction acting for it. */
export async function addOrganization(db: Db, name: string, ownerId: string): Promise<string> {
  const id = randomUUID();
  await db.forOrg(id, async (tx) => {
    await tx.query('INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $3)', [id, name, `${name.toLowerCase()}-${id.slice(0, 8)}`]);
    await tx.query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'owner')", [ownerId, id]);
  });
  return id;
}

export async function addPattern(db: Db, orgId: string, userId: string, trigger: string, response: string) {
  await db.forOrg(orgId, (tx) =>
    tx.query('INSERT INTO patterns (org_id, created_by, trigger, response) VALUES ($1, $2, $3, $4)', [orgId, userId, trigger, response]),
  );
}
