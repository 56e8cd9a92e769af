// drizzle-kit reads this to generate SQLite's migrations from the schema (`npm run db:generate`).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/store/schema.ts',
  out: './migrations/sqlite',
});
