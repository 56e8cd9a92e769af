// drizzle-kit reads this to generate the PostgreSQL migrations from its schema (`npm run db:generate:postgres`).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/postgres/schema.ts',
  out: './migrations/postgres',
});
