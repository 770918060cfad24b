// Run as a child process by quiet-logs.test.ts: makes an encrypted database, opens it with the wrong key,
// and prints the typed error code. Whatever SQLCipher writes natively to stderr shows up in the child's.
import { openDatabase } from '../../electron/core/vault/database';

const file = process.argv[2]!;
openDatabase(file, Buffer.alloc(32, 1), { create: true }).close();
try {
  openDatabase(file, Buffer.alloc(32, 2)).close();
  console.log('opened with the wrong key');
} catch (error) {
  console.log((error as { code?: string }).code);
}
