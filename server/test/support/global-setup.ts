import { createConnection } from 'mysql2/promise';

// The MySQL pass starts from an empty database, so the real migrations run from the first one.
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith('mysql://')) return;
  const parsed = new URL(url);
  const database = parsed.pathname.slice(1);
  parsed.pathname = '/';
  const connection = await createConnection(parsed.toString());
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
}
